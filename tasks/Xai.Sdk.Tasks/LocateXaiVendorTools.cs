using Microsoft.Build.Framework;
using Xai.Amd.Toolchain;
using Xai.Attribution;
using Xai.Diagnostics;
using Xai.IO;
using Xai.Stages;

namespace Xai.Sdk.Tasks;

/// <summary>
/// Decides which vendor stages this build attempts (XaiVendorStages, or exactly the stages asked
/// for with -t:Synthesize/-t:CoSimulate/-t:Bitstream, each with the stages it needs) and looks for
/// the tools they need: project properties, then XILINX_HLS / XILINX_VITIS / XILINX_VIVADO, then
/// PATH; a found tool's release is read from its -version output. Records the outcome in
/// vendor/tools.json. Never runs a vendor stage itself.
/// </summary>
public sealed class LocateXaiVendorTools : XaiTask
{
    private static readonly string[] StageNames = Enum.GetNames<VendorStage>();

    [Required] public string ProjectFile { get; set; } = "";
    [Required] public string IntermediateDirectory { get; set; } = "";
    public string VendorStages { get; set; } = "";
    public string RequestedStages { get; set; } = "";
    public string Methods { get; set; } = "";
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
    [Output] public string HlsDescription { get; private set; } = "";
    [Output] public bool VivadoAvailable { get; private set; }
    [Output] public string VivadoProblem { get; private set; } = "";
    [Output] public string VivadoDescription { get; private set; } = "";
    [Output] public string ResolvedHardwareMethod { get; private set; } = "";
    [Output] public bool ResolvedInferenceVariant { get; private set; }

    protected override void ExecuteCore()
    {
        var requested = Closure(ParseStages(RequestedStages, "the requested targets"));
        var configured = ParseStages(VendorStages, "XaiVendorStages");
        var wanted = requested.Count > 0 ? requested : Closure(configured);
        WantedStages = string.Join(";", wanted);
        RequiredStages = string.Join(";", requested);

        var methods = AttributionMethodList.Parse(Methods, out _);
        if (string.IsNullOrWhiteSpace(HardwareMethod))
        {
            ResolvedHardwareMethod = methods.FirstOrDefault().ToString();
        }
        else if (AttributionMethodList.Parse(HardwareMethod, out var unknown) is [var one] && unknown.Count == 0 && methods.Contains(one))
        {
            ResolvedHardwareMethod = one.ToString();
        }
        else
        {
            throw new XaiException(DiagnosticCatalog.BadHardwareMethod,
                $"Property XaiHardwareMethod is '{HardwareMethod}'; allowed: one of the project's XaiMethods ({string.Join(", ", methods)}), or empty for the first of them.", ProjectFile);
        }

        ResolvedInferenceVariant = BuildInferenceVariant.Trim().ToLowerInvariant() switch
        {
            "" or "false" => false,
            "true" => true,
            _ => throw new XaiException(DiagnosticCatalog.BadBoolean, $"Property XaiBuildInferenceVariant is '{BuildInferenceVariant}'; allowed: true or false (empty = false).", ProjectFile),
        };

        var needHls = wanted.Count > 0;
        var needVivado = wanted.Contains(nameof(VendorStage.Bitstream));
        var locator = new ToolLocator(ToolSearchEnvironment.Current, ToolVersionProbe.WithTimeout(TimeSpan.FromSeconds(60)));
        var flow = HlsFlowSettingParser.Parse(HlsFlow, ProjectFile);
        var tools = VendorToolSet.Locate(locator, new HlsToolPaths(VitisHlsPath, VppPath, VitisRunPath), flow, VivadoPath, needHls, needVivado);
        var vendor = VendorLayout.For(new BuildLayout(IntermediateDirectory, IntermediateDirectory));
        tools.Save(vendor);
        AtomicFile.WriteAllTextIfChanged(Path.Combine(vendor.Directory, "vendor-settings.txt"),
            $"XaiHardwareMethod={ResolvedHardwareMethod}\nXaiBuildInferenceVariant={ResolvedInferenceVariant}\n");
        Report(tools.Notes.Select(n => n with { File = n.File ?? ProjectFile }));

        HlsAvailable = tools.Hls is not null;
        HlsProblem = tools.HlsProblem ?? "";
        HlsDescription = tools.HlsDescription ?? "";
        VivadoAvailable = tools.Vivado is not null;
        VivadoProblem = tools.VivadoProblem ?? "";
        VivadoDescription = tools.VivadoDescription ?? "";
        if (HlsAvailable)
        {
            Info($"Vendor tools: {HlsDescription}{(VivadoAvailable ? "; " + VivadoDescription : "")}");
        }
    }

    // CoSimulate and Bitstream work on the synthesized IP: they need Synthesize in the same build.
    private static List<string> Closure(IReadOnlyCollection<string> stages) =>
        StageNames.Where(s => stages.Contains(s) || (s == nameof(VendorStage.Synthesize) && stages.Count > 0)).ToList();

    private HashSet<string> ParseStages(string text, string source)
    {
        var stages = new HashSet<string>();
        foreach (var part in text.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var name = StageNames.FirstOrDefault(s => s.Equals(part, StringComparison.OrdinalIgnoreCase))
                ?? throw new XaiException(DiagnosticCatalog.BadVendorStages,
                    $"{(source == "XaiVendorStages" ? "Property XaiVendorStages" : "The requested stage list")} holds '{part}'; allowed: {string.Join(", ", StageNames)}, ';'-separated (empty: no vendor stage).", ProjectFile);
            stages.Add(name);
        }

        return stages;
    }
}
