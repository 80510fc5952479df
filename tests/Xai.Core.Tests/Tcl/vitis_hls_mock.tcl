# Checking mock of the Vitis HLS classic Tcl commands, written from UG1399 (project and
# configuration commands, 2020.2-2025.2) and the tool-written script.tcl files in
# shared/fixtures/vitis. Order enforced (the documented project flow):
#   open_project, set_top, add_files (design, then -tb), open_solution, set_part, create_clock,
#   config_*, then csim_design / csynth_design / cosim_design / export_design, close_project.
# cosim_design and export_design need a synthesized solution: csynth_design earlier in the same
# run, or a project reopened without -reset (whose earlier synthesis the test vouches for).
source [file join [file dirname [info script]] mock_common.tcl]

namespace eval ::hls {
    variable project ""
    variable project_reset 0
    variable top ""
    variable design_files {}
    variable tb_files {}
    variable solution ""
    variable part ""
    variable clock ""
    variable synthesized 0
    variable steps {}
    variable closed 0
}

proc ::hls::need_project {command} {
    ::mock::require {$::hls::project ne "" && !$::hls::closed} "$command: no open project (open_project must come first)"
}

proc ::hls::before_solution {command} {
    need_project $command
    ::mock::require {$::hls::solution eq ""} "$command: project-level command after open_solution"
}

proc ::hls::need_solution {command} {
    need_project $command
    ::mock::require {$::hls::solution ne ""} "$command: no open solution"
}

proc ::hls::need_target {command} {
    need_solution $command
    ::mock::require {$::hls::part ne ""} "$command: set_part has not been called"
    ::mock::require {$::hls::clock ne ""} "$command: create_clock has not been called"
}

proc ::hls::check_file {command path} {
    ::mock::require {![regexp {\s} $path]} "$command: '$path' contains whitespace; add_files would split it into several files"
    ::mock::require {[file exists $path]} "$command: '$path' does not exist (cwd [pwd])"
}

proc open_project {args} {
    lassign [::mock::parse open_project {-reset flag -upgrade flag} 1 1 $args] options positional
    ::mock::require {$::hls::project eq ""} "open_project: a project is already open"
    ::mock::record open_project $args
    set ::hls::project [lindex $positional 0]
    set ::hls::project_reset [dict exists $options -reset]
}

proc set_top {args} {
    lassign [::mock::parse set_top {} 1 1 $args] options positional
    ::hls::before_solution set_top
    ::mock::require {[regexp {^[A-Za-z_][A-Za-z0-9_]*$} [lindex $positional 0]]} "set_top: '[lindex $positional 0]' is not a C identifier"
    ::mock::record set_top $args
    set ::hls::top [lindex $positional 0]
}

proc add_files {args} {
    lassign [::mock::parse add_files {-tb flag -cflags value -csimflags value -blackbox value} 1 1 $args] options positional
    ::hls::before_solution add_files
    set path [lindex $positional 0]
    ::hls::check_file add_files $path
    ::mock::record add_files $args
    if {[dict exists $options -tb]} {
        lappend ::hls::tb_files $path
    } else {
        ::mock::require {[llength $::hls::tb_files] == 0} "add_files: design file '$path' added after testbench files (generated order: design first)"
        lappend ::hls::design_files $path
    }
}

proc open_solution {args} {
    lassign [::mock::parse open_solution {-reset flag -flow_target {enum vivado vitis}} 1 1 $args] options positional
    ::hls::need_project open_solution
    ::mock::require {$::hls::solution eq ""} "open_solution: a solution is already open"
    ::mock::require {$::hls::top ne ""} "open_solution: set_top has not been called"
    ::mock::require {[llength $::hls::design_files] > 0} "open_solution: no design files were added"
    ::mock::require {[dict exists $options -flow_target] && [dict get $options -flow_target] eq "vivado"} "open_solution: the SDK targets Vivado IP; -flow_target vivado expected"
    ::mock::record open_solution $args
    set ::hls::solution [lindex $positional 0]
}

proc set_part {args} {
    lassign [::mock::parse set_part {-tool value} 1 1 $args] options positional
    ::hls::need_solution set_part
    ::mock::require {[regexp {^x[a-z0-9]+(-[a-z0-9]+)*$} [lindex $positional 0]]} "set_part: '[lindex $positional 0]' is not a part name"
    ::mock::record set_part $args
    set ::hls::part [lindex $positional 0]
}

proc create_clock {args} {
    lassign [::mock::parse create_clock {-period value -name value} 0 0 $args] options positional
    ::hls::need_solution create_clock
    ::mock::require {[dict exists $options -period]} "create_clock: -period is required"
    set period [dict get $options -period]
    ::mock::require {([string is double -strict $period] && $period > 0) || [regexp {^[0-9.]+MHz$} $period]} "create_clock: -period '$period' is neither ns nor MHz"
    ::mock::record create_clock $args
    set ::hls::clock $period
}

proc config_interface {args} {
    lassign [::mock::parse config_interface {
        -default_slave_interface {enum none s_axilite} -m_axi_addr64 flag -m_axi_offset {enum off direct slave}
        -m_axi_alignment_byte_size value -m_axi_max_widen_bitwidth value -m_axi_latency value
        -m_axi_auto_max_ports flag -m_axi_max_bitwidth value -m_axi_min_bitwidth value
        -m_axi_max_read_burst_length value -m_axi_max_write_burst_length value
        -m_axi_num_read_outstanding value -m_axi_num_write_outstanding value
        -register_io {enum off scalar_in scalar_out scalar_all} -s_axilite_data64 flag -clock_enable flag
    } 0 0 $args] options positional
    ::hls::need_solution config_interface
    ::mock::require {!$::hls::synthesized} "config_interface: after csynth_design it has no effect"
    # UG1399: max_widen_bitwidth 0 or a power of two up to 1024; alignment a power of two (0 invalid);
    # latency a cycle count; bursts 1 to 256 beats (AXI4); outstanding requests 1 or more.
    set pow2 {[string is integer -strict $v] && $v > 0 && ($v & ($v - 1)) == 0}
    set checks [dict create \
        -m_axi_max_widen_bitwidth [list "\$v == 0 || ($pow2 && \$v <= 1024)" "0 or a power of two up to 1024"] \
        -m_axi_alignment_byte_size [list $pow2 "a power of two"] \
        -m_axi_latency [list {[string is integer -strict $v] && $v >= 0} "a cycle count"] \
        -m_axi_max_read_burst_length [list {[string is integer -strict $v] && $v >= 1 && $v <= 256} "1 to 256"] \
        -m_axi_max_write_burst_length [list {[string is integer -strict $v] && $v >= 1 && $v <= 256} "1 to 256"] \
        -m_axi_num_read_outstanding [list {[string is integer -strict $v] && $v >= 1} "1 or more"] \
        -m_axi_num_write_outstanding [list {[string is integer -strict $v] && $v >= 1} "1 or more"]]
    dict for {name check} $checks {
        if {[dict exists $options $name]} {
            set v [dict get $options $name]
            ::mock::require [lindex $check 0] "config_interface: $name '$v' is not [lindex $check 1]"
        }
    }
    ::mock::record config_interface $args
}

proc config_export {args} {
    lassign [::mock::parse config_export {
        -format {enum ip_catalog xo syn_dcp sysgen} -rtl {enum verilog vhdl} -flow {enum none syn impl}
        -output value -vendor value -library value -ipname value -version value -display_name value
        -description value -taxonomy value -ip_xdc_file value -ip_xdc_ooc_file value -vivado_clock value
        -vivado_phys_opt value -vivado_report_level value -vivado_synth_strategy value
        -vivado_synth_design_args value -vivado_max_timing_paths value
    } 0 0 $args] options positional
    ::hls::need_solution config_export
    if {[dict exists $options -version]} {
        ::mock::require {[regexp {^[0-9]+\.[0-9]+$} [dict get $options -version]]} "config_export: -version must be MAJOR.MINOR"
    }
    ::mock::record config_export $args
}

proc csim_design {args} {
    lassign [::mock::parse csim_design {-O flag -argv value -clean flag -ldflags value -mflags value -profile flag -setup flag} 0 0 $args] options positional
    ::hls::need_target csim_design
    ::mock::require {[llength $::hls::tb_files] > 0} "csim_design: no testbench files"
    ::mock::require {"csim_design" ni $::hls::steps} "csim_design: run twice"
    ::mock::require {!$::hls::synthesized} "csim_design: generated order is csim before csynth"
    ::mock::record csim_design $args
    lappend ::hls::steps csim_design
}

proc csynth_design {args} {
    lassign [::mock::parse csynth_design {-dump_cfg flag -dump_post_cfg flag -synthesis_check flag} 0 0 $args] options positional
    ::hls::need_target csynth_design
    ::mock::require {!$::hls::synthesized} "csynth_design: run twice"
    ::mock::record csynth_design $args
    set ::hls::synthesized 1
    lappend ::hls::steps csynth_design
}

proc ::hls::need_synthesis {command} {
    need_target $command
    ::mock::require {$::hls::synthesized || !$::hls::project_reset} "$command: needs csynth_design first (the project was reset)"
}

proc cosim_design {args} {
    lassign [::mock::parse cosim_design {
        -O flag -argv value -ldflags value -mflags value -rtl {enum verilog vhdl}
        -tool {enum auto xsim vcs modelsim riviera ncsim xcelium} -trace_level {enum none port port_hier all}
        -wave_debug flag -setup flag -compiled_library_dir value -coverage flag -disable_binary_tv flag
        -disable_deadlock_detection flag -disable_dependency_check flag -enable_dataflow_profiling flag
        -enable_fifo_sizing flag -random_stall flag
    } 0 0 $args] options positional
    ::hls::need_synthesis cosim_design
    ::mock::require {[llength $::hls::tb_files] > 0} "cosim_design: no testbench files"
    ::mock::require {"export_design" ni $::hls::steps} "cosim_design: generated order is cosim before export"
    ::mock::record cosim_design $args
    lappend ::hls::steps cosim_design
}

proc export_design {args} {
    lassign [::mock::parse export_design {
        -format {enum ip_catalog xo syn_dcp sysgen} -flow {enum syn impl} -rtl {enum verilog vhdl} -output value
        -description value -display_name value -ipname value -library value -vendor value -version value -taxonomy value
    } 0 0 $args] options positional
    ::hls::need_synthesis export_design
    ::mock::require {[dict exists $options -format]} "export_design: -format is required for an IP"
    ::mock::record export_design $args
    lappend ::hls::steps export_design
}

proc close_project {args} {
    lassign [::mock::parse close_project {} 0 0 $args] options positional
    ::hls::need_project close_project
    ::mock::record close_project $args
    set ::hls::closed 1
}

proc ::mock::at_success_exit {} {
    ::mock::require {$::hls::project ne ""} "exit 0 without a project"
    ::mock::require {[llength $::hls::steps] > 0} "exit 0 without running any step"
}
