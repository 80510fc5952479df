using System.Text.RegularExpressions;
using Xai.Diagnostics;

namespace Xai.Amd.Scripts;

/// <summary>
/// Writes the Vivado batch script that programs the board over JTAG: open the hardware manager
/// (<c>open_hw</c> on old releases), connect to hw_server, open the target, pick the board's device
/// (<c>xc7z020_1</c>, <c>xczu3_0</c>, <c>xczu7_0</c>; the chain also holds the ARM DAP), set
/// PROGRAM.FILE and program it.
/// </summary>
public static partial class JtagProgramScriptWriter
{
    [GeneratedRegex(@"^[A-Za-z0-9_]+$")]
    private static partial Regex DeviceName();

    [GeneratedRegex(@"^[A-Za-z0-9.\-]+(:\d{1,5})?$")]
    private static partial Regex ServerUrl();

    /// <exception cref="XaiException">XAI5540 for an invalid field.</exception>
    public static string Write(JtagProgramSpec spec)
    {
        if (string.IsNullOrEmpty(spec.BitFile) || spec.BitFile.Contains('\0'))
        {
            throw new XaiException(DiagnosticCatalog.BadProgramSpec, "JTAG field BitFile is empty; allowed: the path of a .bit file.");
        }

        if (!DeviceName().IsMatch(spec.Board.Jtag.Device))
        {
            throw new XaiException(DiagnosticCatalog.BadProgramSpec,
                $"Board '{spec.Board.Id}' has jtag.device '{spec.Board.Jtag.Device}'; allowed: a hardware-manager device name (letters, digits, '_').", spec.Board.SourceFile);
        }

        if (spec.HardwareServerUrl is { } url && !ServerUrl().IsMatch(url))
        {
            throw new XaiException(DiagnosticCatalog.BadProgramSpec,
                $"JTAG field HardwareServerUrl is '{url}'; allowed: host or host:port, e.g. localhost:3121.");
        }

        var tcl = new TclScriptBuilder($"Program board '{spec.Board.Id}' over JTAG", "vivado -mode batch -notrace -nojournal -source <this file>");
        tcl.Blank();
        tcl.Set("xai_bit", Path.GetFullPath(spec.BitFile));
        tcl.Set("xai_device", spec.Board.Jtag.Device);
        tcl.Require("[file isfile $xai_bit]", "bitstream", "\"no bitstream at $xai_bit\"");
        tcl.Line("if {[catch {open_hw_manager}]} {");
        tcl.Line("    # Releases before 2020.1 call it open_hw.");
        tcl.Line("    if {[catch {open_hw} xai_error]} { xai_fail open_hw_manager $xai_error }");
        tcl.Line("}");
        tcl.Step("connect_hw_server", spec.HardwareServerUrl is null ? "connect_hw_server" : "connect_hw_server -url " + TclQuoting.Quote(spec.HardwareServerUrl));
        tcl.Step("open_hw_target", "open_hw_target");
        tcl.Step("get_hw_devices", "set xai_devices [get_hw_devices -quiet $xai_device]");
        tcl.Require("[llength $xai_devices] > 0", "get_hw_devices",
            "\"no device $xai_device on the JTAG chain (devices seen: [get_hw_devices -quiet]); is the board on and its JTAG cable connected?\"");
        tcl.Line("set xai_hw_device [lindex $xai_devices 0]");
        tcl.Step("current_hw_device", "current_hw_device $xai_hw_device");
        tcl.Step("set_property PROGRAM.FILE", "set_property PROGRAM.FILE $xai_bit $xai_hw_device");
        tcl.Step("program_hw_devices", "program_hw_devices $xai_hw_device");
        tcl.Step("refresh_hw_device", "refresh_hw_device $xai_hw_device");
        tcl.Comment("Closing is best effort: the device is already programmed.");
        tcl.Line("catch {close_hw_target}");
        tcl.Line("catch {disconnect_hw_server}");
        tcl.Line("catch {close_hw_manager}");
        tcl.Blank();
        return tcl.Finish($"programmed {spec.Board.Jtag.Device}");
    }
}
