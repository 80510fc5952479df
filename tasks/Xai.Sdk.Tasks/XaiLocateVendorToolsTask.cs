using Microsoft.Build.Framework;
using Xai.Amd.Toolchain;
using Xai.Stages;

namespace Xai.Sdk.Tasks;

/// <summary>
/// Stage LocateVendorTools (<see cref="LocateVendorToolsStage"/>): which vendor stages this build
/// attempts, what the hardware computes, and where their tools are. Its outputs steer the vendor
/// targets; tools.json and the hardware choice go to the later stages as files.
/// </summary>
public sealed class XaiLocateVendorToolsTask : XaiProjectTask
{
    public string VendorStages { get; set; } = "";
    public string RequestedStages { get; set; } = "";
    public string HardwareMethod { get; set; } = "";
    public string BuildInferenceVariant { get; set; } = "";
    public string VitisHlsPath { get; set; } = "";
    public string VppPath { get; set; } = "";
    public string VitisRunPath { get; set; } = "";
    public string VivadoPath { get; set; } = "";
    public string HlsFlow { get; set; } = "";

    /// <summary>The stages to attempt, ';'-separated, in build order.</summary>
    [Output] public string WantedStages { get; private set; } = "";

    /// <summary>Stages asked for explicitly (with the ones they need): a missing tool is an error for them.</summary>
    [Output] public string RequiredStages { get; private set; } = "";

    [Output] public bool HlsAvailable { get; private set; }
    [Output] public string HlsProblem { get; private set; } = "";
    [Output] public bool VivadoAvailable { get; private set; }
    [Output] public string VivadoProblem { get; private set; } = "";

    protected override void ExecuteCore()
    {
        var request = new LocateVendorToolsStage.Request(
            VendorStages, RequestedStages, HardwareMethod, BuildInferenceVariant, new HlsToolPaths(VitisHlsPath, VppPath, VitisRunPath), VivadoPath, HlsFlow);
        var locator = new ToolLocator(ToolSearchEnvironment.Current, ToolVersionProbe.WithTimeout(TimeSpan.FromSeconds(60)));
        var (stages, _, tools) = LocateVendorToolsStage.Run(request, Settings, Layout, locator);
        Report(tools.Notes.Select(n => n with { File = n.File ?? ProjectFile }));

        WantedStages = string.Join(";", stages.Wanted);
        RequiredStages = string.Join(";", stages.Required);
        HlsAvailable = tools.Hls is not null;
        HlsProblem = tools.HlsProblem ?? "";
        VivadoAvailable = tools.Vivado is not null;
        VivadoProblem = tools.VivadoProblem ?? "";
        if (HlsAvailable)
        {
            Info($"Vendor tools: {tools.HlsDescription}{(VivadoAvailable ? "; " + tools.VivadoDescription : "")}");
        }
    }
}
