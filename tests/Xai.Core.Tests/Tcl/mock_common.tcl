# Shared machinery of the checking mocks (vitis_hls_mock.tcl, vivado_mock.tcl).
# A mock command validates its options against the documented option set, checks that it is
# called in a valid order, records the call, and fails loudly otherwise. Environment:
#   XAI_MOCK_RECORD      file that receives one line per valid call: name, then each argument
#                        base64(utf-8), tab-separated; "exit <code>" at the end
#   XAI_MOCK_VIOLATIONS  file that receives one line per violation (the script may catch the error)
#   XAI_MOCK_FAIL        name of a command that must raise an error (after validating and recording)
namespace eval ::mock {
    variable record_file $::env(XAI_MOCK_RECORD)
    variable violations_file $::env(XAI_MOCK_VIOLATIONS)
    variable fail_command [expr {[info exists ::env(XAI_MOCK_FAIL)] ? $::env(XAI_MOCK_FAIL) : ""}]
}

proc ::mock::append_line {file line} {
    set channel [open $file a]
    fconfigure $channel -encoding utf-8 -translation lf
    puts $channel $line
    close $channel
}

proc ::mock::record {command arguments} {
    variable record_file
    set fields [list $command]
    foreach argument $arguments {
        lappend fields [binary encode base64 [encoding convertto utf-8 $argument]]
    }
    append_line $record_file [join $fields "\t"]
    variable fail_command
    if {$command eq $fail_command} {
        error "injected failure of $command"
    }
}

proc ::mock::violation {message} {
    variable violations_file
    append_line $violations_file [string map [list "\n" {\n}] $message]
    error "MOCK VIOLATION: $message"
}

# Parses arguments against a spec: a dict from option name to "flag", "value" or
# {enum a b c}. "-name=value" is accepted for any option (the tools write -m_axi_addr64=0).
# Returns {options positional}. Positional count must lie in [min, max] (max -1: unbounded).
proc ::mock::parse {command spec min max arguments} {
    set options [dict create]
    set positional {}
    for {set i 0} {$i < [llength $arguments]} {incr i} {
        set argument [lindex $arguments $i]
        if {[string index $argument 0] eq "-" && ![string is double -strict $argument]} {
            set name $argument
            set inline 0
            set equals [string first = $argument]
            if {$equals > 0} {
                set name [string range $argument 0 [expr {$equals - 1}]]
                set value [string range $argument [expr {$equals + 1}] end]
                set inline 1
            }
            if {![dict exists $spec $name]} {
                violation "$command: unknown option '$name' (documented: [lsort [dict keys $spec]])"
            }
            if {[dict exists $options $name]} {
                violation "$command: option '$name' given twice"
            }
            set kind [dict get $spec $name]
            if {$kind eq "flag"} {
                if {$inline && $value ni {0 1 true false}} {
                    violation "$command: flag '$name' takes no value, got '$value'"
                }
                dict set options $name [expr {$inline ? $value : 1}]
                continue
            }
            if {!$inline} {
                incr i
                if {$i >= [llength $arguments]} {
                    violation "$command: option '$name' needs a value"
                }
                set value [lindex $arguments $i]
            }
            if {[lindex $kind 0] eq "enum" && $value ni [lrange $kind 1 end]} {
                violation "$command: option '$name' is '$value'; documented values: [lrange $kind 1 end]"
            }
            dict set options $name $value
        } else {
            lappend positional $argument
        }
    }
    set count [llength $positional]
    if {$count < $min || ($max >= 0 && $count > $max)} {
        violation "$command: expected $min..[expr {$max < 0 ? {n} : $max}] positional arguments, got $count: $positional"
    }
    return [list $options $positional]
}

proc ::mock::require {condition message} {
    if {![uplevel 1 [list expr $condition]]} {
        violation $message
    }
}

# Anything the mock does not define is a command the generated script must not call.
proc unknown {args} {
    ::mock::violation "unknown command: $args"
}

rename exit ::mock::real_exit
proc exit {{code 0}} {
    ::mock::append_line $::mock::record_file "exit $code"
    if {$code == 0} {
        ::mock::at_success_exit
    }
    ::mock::real_exit $code
}

# Hook for end-of-script checks of each mock.
proc ::mock::at_success_exit {} {}
