# Usage: tclsh run_with_mock.tcl <mock.tcl> <generated script>
# Sources the checking mock, then the generated script, which must end by calling exit itself.
set ::mock_driver_script [lindex $argv 1]
source [lindex $argv 0]
set argv {}
set argc 0
source $::mock_driver_script
puts stderr "MOCK: the script ended without calling exit"
::mock::real_exit 3
