using System.Globalization;
using Newtonsoft.Json.Linq;

namespace Xai.Stages;

/// <summary>
/// The <c>hardware</c> part of report.json: the normalized report of each top the vendor stages
/// built (<c>fpbp</c>: xai_top; <c>fp</c>: xai_top_fp), the tools that made them, and, when both
/// exist and describe this design, what BP adds over FP (resources and latency, Table IV's
/// comparison). Null when no vendor stage ran in this build (a skipped stage leaves no figures,
/// not even older ones).
/// </summary>
public static class HardwareSection
{
    public const string Notice =
        "Every figure here was read from a vendor tool's own report file (files/sources name them); the SDK estimates none. " +
        "matchesDesign=false marks reports whose top function or part is not this design's.";

    private static readonly string[] ResourceKinds = ["lut", "ff", "bram18k", "dsp", "uram"];

    public static JToken Build(VendorLayout vendor, IReadOnlyDictionary<string, string> stages)
    {
        var ran = Enum.GetNames<VendorStage>().Where(s => stages.TryGetValue(s, out var status) && status.StartsWith("ran", StringComparison.Ordinal)).ToList();
        if (ran.Count == 0 || !File.Exists(vendor.SourcesManifest))
        {
            return JValue.CreateNull();
        }

        var manifest = JObject.Parse(File.ReadAllText(vendor.SourcesManifest));
        var tops = manifest["tops"]!.Values<string>().OfType<string>().ToList();
        JObject? Read(string top) =>
            tops.Contains(top) && File.Exists(vendor.HardwareReport(top)) ? JObject.Parse(File.ReadAllText(vendor.HardwareReport(top))) : null;

        var fpbp = Read("xai_top");
        var fp = Read("xai_top_fp");
        var section = new JObject
        {
            ["notice"] = Notice,
            ["method"] = manifest["method"],
            ["numericsProfile"] = manifest["profile"],
            ["stagesRun"] = new JArray(ran),
            ["tools"] = File.Exists(vendor.ToolsFile) ? JObject.Parse(File.ReadAllText(vendor.ToolsFile)) : null,
            ["fpbp"] = fpbp,
            ["fp"] = fp,
            ["bpOverhead"] = Overhead(fp, fpbp),
        };
        return section;
    }

    /// <summary>FP+BP minus FP, per resource and for the latency, when both reports are this design's and count the same way.</summary>
    public static JToken Overhead(JObject? fp, JObject? fpbp)
    {
        if (fp?["report"] is not JObject a || fpbp?["report"] is not JObject b
            || fp["matchesDesign"]?.Value<bool>() != true || fpbp["matchesDesign"]?.Value<bool>() != true)
        {
            return JValue.CreateNull();
        }

        var result = new JObject();
        if (a["resources"] is JObject ra && b["resources"] is JObject rb && (string?)ra["stage"] == (string?)rb["stage"])
        {
            var resources = new JObject { ["basis"] = ra["stage"] };
            foreach (var kind in ResourceKinds)
            {
                if (Number(ra["used"]?[kind]) is { } x && Number(rb["used"]?[kind]) is { } y)
                {
                    resources[kind] = Delta(x, y);
                }
            }

            result["resources"] = resources;
        }

        if (a["latency"] is JObject la && b["latency"] is JObject lb && (string?)la["basis"] == (string?)lb["basis"])
        {
            var latency = new JObject { ["basis"] = la["basis"] };
            foreach (var field in new[] { "maxCycles", "avgCycles", "maxMs", "avgMs" })
            {
                if (Number(la[field]) is { } x && Number(lb[field]) is { } y)
                {
                    latency[field] = Delta(x, y);
                }
            }

            result["latency"] = latency;
        }

        return result.Count == 0 ? JValue.CreateNull() : result;
    }

    private static JObject Delta(double fp, double fpbp) => new()
    {
        ["fp"] = fp,
        ["fpbp"] = fpbp,
        ["delta"] = fpbp - fp,
        ["relative"] = fp == 0 ? null : Math.Round((fpbp - fp) / fp, 4),
    };

    private static double? Number(JToken? token) =>
        token is { Type: JTokenType.Integer or JTokenType.Float } ? token.Value<double>() : null;

    internal static string Format(double value) => value.ToString(value == Math.Floor(value) ? "N0" : "0.###", CultureInfo.InvariantCulture);
}
