using System.Globalization;

namespace Xai.Amd.Scripts;

/// <summary>
/// Writes the classic-flow Vitis HLS Tcl script (run with <c>vitis_hls -f</c> or
/// <c>vitis-run --mode hls --tcl</c>): project, sources, solution, part and clock, then the chosen
/// steps in the order csim, csynth, cosim, export (UG1399 project commands). A script that
/// synthesizes resets the project; one that only simulates or exports reopens the existing one.
/// </summary>
public static class HlsTclScriptWriter
{
    /// <exception cref="Diagnostics.XaiException">XAI5510/XAI5511 for an invalid spec.</exception>
    public static string Write(HlsProjectSpec spec)
    {
        HlsProjectSpecValidator.Validate(spec);
        var tcl = new TclScriptBuilder($"Vitis HLS project '{spec.ProjectName}', top '{spec.TopFunction}'", "vitis_hls -f <this file>   (or: vitis-run --mode hls --tcl <this file>)");
        var steps = spec.Steps;
        var fresh = steps.HasFlag(HlsSteps.CSynth);

        tcl.Blank();
        tcl.Comment(fresh
            ? "This script synthesizes, so it starts from a clean project."
            : "No synthesis here: reopen the project and solution that an earlier synthesis made.");
        tcl.Step("open_project", (fresh ? "open_project -reset " : "open_project ") + TclQuoting.Quote(spec.ProjectName));
        tcl.Step("set_top", "set_top " + TclQuoting.Quote(spec.TopFunction));

        var cflags = CompilerFlags(spec);
        foreach (var file in spec.SourceFiles)
        {
            tcl.Step("add_files", $"add_files {TclQuoting.Quote(SafePath(file))}{CflagsOption(cflags)}");
        }

        foreach (var file in spec.TestbenchFiles)
        {
            tcl.Step("add_files -tb", $"add_files -tb {TclQuoting.Quote(SafePath(file))}{CflagsOption(cflags)}");
        }

        tcl.Step("open_solution", $"open_solution {TclQuoting.Quote(spec.SolutionName)} -flow_target vivado");
        tcl.Step("set_part", "set_part " + TclQuoting.Quote(spec.Part));
        tcl.Step("create_clock", $"create_clock -period {Number(spec.ClockPeriodNs)} -name default");

        if (InterfaceOptions(spec) is { Count: > 0 } interfaceOptions)
        {
            // One call: every option the SDK sets is in it.
            tcl.Step("config_interface", "config_interface " + string.Join(' ', interfaceOptions));
        }

        if (steps.HasFlag(HlsSteps.Export))
        {
            tcl.Step("config_export", "config_export " + ExportOptions(spec));
        }

        var argv = spec.TestbenchArguments.Count == 0 ? "" : " -argv " + TclQuoting.Quote(string.Join(' ', spec.TestbenchArguments));
        if (steps.HasFlag(HlsSteps.CSim))
        {
            tcl.Step("csim_design", "csim_design" + argv);
        }

        if (steps.HasFlag(HlsSteps.CSynth))
        {
            tcl.Step("csynth_design", "csynth_design");
        }

        if (steps.HasFlag(HlsSteps.CoSim))
        {
            tcl.Step("cosim_design", "cosim_design -rtl verilog" + argv);
        }

        if (steps.HasFlag(HlsSteps.Export))
        {
            tcl.Step("export_design", "export_design -format ip_catalog -rtl verilog");
        }

        tcl.Step("close_project", "close_project");
        tcl.Blank();
        return tcl.Finish($"HLS steps {steps} finished");
    }

    /// <summary>
    /// Paths starting with '-' would be read as options and a leading '~' is expanded by Tcl file
    /// commands; a "./" prefix keeps both literal without changing the file meant.
    /// </summary>
    internal static string SafePath(string path) => path[0] is '-' or '~' ? "./" + path : path;

    internal static IReadOnlyList<string> CompilerFlags(HlsProjectSpec spec) =>
        spec.IncludeDirectories.Select(d => "-I" + d).Concat(spec.CompilerFlags).ToList();

    // UG1399 config_interface: -m_axi_addr64[=true|false], the others "-<option> <value>".
    private static List<string> InterfaceOptions(HlsProjectSpec spec)
    {
        var options = new List<string>();
        if (spec.MAxiAddress64 is { } addr64)
        {
            options.Add($"-m_axi_addr64={(addr64 ? 1 : 0)}");
        }

        foreach (var (name, value) in spec.MAxi?.Options ?? [])
        {
            options.Add($"-{name} {value.ToString(CultureInfo.InvariantCulture)}");
        }

        return options;
    }

    private static string CflagsOption(IReadOnlyList<string> flags) =>
        flags.Count == 0 ? "" : " -cflags " + TclQuoting.Quote(string.Join(' ', flags));

    private static string ExportOptions(HlsProjectSpec spec)
    {
        var ip = spec.EffectiveIp;
        var options = new List<string> { "-format ip_catalog", "-rtl verilog" };
        if (!ip.IsDefaultFor(spec.TopFunction))
        {
            options.Add("-vendor " + TclQuoting.Quote(ip.Vendor));
            options.Add("-library " + TclQuoting.Quote(ip.Library));
            options.Add("-ipname " + TclQuoting.Quote(ip.Name));
            options.Add("-version " + TclQuoting.Quote(ip.Version));
        }

        if (!string.IsNullOrEmpty(spec.IpDisplayName))
        {
            options.Add("-display_name " + TclQuoting.Quote(spec.IpDisplayName));
        }

        if (!string.IsNullOrEmpty(spec.IpDescription))
        {
            options.Add("-description " + TclQuoting.Quote(spec.IpDescription));
        }

        return string.Join(' ', options);
    }

    internal static string Number(double value) => value.ToString("0.##########", CultureInfo.InvariantCulture);
}
