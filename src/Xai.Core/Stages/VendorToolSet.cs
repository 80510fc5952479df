using Xai.Amd.Toolchain;
using Xai.Diagnostics;
using Xai.IO;
using Xai.Reporting;
using Xai.Reporting.Model;

namespace Xai.Stages;

/// <summary>
/// The vendor tools a build found (HLS toolchain and Vivado) with their releases, or why each is
/// missing and how to point the SDK at it. Saved as <see cref="VendorLayout.ToolsFile"/> only when it
/// changes, so that a new tool release re-runs the vendor stages and nothing else does; the report
/// records it as the provenance of every hardware figure.
/// </summary>
public sealed record VendorToolSet(HlsToolchain? Hls, string? HlsProblem, ToolLocation? Vivado, string? VivadoProblem)
{
    /// <summary>Looks for the tools the wanted stages need (a tool no stage needs is not looked for, and not started).</summary>
    /// <exception cref="XaiException">XAI5501 for a tool property that names no tool; XAI5503/XAI5504 for the flow setting.</exception>
    public static VendorToolSet Locate(ToolLocator locator, HlsToolPaths hlsPaths, HlsFlowSetting flow, string? vivadoPath, bool needHls, bool needVivado)
    {
        HlsToolchain? hls = null;
        string? hlsProblem = null;
        if (needHls)
        {
            var resolution = new HlsToolchainResolver(locator).Resolve(hlsPaths, flow);
            hls = resolution.Toolchain;
            hlsProblem = resolution.Problem?.Message;
        }

        ToolLocation? vivado = null;
        string? vivadoProblem = null;
        if (needVivado)
        {
            var located = locator.Locate(VendorTool.Vivado, vivadoPath);
            vivado = located.Found ? located : null;
            vivadoProblem = located.NotFound?.Message;
        }

        return new VendorToolSet(hls, hlsProblem, vivado, vivadoProblem);
    }

    /// <summary>Warnings about the tools found (e.g. a release that could not be read).</summary>
    public IReadOnlyList<XaiDiagnostic> Notes => Hls?.Notes ?? [];

    /// <summary>"Vitis HLS 2023.2 (classic flow, vitis_hls)", for messages and the report.</summary>
    public string? HlsDescription => Hls is null ? null
        : $"{(Hls.Flow == HlsFlow.Classic ? Hls.TclRunner!.Facts.ExecutableName : "v++/vitis-run")} {Hls.Version?.ToString() ?? "(release unknown)"}, {Hls.Flow.ToString().ToLowerInvariant()} flow";

    public string? VivadoDescription => Vivado is null ? null : $"vivado {Vivado.Version?.ToString() ?? "(release unknown)"}";

    /// <summary>The record report.json shows as <c>hardware.tools</c>.</summary>
    public VendorTools ToRecord() => new()
    {
        Hls = Hls is null
            ? new ToolchainStatus { Available = false, Problem = HlsProblem }
            : new ToolchainStatus
            {
                Available = true,
                Problem = HlsProblem,
                Flow = Hls.Flow.ToString(),
                Version = Hls.Version,
                Tools = [.. new[] { Hls.TclRunner, Hls.Compiler, Hls.Runner }.OfType<ToolLocation>().Select(Describe)],
            },
        Vivado = Vivado is null
            ? new ToolchainStatus { Available = false, Problem = VivadoProblem }
            : new ToolchainStatus { Available = true, Tools = [Describe(Vivado)] },
    };

    public void Save(VendorLayout layout)
    {
        Directory.CreateDirectory(layout.Directory);
        AtomicFile.WriteAllTextIfChanged(layout.ToolsFile, ReportJson.Serialize(ToRecord()));
    }

    /// <summary>Reads what <see cref="Save"/> wrote: the tool stages use the tools the locate step chose.</summary>
    public static VendorToolSet Load(VendorLayout layout)
    {
        if (!File.Exists(layout.ToolsFile))
        {
            throw new XaiException(DiagnosticCatalog.UpstreamMissing, "The vendor tools have not been located: build the XaiLocateVendorTools target first.", layout.ToolsFile);
        }

        var record = LoadRecord(layout);
        HlsToolchain? hls = null;
        if (record.Hls is { Available: true, Tools: { } hlsTools, Flow: { } flowName })
        {
            var tools = hlsTools.Select(Parse).ToList();
            var flow = Enum.Parse<HlsFlow>(flowName);
            hls = flow == HlsFlow.Classic
                ? new HlsToolchain(flow, record.Hls.Version, tools.Single(), null, null, [])
                : new HlsToolchain(flow, record.Hls.Version, null, tools.Single(t => t.Tool == VendorTool.VPlusPlus), tools.Single(t => t.Tool == VendorTool.VitisRun), []);
        }

        var vivado = record.Vivado is { Available: true, Tools: [var located, ..] } ? Parse(located) : null;
        return new VendorToolSet(hls, record.Hls.Problem, vivado, record.Vivado.Problem);
    }

    /// <summary>The record <see cref="Save"/> wrote, as the report shows it.</summary>
    /// <exception cref="XaiException">XAI3504 when it does not fit (written by another SDK version: rebuild).</exception>
    public static VendorTools LoadRecord(VendorLayout layout) =>
        ReportJson.Read<VendorTools>(layout.ToolsFile, DiagnosticCatalog.StageFileUnreadable, "The vendor tools record (tools.json)");

    private static LocatedTool Describe(ToolLocation t) => new()
    {
        Tool = t.Tool.ToString(),
        Executable = t.Facts.ExecutableName,
        Path = t.ExecutablePath ?? throw new InvalidOperationException($"{t.Tool} was not found; only found tools are recorded."),
        Version = t.Version,
        VersionFrom = t.VersionOrigin.ToString(),
        FoundVia = t.Origin + (t.OriginDetail is null ? "" : " " + t.OriginDetail),
    };

    private static ToolLocation Parse(LocatedTool t)
    {
        var via = t.FoundVia.Split(' ', 2);
        return new ToolLocation(VendorToolFacts.For(Enum.Parse<VendorTool>(t.Tool)), t.Path, Enum.TryParse<ToolOrigin>(via[0], out var o) ? o : ToolOrigin.None,
            via.Length > 1 ? via[1] : null, t.Version, Enum.Parse<VersionOrigin>(t.VersionFrom), []);
    }
}
