using System.Globalization;
using System.Text.RegularExpressions;
using Xai.Diagnostics;

namespace Xai.Amd.Scripts;

/// <summary>
/// Writes the Vivado batch script (<c>vivado -mode batch -source</c>) that creates the project for the
/// board, adds the HLS IP from its repository, builds the block design (PS with board preset, PL
/// clock, AXI-Lite control from the PS master port, the accelerator's m_axi masters to the PS
/// high-performance slave port, addresses), validates it, makes the HDL wrapper, runs synthesis and
/// implementation to the bitstream, and exports <c>.bit</c>, <c>.hwh</c> (same base name, for PYNQ)
/// and <c>.xsa</c>. Runs are checked by their PROGRESS because <c>launch_runs</c>/<c>wait_on_run</c>
/// do not fail the script when a run fails.
/// </summary>
public static partial class VivadoBlockDesignScriptWriter
{
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex VivadoName();

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.\-]*$")]
    private static partial Regex FileBaseName();

    /// <exception cref="XaiException">XAI5530 for an invalid field, XAI5531 for an unsupported PS port.</exception>
    public static string Write(VivadoDesignSpec spec)
    {
        Validate(spec);
        var ps = ProcessingSystemPorts.For(spec.Board);
        var psCell = ps.Ip + "_0";
        var ipCell = spec.EffectiveInstanceName;
        var jobs = spec.Jobs.ToString(CultureInfo.InvariantCulture);
        var tcl = new TclScriptBuilder(
            $"Vivado block design for board '{spec.Board.Id}' with HLS IP {spec.Ip.Vlnv}",
            "vivado -mode batch -notrace -nojournal -source <this file>");

        tcl.Blank();
        tcl.Set("xai_project_name", spec.ProjectName);
        tcl.Set("xai_project_dir", Path.GetFullPath(spec.ProjectDirectory));
        tcl.Set("xai_part", spec.Board.Part);
        tcl.Set("xai_board_part", spec.Board.BoardPart);
        tcl.Set("xai_ip_repo", Path.GetFullPath(spec.IpRepositoryDirectory));
        tcl.Set("xai_ip_vlnv", spec.Ip.Vlnv);
        tcl.Set("xai_bd", spec.BlockDesignName);
        tcl.Set("xai_output_dir", Path.GetFullPath(spec.OutputDirectory));
        tcl.Set("xai_output_base", spec.OutputBaseName);

        tcl.Blank();
        tcl.Comment("Project, board and the HLS IP repository.");
        tcl.Step("create_project", "create_project -force $xai_project_name $xai_project_dir -part $xai_part");
        tcl.Require("[llength [get_board_parts -quiet $xai_board_part]] > 0", "board_part",
            "\"Vivado has no board files for $xai_board_part; install them (Vivado Store > Boards) and retry\"");
        tcl.Step("set_property board_part", "set_property board_part $xai_board_part [current_project]");
        tcl.Step("set_property ip_repo_paths", "set_property ip_repo_paths [list $xai_ip_repo] [current_project]");
        tcl.Step("update_ip_catalog", "update_ip_catalog -rebuild");
        tcl.Require("[llength [get_ipdefs -quiet $xai_ip_vlnv]] > 0", "get_ipdefs",
            "\"the HLS IP $xai_ip_vlnv is not in $xai_ip_repo; run the HLS export step first\"");

        tcl.Blank();
        tcl.Comment($"Block design: {ps.Ip} with the board preset, then the accelerator.");
        tcl.Step("create_bd_design", "create_bd_design $xai_bd");
        tcl.Step("get_ipdefs", $"set xai_ps_vlnv [get_ipdefs -quiet {TclQuoting.Quote($"xilinx.com:ip:{ps.Ip}:*")}]");
        tcl.Require("[llength $xai_ps_vlnv] == 1", "get_ipdefs", $"\"expected one {ps.Ip} IP in the catalog, found: $xai_ps_vlnv\"");
        tcl.Step("create_bd_cell", $"create_bd_cell -type ip -vlnv $xai_ps_vlnv {TclQuoting.Quote(psCell)}");
        tcl.Step("apply_bd_automation", $"apply_bd_automation -rule {TclQuoting.Quote(ps.AutomationRule)} -config {Dict(ps.AutomationConfig)} [get_bd_cells {TclQuoting.Quote(psCell)}]");

        var psConfig = new List<KeyValuePair<string, string>>
        {
            new(ps.MasterEnable, "1"),
            new(ps.SlaveEnable, "1"),
        };
        psConfig.AddRange(ps.OtherMastersToDisable.Select(p => new KeyValuePair<string, string>(p, "0")));
        psConfig.Add(new(ps.ClockProperty, spec.ClockMHz.ToString("0.######", CultureInfo.InvariantCulture)));
        if (spec.ConnectInterrupt)
        {
            psConfig.AddRange(ps.InterruptEnable.Select(p => new KeyValuePair<string, string>(p, "1")));
        }

        tcl.Step("set_property CONFIG", $"set_property -dict {Dict(psConfig)} [get_bd_cells {TclQuoting.Quote(psCell)}]");
        tcl.Step("create_bd_cell", $"create_bd_cell -type ip -vlnv $xai_ip_vlnv {TclQuoting.Quote(ipCell)}");

        tcl.Blank();
        tcl.Comment("AXI connections (interconnects and clocks by automation), interrupt, addresses.");
        tcl.Step("apply_bd_automation", "apply_bd_automation -rule xilinx.com:bd_rule:axi4 -config " +
            Dict(Axi4Config($"/{psCell}/{spec.Board.ProcessingSystem.MasterPort}", $"/{ipCell}/{spec.ControlInterface}", ps.InterconnectIp)) +
            $" [get_bd_intf_pins {TclQuoting.Quote($"{ipCell}/{spec.ControlInterface}")}]");
        for (var i = 0; i < spec.MasterInterfaces.Count; i++)
        {
            var master = spec.MasterInterfaces[i];
            // The first master creates the memory interconnect; later ones join it.
            tcl.Step("apply_bd_automation", "apply_bd_automation -rule xilinx.com:bd_rule:axi4 -config " +
                Dict(Axi4Config($"/{ipCell}/{master}", $"/{psCell}/{spec.Board.ProcessingSystem.SlavePort}", i == 0 ? ps.InterconnectIp : "Auto")) +
                $" [get_bd_intf_pins {TclQuoting.Quote($"{ipCell}/{master}")}]");
        }

        if (spec.ConnectInterrupt)
        {
            tcl.Step("connect_bd_net", $"connect_bd_net [get_bd_pins {TclQuoting.Quote(ipCell + "/interrupt")}] [get_bd_pins {TclQuoting.Quote(psCell + "/" + ps.InterruptPin)}]");
        }

        tcl.Step("assign_bd_address", "assign_bd_address");
        tcl.Step("validate_bd_design", "validate_bd_design");
        tcl.Step("save_bd_design", "save_bd_design");

        tcl.Blank();
        tcl.Comment("HDL wrapper (make_wrapper returns its path: .gen/ from 2020.2, .srcs/ before).");
        tcl.Step("make_wrapper", "set xai_wrapper [make_wrapper -files [get_files $xai_bd.bd] -top]");
        tcl.Step("add_files", "add_files -norecurse $xai_wrapper");
        tcl.Step("set_property top", "set_property top ${xai_bd}_wrapper [current_fileset]");
        tcl.Step("update_compile_order", "update_compile_order -fileset sources_1");

        tcl.Blank();
        tcl.Comment("Synthesis and implementation; a failed run does not fail wait_on_run, so check PROGRESS.");
        tcl.Step("launch_runs synth_1", $"launch_runs synth_1 -jobs {jobs}");
        tcl.Step("wait_on_run synth_1", "wait_on_run synth_1");
        tcl.Require("[get_property PROGRESS [get_runs synth_1]] eq \"100%\"", "synth_1",
            "\"synthesis did not complete: [get_property STATUS [get_runs synth_1]]\"");
        tcl.Step("launch_runs impl_1", $"launch_runs impl_1 -to_step write_bitstream -jobs {jobs}");
        tcl.Step("wait_on_run impl_1", "wait_on_run impl_1");
        tcl.Require("[get_property PROGRESS [get_runs impl_1]] eq \"100%\"", "impl_1",
            "\"implementation did not complete: [get_property STATUS [get_runs impl_1]]\"");

        tcl.Blank();
        tcl.Comment("Outputs: .bit and .hwh side by side with one base name (PYNQ Overlay), and the XSA.");
        tcl.Step("locate bitstream", "set xai_bit [file join [get_property DIRECTORY [get_runs impl_1]] ${xai_bd}_wrapper.bit]");
        tcl.Require("[file exists $xai_bit]", "bitstream", "\"no bitstream at $xai_bit\"");
        tcl.Line("set xai_hwh {}");
        tcl.Line("foreach xai_generated {gen srcs} {");
        tcl.Line("    set xai_candidate [file join $xai_project_dir $xai_project_name.$xai_generated sources_1 bd $xai_bd hw_handoff $xai_bd.hwh]");
        tcl.Line("    if {[file exists $xai_candidate]} { set xai_hwh $xai_candidate; break }");
        tcl.Line("}");
        tcl.Require("$xai_hwh ne {}", "hwh", "\"no hardware handoff $xai_bd.hwh under $xai_project_dir\"");
        tcl.Step("file mkdir", "file mkdir $xai_output_dir");
        tcl.Step("copy bitstream", "file copy -force $xai_bit [file join $xai_output_dir $xai_output_base.bit]");
        tcl.Step("copy hwh", "file copy -force $xai_hwh [file join $xai_output_dir $xai_output_base.hwh]");
        tcl.Step("write_hw_platform", "write_hw_platform -fixed -include_bit -force [file join $xai_output_dir $xai_output_base.xsa]");
        tcl.Blank();
        return tcl.Finish("bitstream, hardware handoff and XSA written");
    }

    private static IReadOnlyList<KeyValuePair<string, string>> Axi4Config(string master, string slave, string interconnect) =>
    [
        new("Clk_master", "Auto"), new("Clk_slave", "Auto"), new("Clk_xbar", "Auto"),
        new("Master", master), new("Slave", slave),
        new("ddr_seg", "Auto"), new("intc_ip", interconnect), new("master_apm", "0"),
    ];

    private static string Dict(IEnumerable<KeyValuePair<string, string>> pairs) =>
        TclQuoting.ListCommand(pairs.SelectMany(p => new[] { p.Key, p.Value }));

    private static void Validate(VivadoDesignSpec spec)
    {
        NonEmptyPath(spec.IpRepositoryDirectory, nameof(spec.IpRepositoryDirectory));
        NonEmptyPath(spec.ProjectDirectory, nameof(spec.ProjectDirectory));
        NonEmptyPath(spec.OutputDirectory, nameof(spec.OutputDirectory));
        Name(spec.ProjectName, nameof(spec.ProjectName));
        Name(spec.BlockDesignName, nameof(spec.BlockDesignName));
        Name(spec.EffectiveInstanceName, nameof(spec.IpInstanceName));
        Name(spec.ControlInterface, nameof(spec.ControlInterface));
        if (spec.MasterInterfaces.Count == 0)
        {
            Fail(nameof(spec.MasterInterfaces), "(empty)", "at least one m_axi interface");
        }

        foreach (var master in spec.MasterInterfaces)
        {
            Name(master, nameof(spec.MasterInterfaces));
        }

        if (!FileBaseName().IsMatch(spec.OutputBaseName))
        {
            Fail(nameof(spec.OutputBaseName), spec.OutputBaseName, "letters, digits, '_', '.', '-', not starting with '.' or '-'");
        }

        foreach (var (field, value) in new[] { ("Ip.Vendor", spec.Ip.Vendor), ("Ip.Library", spec.Ip.Library), ("Ip.Name", spec.Ip.Name), ("Ip.Version", spec.Ip.Version) })
        {
            if (value.Length == 0 || value.Any(c => c == ':' || char.IsWhiteSpace(c) || char.IsControl(c) || c is '*' or '?' or '[' or ']' or '\\'))
            {
                Fail(field, value, "a non-empty VLNV field without ':', whitespace or glob characters");
            }
        }

        if (!double.IsFinite(spec.ClockMHz) || spec.ClockMHz <= 0 || spec.ClockMHz > 1000)
        {
            Fail(nameof(spec.ClockMHz), spec.ClockMHz.ToString(CultureInfo.InvariantCulture), "a frequency in MHz greater than 0 and at most 1000");
        }

        if (spec.Jobs is < 1 or > 64)
        {
            Fail(nameof(spec.Jobs), spec.Jobs.ToString(CultureInfo.InvariantCulture), "1 to 64");
        }
    }

    private static void Name(string value, string field)
    {
        if (!VivadoName().IsMatch(value))
        {
            Fail(field, value, "a Vivado name: a letter, then letters, digits or '_'");
        }
    }

    private static void NonEmptyPath(string value, string field)
    {
        if (string.IsNullOrEmpty(value) || value.Contains('\0'))
        {
            Fail(field, value.Replace("\0", "\\0"), "a non-empty path");
        }
    }

    private static void Fail(string field, string value, string allowed) =>
        throw new XaiException(DiagnosticCatalog.BadVivadoSpec, $"Vivado field {field} is '{value}'; allowed: {allowed}.");
}
