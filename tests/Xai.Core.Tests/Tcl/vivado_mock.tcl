# Checking mock of the Vivado batch Tcl commands used for an HLS-IP block design, bitstream,
# XSA export and JTAG programming, written from UG835 (command options) and the reference
# notes (shared/reference/vitis-vivado-flow.md section 5). Order enforced: project, board part,
# IP repository, catalog update, block design, PS cell + board automation, PS CONFIG, HLS cell,
# AXI automation (endpoints enabled and of the right direction), addresses, validate, save,
# wrapper, top, synth_1, impl_1 to write_bitstream, then exports; hardware manager, server,
# target, device, PROGRAM.FILE, program.
# Environment (besides mock_common.tcl):
#   XAI_MOCK_IP_REPO   the one directory that holds the HLS IP (compared verbatim)
#   XAI_MOCK_IP_VLNV   the VLNV of that IP
#   XAI_MOCK_RUN_FAIL  a run (synth_1, impl_1) that ends below 100% without raising an error
#   XAI_MOCK_HWH_DIR   gen (Vivado >= 2020.2, default) or srcs (older): where the .hwh appears
#   XAI_MOCK_JTAG_CHAIN devices on the JTAG chain (default: arm_dap_0 xc7z020_1)
source [file join [file dirname [info script]] mock_common.tcl]

namespace eval ::viv {
    variable board_parts {tul.com.tw:pynq-z2:part0:1.0 avnet.com:ultra96v2:part0:1.2 xilinx.com:zcu104:part0:1.1}
    variable board_part_of {
        tul.com.tw:pynq-z2:part0:1.0 xc7z020clg400-1
        avnet.com:ultra96v2:part0:1.2 xczu3eg-sbva484-1-i
        xilinx.com:zcu104:part0:1.1 xczu7ev-ffvc1156-2-e
    }
    variable ps_ipdefs {xilinx.com:ip:processing_system7:5.5 xilinx.com:ip:zynq_ultra_ps_e:3.5}
    variable project ""
    variable project_dir ""
    variable part ""
    variable board_part ""
    variable ip_repos {}
    variable catalog_updated 0
    variable bd ""
    variable cells [dict create]
    variable automated {}
    variable config [dict create]
    variable connected {}
    variable addressed 0
    variable validated 0
    variable saved 0
    variable wrapper ""
    variable wrapper_added 0
    variable top ""
    variable runs [dict create]
    variable hw_manager 0
    variable hw_server 0
    variable hw_target 0
    variable hw_current ""
    variable hw_program_file ""
    variable programmed 0
    variable hw_used 0
    # CONFIG names each PS accepts in these scripts (PCW_* for the PS7; PSU__* for the PS8).
    variable ps_config_names {
        processing_system7 {CONFIG.PCW_USE_M_AXI_GP0 CONFIG.PCW_USE_M_AXI_GP1 CONFIG.PCW_USE_S_AXI_HP0 CONFIG.PCW_USE_S_AXI_HP1
            CONFIG.PCW_USE_S_AXI_HP2 CONFIG.PCW_USE_S_AXI_HP3 CONFIG.PCW_USE_S_AXI_ACP CONFIG.PCW_FPGA0_PERIPHERAL_FREQMHZ
            CONFIG.PCW_USE_FABRIC_INTERRUPT CONFIG.PCW_IRQ_F2P_INTR}
        zynq_ultra_ps_e {CONFIG.PSU__USE__M_AXI_GP0 CONFIG.PSU__USE__M_AXI_GP1 CONFIG.PSU__USE__M_AXI_GP2 CONFIG.PSU__USE__S_AXI_GP0
            CONFIG.PSU__USE__S_AXI_GP1 CONFIG.PSU__USE__S_AXI_GP2 CONFIG.PSU__USE__S_AXI_GP3 CONFIG.PSU__USE__S_AXI_GP4
            CONFIG.PSU__USE__S_AXI_GP5 CONFIG.PSU__CRL_APB__PL0_REF_CTRL__FREQMHZ CONFIG.PSU__USE__IRQ0}
    }
    # Interface -> CONFIG that must be 1 for it to exist, and its direction.
    variable ps_ports {
        processing_system7 {M_AXI_GP0 {CONFIG.PCW_USE_M_AXI_GP0 master} M_AXI_GP1 {CONFIG.PCW_USE_M_AXI_GP1 master}
            S_AXI_HP0 {CONFIG.PCW_USE_S_AXI_HP0 slave} S_AXI_HP1 {CONFIG.PCW_USE_S_AXI_HP1 slave}
            S_AXI_HP2 {CONFIG.PCW_USE_S_AXI_HP2 slave} S_AXI_HP3 {CONFIG.PCW_USE_S_AXI_HP3 slave}}
        zynq_ultra_ps_e {M_AXI_HPM0_FPD {CONFIG.PSU__USE__M_AXI_GP0 master} M_AXI_HPM1_FPD {CONFIG.PSU__USE__M_AXI_GP1 master}
            M_AXI_HPM0_LPD {CONFIG.PSU__USE__M_AXI_GP2 master} S_AXI_HP0_FPD {CONFIG.PSU__USE__S_AXI_GP2 slave}
            S_AXI_HP1_FPD {CONFIG.PSU__USE__S_AXI_GP3 slave} S_AXI_HP2_FPD {CONFIG.PSU__USE__S_AXI_GP4 slave}
            S_AXI_HP3_FPD {CONFIG.PSU__USE__S_AXI_GP5 slave}}
    }
    variable ps_irq {processing_system7 {IRQ_F2P CONFIG.PCW_USE_FABRIC_INTERRUPT} zynq_ultra_ps_e {pl_ps_irq0 CONFIG.PSU__USE__IRQ0}}
}

proc ::viv::env {name default} {
    expr {[info exists ::env($name)] ? $::env($name) : $default}
}

proc ::viv::need_project {command} {
    ::mock::require {$::viv::project ne ""} "$command: no project (create_project first)"
}

proc ::viv::need_bd {command} {
    need_project $command
    ::mock::require {$::viv::bd ne ""} "$command: no block design (create_bd_design first)"
}

# Splits "cell/intf" and checks the interface exists on that cell; returns {cell ip intf direction}.
proc ::viv::interface {command path} {
    set path [string trimleft $path /]
    ::mock::require {[llength [split $path /]] == 2} "$command: '$path' is not cell/interface"
    lassign [split $path /] cell intf
    ::mock::require {[dict exists $::viv::cells $cell]} "$command: no cell '$cell' in the block design"
    set ip [dict get $::viv::cells $cell]
    if {[dict exists $::viv::ps_ports $ip]} {
        set ports [dict get $::viv::ps_ports $ip]
        ::mock::require {[dict exists $ports $intf]} "$command: $ip has no interface '$intf'"
        lassign [dict get $ports $intf] enable direction
        ::mock::require {[dict exists $::viv::config $cell $enable] && [dict get $::viv::config $cell $enable] == 1} "$command: $cell/$intf is not enabled ($enable is not 1)"
    } elseif {[string match s_axi_* $intf]} {
        set direction slave
    } elseif {[string match m_axi_* $intf]} {
        set direction master
    } else {
        ::mock::violation "$command: HLS IP interface '$intf' is neither s_axi_* nor m_axi_*"
    }
    return [list $cell $ip $intf $direction]
}

proc create_project {args} {
    lassign [::mock::parse create_project {-force flag -part value -in_memory flag -ip flag -rtl_kernel flag -quiet flag -verbose flag} 1 2 $args] options positional
    ::mock::require {$::viv::project eq ""} "create_project: a project is already open"
    ::mock::require {[dict exists $options -part]} "create_project: -part is required here"
    ::mock::require {[dict get $options -part] in [dict values $::viv::board_part_of]} "create_project: unknown part '[dict get $options -part]'"
    ::mock::record create_project $args
    set ::viv::project [lindex $positional 0]
    set ::viv::project_dir [expr {[llength $positional] == 2 ? [lindex $positional 1] : "."}]
    set ::viv::part [dict get $options -part]
    file mkdir $::viv::project_dir
    return project:$::viv::project
}

proc current_project {args} {
    lassign [::mock::parse current_project {-quiet flag -verbose flag} 0 0 $args] options positional
    ::viv::need_project current_project
    return project:$::viv::project
}

proc current_fileset {args} {
    lassign [::mock::parse current_fileset {-quiet flag -verbose flag -constrset flag -simset flag} 0 0 $args] options positional
    ::viv::need_project current_fileset
    return fileset:sources_1
}

proc get_board_parts {args} {
    lassign [::mock::parse get_board_parts {-quiet flag -verbose flag -latest_file_version flag -filter value} 0 1 $args] options positional
    ::mock::record get_board_parts $args
    set result {}
    foreach board_part $::viv::board_parts {
        if {[llength $positional] == 0 || [string match [lindex $positional 0] $board_part]} { lappend result $board_part }
    }
    return $result
}

proc set_property {args} {
    if {[lindex $args 0] eq "-dict"} {
        ::mock::require {[llength $args] == 3} "set_property -dict: expected -dict <list> <objects>"
        lassign $args - pairs object
        ::mock::require {[llength $pairs] % 2 == 0} "set_property -dict: odd-length list"
        ::mock::require {[string match bd_cell:* $object]} "set_property -dict: object '$object' is not a bd cell"
        set cell [string range $object 8 end]
        set ip [dict get $::viv::cells $cell]
        ::mock::require {[dict exists $::viv::ps_config_names $ip]} "set_property -dict: CONFIG on $ip is not expected"
        ::mock::require {$cell in $::viv::automated} "set_property -dict: $cell CONFIG before its board automation (the preset would overwrite it)"
        foreach {name value} $pairs {
            ::mock::require {$name in [dict get $::viv::ps_config_names $ip]} "set_property -dict: $ip has no property '$name'"
            ::mock::require {[string is double -strict $value]} "set_property -dict: $name value '$value' is not a number"
            dict set ::viv::config $cell $name $value
        }
        ::mock::record set_property $args
        return
    }
    lassign [::mock::parse set_property {-quiet flag -verbose flag} 3 3 $args] options positional
    lassign $positional name value object
    switch -- $name {
        board_part {
            ::mock::require {$object eq "project:$::viv::project"} "set_property board_part: object is not the project"
            ::mock::require {[dict exists $::viv::board_part_of $value]} "set_property board_part: unknown board part '$value'"
            ::mock::require {[dict get $::viv::board_part_of $value] eq $::viv::part} "set_property board_part: '$value' is not for part $::viv::part"
            set ::viv::board_part $value
        }
        ip_repo_paths {
            ::mock::require {$object eq "project:$::viv::project"} "set_property ip_repo_paths: object is not the project"
            ::mock::require {![catch {llength $value}]} "set_property ip_repo_paths: value is not a Tcl list"
            foreach repo $value {
                ::mock::require {[file isdirectory $repo]} "set_property ip_repo_paths: '$repo' is not a directory"
            }
            set ::viv::ip_repos $value
        }
        top {
            ::mock::require {$object eq "fileset:sources_1"} "set_property top: object is not the sources fileset"
            ::mock::require {$::viv::wrapper_added} "set_property top: the wrapper is not in the project"
            ::mock::require {$value eq "${::viv::bd}_wrapper"} "set_property top: '$value' is not the wrapper ${::viv::bd}_wrapper"
            set ::viv::top $value
        }
        PROGRAM.FILE {
            ::mock::require {$object eq $::viv::hw_current && $object ne ""} "set_property PROGRAM.FILE: '$object' is not the current hw device"
            ::mock::require {[file isfile $value]} "set_property PROGRAM.FILE: '$value' does not exist"
            set ::viv::hw_program_file $value
        }
        default {
            ::mock::violation "set_property: property '$name' is not expected in these scripts"
        }
    }
    ::mock::record set_property $args
}

proc update_ip_catalog {args} {
    lassign [::mock::parse update_ip_catalog {-rebuild flag -quiet flag -verbose flag -repo_path value} 0 0 $args] options positional
    ::viv::need_project update_ip_catalog
    ::mock::require {[llength $::viv::ip_repos] > 0} "update_ip_catalog: no ip_repo_paths set"
    ::mock::record update_ip_catalog $args
    set ::viv::catalog_updated 1
}

proc get_ipdefs {args} {
    lassign [::mock::parse get_ipdefs {-quiet flag -verbose flag -all flag -filter value -regexp flag -nocase flag} 1 1 $args] options positional
    ::viv::need_project get_ipdefs
    set known $::viv::ps_ipdefs
    if {$::viv::catalog_updated && [::viv::env XAI_MOCK_IP_REPO {}] in $::viv::ip_repos} {
        lappend known [::viv::env XAI_MOCK_IP_VLNV {}]
    }
    set result {}
    foreach vlnv $known {
        if {[string match [lindex $positional 0] $vlnv]} { lappend result $vlnv }
    }
    ::mock::record get_ipdefs $args
    return $result
}

proc create_bd_design {args} {
    lassign [::mock::parse create_bd_design {-dir value -quiet flag -verbose flag} 1 1 $args] options positional
    ::viv::need_project create_bd_design
    ::mock::require {$::viv::board_part ne ""} "create_bd_design: before the board part (board automation needs it)"
    ::mock::require {$::viv::bd eq ""} "create_bd_design: a block design already exists"
    ::mock::record create_bd_design $args
    set ::viv::bd [lindex $positional 0]
}

proc create_bd_cell {args} {
    lassign [::mock::parse create_bd_cell {-type {enum ip module hier} -vlnv value -reference value -quiet flag -verbose flag} 1 1 $args] options positional
    ::viv::need_bd create_bd_cell
    ::mock::require {[dict exists $options -type] && [dict get $options -type] eq "ip"} "create_bd_cell: -type ip expected"
    set vlnv [dict get $options -vlnv]
    set name [lindex $positional 0]
    ::mock::require {![dict exists $::viv::cells $name]} "create_bd_cell: '$name' exists"
    ::mock::require {[regexp {^[A-Za-z][A-Za-z0-9_]*$} $name]} "create_bd_cell: '$name' is not a valid cell name"
    if {$vlnv in $::viv::ps_ipdefs} {
        set ip [lindex [split $vlnv :] 2]
        set expected [expr {[string match xc7z* $::viv::part] ? "processing_system7" : "zynq_ultra_ps_e"}]
        ::mock::require {$ip eq $expected} "create_bd_cell: $ip does not belong on $::viv::part"
    } else {
        ::mock::require {$vlnv eq [::viv::env XAI_MOCK_IP_VLNV {}] && $::viv::catalog_updated && [::viv::env XAI_MOCK_IP_REPO {}] in $::viv::ip_repos} "create_bd_cell: '$vlnv' is not in the IP catalog"
        set ip hls
    }
    ::mock::record create_bd_cell $args
    dict set ::viv::cells $name $ip
    return bd_cell:$name
}

proc get_bd_cells {args} {
    lassign [::mock::parse get_bd_cells {-quiet flag -verbose flag} 1 1 $args] options positional
    set name [string trimleft [lindex $positional 0] /]
    ::mock::require {[dict exists $::viv::cells $name]} "get_bd_cells: no cell '$name'"
    return bd_cell:$name
}

proc get_bd_intf_pins {args} {
    lassign [::mock::parse get_bd_intf_pins {-quiet flag -verbose flag} 1 1 $args] options positional
    lassign [::viv::interface get_bd_intf_pins [lindex $positional 0]] cell ip intf direction
    return bd_intf_pin:$cell/$intf
}

proc get_bd_pins {args} {
    lassign [::mock::parse get_bd_pins {-quiet flag -verbose flag} 1 1 $args] options positional
    set path [string trimleft [lindex $positional 0] /]
    lassign [split $path /] cell pin
    ::mock::require {[dict exists $::viv::cells $cell]} "get_bd_pins: no cell '$cell'"
    return bd_pin:$path
}

proc apply_bd_automation {args} {
    lassign [::mock::parse apply_bd_automation {-rule value -config value -opts value -dict value -quiet flag -verbose flag} 1 1 $args] options positional
    ::viv::need_bd apply_bd_automation
    set rule [dict get $options -rule]
    set config [dict get $options -config]
    set object [lindex $positional 0]
    ::mock::require {[llength $config] % 2 == 0} "apply_bd_automation: -config is not a dict"
    switch -- $rule {
        xilinx.com:bd_rule:processing_system7 - xilinx.com:bd_rule:zynq_ultra_ps_e {
            set ip [lindex [split $rule :] 2]
            set allowed [expr {$ip eq "processing_system7" ? {make_external apply_board_preset Master Slave} : {apply_board_preset}}]
            dict for {key value} $config { ::mock::require {$key in $allowed} "apply_board_preset: unknown -config key '$key' for $rule" }
            ::mock::require {[string match bd_cell:* $object]} "apply_bd_automation $rule: object is not a cell"
            set cell [string range $object 8 end]
            ::mock::require {[dict get $::viv::cells $cell] eq $ip} "apply_bd_automation $rule: $cell is not a $ip"
            lappend ::viv::automated $cell
        }
        xilinx.com:bd_rule:axi4 {
            dict for {key value} $config {
                ::mock::require {$key in {Clk_master Clk_slave Clk_xbar Master Slave ddr_seg intc_ip master_apm}} "apply_bd_automation axi4: unknown -config key '$key'"
            }
            ::mock::require {[dict exists $config Master] && [dict exists $config Slave]} "apply_bd_automation axi4: Master and Slave are required"
            lassign [::viv::interface "axi4 Master" [dict get $config Master]] mcell mip mintf mdir
            lassign [::viv::interface "axi4 Slave" [dict get $config Slave]] scell sip sintf sdir
            ::mock::require {$mdir eq "master"} "apply_bd_automation axi4: Master $mcell/$mintf is a $mdir interface"
            ::mock::require {$sdir eq "slave"} "apply_bd_automation axi4: Slave $scell/$sintf is a $sdir interface"
            ::mock::require {$mcell in $::viv::automated || $scell in $::viv::automated} "apply_bd_automation axi4: the PS has not had its board automation"
            ::mock::require {$object in [list bd_intf_pin:$mcell/$mintf bd_intf_pin:$scell/$sintf]} "apply_bd_automation axi4: object '$object' is neither endpoint"
            set hls_end [expr {$mip eq "hls" ? "$mcell/$mintf" : "$scell/$sintf"}]
            ::mock::require {$hls_end ni $::viv::connected} "apply_bd_automation axi4: $hls_end connected twice"
            lappend ::viv::connected $hls_end
        }
        default { ::mock::violation "apply_bd_automation: unknown rule '$rule'" }
    }
    ::mock::record apply_bd_automation $args
}

proc connect_bd_net {args} {
    lassign [::mock::parse connect_bd_net {-quiet flag -verbose flag -net value} 2 -1 $args] options positional
    ::viv::need_bd connect_bd_net
    foreach pin $positional {
        ::mock::require {[string match bd_pin:* $pin]} "connect_bd_net: '$pin' is not a pin"
        lassign [split [string range $pin 7 end] /] cell name
        set ip [dict get $::viv::cells $cell]
        if {$ip eq "hls"} {
            ::mock::require {$name eq "interrupt"} "connect_bd_net: unexpected HLS pin '$name'"
        } else {
            lassign [dict get $::viv::ps_irq $ip] irq_pin irq_enable
            ::mock::require {$name eq $irq_pin} "connect_bd_net: $ip pin '$name' is not its PL interrupt input $irq_pin"
            ::mock::require {[dict exists $::viv::config $cell $irq_enable] && [dict get $::viv::config $cell $irq_enable] == 1} "connect_bd_net: $irq_pin not enabled ($irq_enable)"
        }
    }
    ::mock::record connect_bd_net $args
}

proc assign_bd_address {args} {
    lassign [::mock::parse assign_bd_address {-quiet flag -verbose flag -force flag -offset value -range value -target_address_space value -export_to_file value} 0 1 $args] options positional
    ::viv::need_bd assign_bd_address
    ::mock::require {[llength $::viv::connected] > 0} "assign_bd_address: nothing is connected yet"
    ::mock::record assign_bd_address $args
    set ::viv::addressed 1
}

proc validate_bd_design {args} {
    lassign [::mock::parse validate_bd_design {-force flag -quiet flag -verbose flag -design value} 0 0 $args] options positional
    ::viv::need_bd validate_bd_design
    ::mock::require {$::viv::addressed} "validate_bd_design: addresses are not assigned"
    ::mock::require {[llength $::viv::connected] >= 2} "validate_bd_design: the HLS IP needs its control and at least one memory connection"
    ::mock::record validate_bd_design $args
    set ::viv::validated 1
}

proc save_bd_design {args} {
    lassign [::mock::parse save_bd_design {-quiet flag -verbose flag} 0 1 $args] options positional
    ::viv::need_bd save_bd_design
    ::mock::record save_bd_design $args
    set ::viv::saved 1
}

proc get_files {args} {
    lassign [::mock::parse get_files {-quiet flag -verbose flag -of_objects value -filter value -all flag} 1 1 $args] options positional
    ::viv::need_bd get_files
    ::mock::require {[lindex $positional 0] eq "$::viv::bd.bd"} "get_files: '[lindex $positional 0]' is not the block design file"
    return [file join $::viv::project_dir $::viv::project.srcs sources_1 bd $::viv::bd $::viv::bd.bd]
}

proc ::viv::generated_dir {} {
    set kind [::viv::env XAI_MOCK_HWH_DIR gen]
    return [file join $::viv::project_dir $::viv::project.$kind sources_1 bd $::viv::bd]
}

proc make_wrapper {args} {
    lassign [::mock::parse make_wrapper {-files value -top flag -fileset value -import flag -force flag -inst_template flag -testbench flag -quiet flag -verbose flag} 0 0 $args] options positional
    ::viv::need_bd make_wrapper
    ::mock::require {$::viv::validated && $::viv::saved} "make_wrapper: the block design is not validated and saved"
    ::mock::require {[dict exists $options -files] && [dict get $options -files] eq [get_files $::viv::bd.bd]} "make_wrapper: -files is not the block design"
    ::mock::require {[dict exists $options -top]} "make_wrapper: -top expected"
    set ::viv::wrapper [file join [::viv::generated_dir] hdl ${::viv::bd}_wrapper.v]
    file mkdir [file dirname $::viv::wrapper]
    close [open $::viv::wrapper w]
    ::mock::record make_wrapper $args
    return $::viv::wrapper
}

proc add_files {args} {
    lassign [::mock::parse add_files {-norecurse flag -fileset value -scan_for_includes flag -quiet flag -verbose flag} 1 -1 $args] options positional
    ::viv::need_project add_files
    foreach file $positional {
        ::mock::require {[file isfile $file]} "add_files: '$file' does not exist"
        if {$file eq $::viv::wrapper} { set ::viv::wrapper_added 1 }
    }
    ::mock::record add_files $args
}

proc update_compile_order {args} {
    lassign [::mock::parse update_compile_order {-fileset value -quiet flag -verbose flag} 0 0 $args] options positional
    ::viv::need_project update_compile_order
    ::mock::record update_compile_order $args
}

proc launch_runs {args} {
    lassign [::mock::parse launch_runs {-jobs value -to_step {enum opt_design power_opt_design place_design route_design phys_opt_design write_bitstream} -next_step flag -scripts_only flag -quiet flag -verbose flag} 1 -1 $args] options positional
    ::viv::need_project launch_runs
    ::mock::require {$::viv::top ne ""} "launch_runs: no top set"
    if {[dict exists $options -jobs]} {
        ::mock::require {[string is integer -strict [dict get $options -jobs]] && [dict get $options -jobs] >= 1} "launch_runs: -jobs must be a positive integer"
    }
    foreach run $positional {
        ::mock::require {$run in {synth_1 impl_1}} "launch_runs: unknown run '$run'"
        if {$run eq "impl_1"} {
            ::mock::require {[dict exists $options -to_step] && [dict get $options -to_step] eq "write_bitstream"} "launch_runs impl_1: -to_step write_bitstream expected (no bitstream otherwise)"
            ::mock::require {[dict exists $::viv::runs synth_1]} "launch_runs impl_1: synth_1 was not run"
        }
        set failed [expr {[::viv::env XAI_MOCK_RUN_FAIL {}] eq $run}]
        dict set ::viv::runs $run [expr {$failed ? "failed" : "launched"}]
        if {$run eq "impl_1" && !$failed} {
            set dir [file join $::viv::project_dir $::viv::project.runs impl_1]
            file mkdir $dir
            close [open [file join $dir ${::viv::bd}_wrapper.bit] w]
            file mkdir [file join [::viv::generated_dir] hw_handoff]
            close [open [file join [::viv::generated_dir] hw_handoff $::viv::bd.hwh] w]
        }
    }
    ::mock::record launch_runs $args
}

proc wait_on_run {args} {
    lassign [::mock::parse wait_on_run {-timeout value -quiet flag -verbose flag} 1 1 $args] options positional
    ::mock::require {[dict exists $::viv::runs [lindex $positional 0]]} "wait_on_run: run '[lindex $positional 0]' was not launched"
    ::mock::record wait_on_run $args
}

proc get_runs {args} {
    lassign [::mock::parse get_runs {-quiet flag -verbose flag -filter value} 1 1 $args] options positional
    ::mock::require {[dict exists $::viv::runs [lindex $positional 0]]} "get_runs: run '[lindex $positional 0]' was not launched"
    return run:[lindex $positional 0]
}

proc get_property {args} {
    lassign [::mock::parse get_property {-quiet flag -verbose flag -min flag -max flag} 2 2 $args] options positional
    lassign $positional name object
    if {[string match run:* $object]} {
        set run [string range $object 4 end]
        set state [dict get $::viv::runs $run]
        switch -- $name {
            PROGRESS { return [expr {$state eq "failed" ? "0%" : "100%"}] }
            STATUS { return [expr {$state eq "failed" ? "$run failed" : ($run eq "impl_1" ? "write_bitstream Complete!" : "synth_design Complete!")}] }
            DIRECTORY { return [file join $::viv::project_dir $::viv::project.runs $run] }
        }
    }
    ::mock::violation "get_property: '$name' of '$object' is not expected"
}

proc write_hw_platform {args} {
    lassign [::mock::parse write_hw_platform {-fixed flag -force flag -include_bit flag -include_sim_content flag -minimal flag -hw flag -hw_emu flag -file value -quiet flag -verbose flag} 1 1 $args] options positional
    ::viv::need_project write_hw_platform
    set file [lindex $positional 0]
    ::mock::require {[string match *.xsa $file]} "write_hw_platform: '$file' does not end in .xsa"
    ::mock::require {[dict exists $options -include_bit]} "write_hw_platform: -include_bit expected (PYNQ and Vitis need the bitstream)"
    ::mock::require {[dict exists $::viv::runs impl_1] && [dict get $::viv::runs impl_1] ne "failed"} "write_hw_platform: no implemented design"
    close [open $file w]
    ::mock::record write_hw_platform $args
}

# Hardware manager.
proc open_hw_manager {args} {
    lassign [::mock::parse open_hw_manager {-quiet flag -verbose flag} 0 0 $args] options positional
    ::mock::record open_hw_manager $args
    set ::viv::hw_manager 1
    set ::viv::hw_used 1
}

proc connect_hw_server {args} {
    lassign [::mock::parse connect_hw_server {-url value -allow_non_jtag flag -cs_url value -quiet flag -verbose flag} 0 0 $args] options positional
    ::mock::require {$::viv::hw_manager} "connect_hw_server: hardware manager not open"
    ::mock::record connect_hw_server $args
    set ::viv::hw_server 1
}

proc open_hw_target {args} {
    lassign [::mock::parse open_hw_target {-jtag_mode value -xvc_url value -quiet flag -verbose flag} 0 1 $args] options positional
    ::mock::require {$::viv::hw_server} "open_hw_target: no hw_server connection"
    ::mock::record open_hw_target $args
    set ::viv::hw_target 1
}

proc get_hw_devices {args} {
    lassign [::mock::parse get_hw_devices {-quiet flag -verbose flag -filter value -regexp flag -nocase flag -of_objects value} 0 1 $args] options positional
    ::mock::require {$::viv::hw_target} "get_hw_devices: no open hw target"
    set result {}
    foreach device [::viv::env XAI_MOCK_JTAG_CHAIN {arm_dap_0 xc7z020_1}] {
        if {[llength $positional] == 0 || [string match [lindex $positional 0] $device]} { lappend result $device }
    }
    ::mock::record get_hw_devices $args
    return $result
}

proc current_hw_device {args} {
    lassign [::mock::parse current_hw_device {-quiet flag -verbose flag} 0 1 $args] options positional
    ::mock::require {[lindex $positional 0] in [::viv::env XAI_MOCK_JTAG_CHAIN {arm_dap_0 xc7z020_1}]} "current_hw_device: '[lindex $positional 0]' is not on the chain"
    ::mock::require {![string match arm_dap* [lindex $positional 0]]} "current_hw_device: the ARM DAP is not the FPGA"
    ::mock::record current_hw_device $args
    set ::viv::hw_current [lindex $positional 0]
}

proc program_hw_devices {args} {
    lassign [::mock::parse program_hw_devices {-disable_eos_check flag -skip_reset flag -quiet flag -verbose flag} 1 1 $args] options positional
    ::mock::require {[lindex $positional 0] eq $::viv::hw_current} "program_hw_devices: not the current device"
    ::mock::require {$::viv::hw_program_file ne ""} "program_hw_devices: PROGRAM.FILE not set"
    ::mock::record program_hw_devices $args
    set ::viv::programmed 1
}

proc refresh_hw_device {args} {
    lassign [::mock::parse refresh_hw_device {-update_hw_probes value -disable_done_check flag -quiet flag -verbose flag} 1 1 $args] options positional
    ::mock::require {$::viv::programmed} "refresh_hw_device: before programming"
    ::mock::record refresh_hw_device $args
}

proc close_hw_target {args} { ::mock::record close_hw_target $args; set ::viv::hw_target 0 }
proc disconnect_hw_server {args} { ::mock::record disconnect_hw_server $args; set ::viv::hw_server 0 }
proc close_hw_manager {args} { ::mock::record close_hw_manager $args; set ::viv::hw_manager 0 }

proc ::mock::at_success_exit {} {
    if {$::viv::hw_used} {
        ::mock::require {$::viv::programmed} "exit 0 without programming the device"
    } else {
        ::mock::require {[dict exists $::viv::runs impl_1]} "exit 0 without implementation"
    }
}
