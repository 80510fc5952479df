using Xai.CodeGeneration;

namespace Xai.Stages;

/// <summary>
/// Where the vendor stages read and write, below <c>&lt;intermediate&gt;/vendor/</c>: the HLS sources and
/// testbench data in <c>src/</c>, one HLS project per top (<c>xai_top/</c>, <c>xai_top_fp/</c>) with its
/// scripts beside it, the Vivado project in <c>vivado/</c>, and what each stage learnt (tools,
/// hardware reports) as JSON for the report.
/// </summary>
public sealed record VendorLayout(string Directory)
{
    public static VendorLayout For(BuildLayout build) => new(Path.Combine(build.IntermediateDirectory, "vendor"));

    /// <summary>Where the HLS tools run; relative paths in the scripts start here.</summary>
    public string WorkingDirectory => Directory;

    public string SourceDirectory => Path.Combine(Directory, "src");

    /// <summary>A file of <see cref="SourceDirectory"/> as the scripts name it (relative, so an install path with spaces does not matter).</summary>
    public static string ScriptRelativeSource(string fileName) => "src/" + fileName;

    public string Source(string fileName) => Path.Combine(SourceDirectory, fileName);

    /// <summary>What the sources stage produced (method, variants, testbench): read by the tool stages.</summary>
    public string SourcesManifest => Path.Combine(Directory, "hls-sources.json");

    /// <summary>The hardware method and inference variant LocateVendorTools chose (an input of the HLS sources).</summary>
    public string ChoiceFile => Path.Combine(Directory, "vendor-settings.txt");

    /// <summary>The tools found and their versions, written only when it changes (an input of the tool stages).</summary>
    public string ToolsFile => Path.Combine(Directory, "tools.json");

    public string SynthesisScript(HlsTopDesign top) => Path.Combine(Directory, $"synthesize.{top.FunctionName}.tcl");

    public string CoSimulationScript(HlsTopDesign top) => Path.Combine(Directory, $"cosimulate.{top.FunctionName}.tcl");

    public string HlsConfig(HlsTopDesign top) => Path.Combine(Directory, $"hls_config.{top.FunctionName}.cfg");

    /// <summary>The HLS project (classic) or component (unified) directory of a top.</summary>
    public string HlsProjectDirectory(HlsTopDesign top) => Path.Combine(Directory, top.FunctionName);

    /// <summary>The normalized hardware report of a top, refreshed after each stage that ran on it.</summary>
    public string HardwareReport(string topFunction) => Path.Combine(Directory, $"hardware.{topFunction}.json");

    /// <summary>The stage's up-to-date stamp: the MSBuild targets' output (a chained Slurm run writes those of the stages it ran).</summary>
    public string StageStamp(VendorStage stage) => Path.Combine(Directory, $"{stage.ToString().ToLowerInvariant()}.stamp");

    /// <summary>What a stage did last time it ran (tool, flow, outputs), for the report.</summary>
    public string StageRecord(string stage) => Path.Combine(Directory, $"{stage.ToLowerInvariant()}.json");

    /// <summary>The one-line summary of a stage's last run, for the report's stage table.</summary>
    public string StageSummary(string stage) => Path.Combine(Directory, $"{stage.ToLowerInvariant()}.txt");

    public string VivadoDirectory => Path.Combine(Directory, "vivado");

    /// <summary>Where the Vivado run leaves the .bit, .hwh and .xsa; copied into the output directory only once the run is judged good.</summary>
    public string VivadoOutputs => Path.Combine(Directory, "bitstream-out");

    public string VivadoScript => Path.Combine(Directory, "bitstream.tcl");

    public string VivadoLog => Path.Combine(Directory, "vivado.log");
}
