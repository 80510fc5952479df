using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Xai.Amd.Toolchain;
using Xai.Diagnostics;
using Xai.IO;

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

    public JObject ToJson()
    {
        var hls = new JObject
        {
            ["available"] = Hls is not null,
            ["problem"] = HlsProblem,
        };
        if (Hls is not null)
        {
            hls["flow"] = Hls.Flow.ToString();
            hls["version"] = Hls.Version?.ToString();
            hls["tools"] = new JArray(new[] { Hls.TclRunner, Hls.Compiler, Hls.Runner }.OfType<ToolLocation>().Select(Describe));
        }

        return new JObject
        {
            ["hls"] = hls,
            ["vivado"] = Vivado is null
                ? new JObject { ["available"] = false, ["problem"] = VivadoProblem }
                : new JObject { ["available"] = true, ["tools"] = new JArray(Describe(Vivado)) },
        };
    }

    public void Save(VendorLayout layout)
    {
        Directory.CreateDirectory(layout.Directory);
        AtomicFile.WriteAllTextIfChanged(layout.ToolsFile, ToJson().ToString(Formatting.Indented));
    }

    /// <summary>Reads what <see cref="Save"/> wrote: the tool stages use the tools the locate step chose.</summary>
    public static VendorToolSet Load(VendorLayout layout)
    {
        if (!File.Exists(layout.ToolsFile))
        {
            throw new XaiException(DiagnosticCatalog.UpstreamMissing, "The vendor tools have not been located: build the XaiLocateVendorTools target first.", layout.ToolsFile);
        }

        var json = JObject.Parse(File.ReadAllText(layout.ToolsFile));
        var hlsJson = (JObject)json["hls"]!;
        HlsToolchain? hls = null;
        if ((bool)hlsJson["available"]!)
        {
            var tools = hlsJson["tools"]!.Select(t => Parse((JObject)t)).ToList();
            var flow = Enum.Parse<HlsFlow>((string)hlsJson["flow"]!);
            ToolVersion? version = ToolVersion.TryParse((string?)hlsJson["version"], out var v) ? v : null;
            hls = flow == HlsFlow.Classic
                ? new HlsToolchain(flow, version, tools.Single(), null, null, [])
                : new HlsToolchain(flow, version, null, tools.Single(t => t.Tool == VendorTool.VPlusPlus), tools.Single(t => t.Tool == VendorTool.VitisRun), []);
        }

        var vivadoJson = (JObject)json["vivado"]!;
        var vivado = (bool)vivadoJson["available"]! ? Parse((JObject)vivadoJson["tools"]![0]!) : null;
        return new VendorToolSet(hls, (string?)hlsJson["problem"], vivado, (string?)vivadoJson["problem"]);
    }

    private static JObject Describe(ToolLocation t) => new()
    {
        ["tool"] = t.Tool.ToString(),
        ["executable"] = t.Facts.ExecutableName,
        ["path"] = t.ExecutablePath,
        ["version"] = t.Version?.ToString(),
        ["versionFrom"] = t.VersionOrigin.ToString(),
        ["foundVia"] = t.Origin + (t.OriginDetail is null ? "" : " " + t.OriginDetail),
    };

    private static ToolLocation Parse(JObject t)
    {
        var tool = Enum.Parse<VendorTool>((string)t["tool"]!);
        ToolVersion? version = ToolVersion.TryParse((string?)t["version"], out var v) ? v : null;
        var via = ((string?)t["foundVia"] ?? "").Split(' ', 2);
        return new ToolLocation(VendorToolFacts.For(tool), (string)t["path"]!, Enum.TryParse<ToolOrigin>(via[0], out var o) ? o : ToolOrigin.None,
            via.Length > 1 ? via[1] : null, version, Enum.Parse<VersionOrigin>((string)t["versionFrom"]!), []);
    }
}
