using System.Globalization;
using System.Net;
using System.Text;
using Newtonsoft.Json.Linq;
using Xai.Stages;

namespace Xai.Reporting;

/// <summary>The hardware part of report.html: resources and latency per top, BP's overhead, and the report files each figure came from.</summary>
public static class HardwareHtml
{
    private static readonly (string Key, string Label)[] Resources = [("lut", "LUT"), ("ff", "FF"), ("bram18k", "BRAM_18K"), ("dsp", "DSP"), ("uram", "URAM")];

    public static void Render(StringBuilder s, JToken? hardware)
    {
        s.Append("<h2>Hardware (vendor reports)</h2>");
        if (hardware is not JObject hw)
        {
            s.Append("<p class=\"note\">No vendor stage ran in this build, so there are no hardware figures; the build stages below say why.</p>");
            return;
        }

        s.Append($"<p class=\"note\">{H(HardwareSection.Notice)} Method in hardware: {H(hw["method"])}.</p>");
        s.Append("<table><tr><th>top</th><th>variant</th>");
        foreach (var (_, label) in Resources)
        {
            s.Append($"<th>{label}</th>");
        }

        s.Append("<th>resources from</th><th>latency (cycles)</th><th>latency (ms)</th><th>latency from</th><th>clock target / estimated / achieved (ns)</th><th>this design</th></tr>");
        foreach (var (key, variant) in new[] { ("fpbp", "FP+BP"), ("fp", "FP only") })
        {
            if (hw[key] is not JObject record)
            {
                continue;
            }

            var report = record["report"] as JObject;
            s.Append($"<tr><td>{H(record["top"])}</td><td>{variant}</td>");
            foreach (var (resource, _) in Resources)
            {
                var used = report?["resources"]?["used"]?[resource];
                var available = report?["resources"]?["available"]?[resource];
                s.Append($"<td>{Num(used)}{(IsNumber(available) ? " / " + Num(available) : "")}</td>");
            }

            var latency = report?["latency"];
            var clock = report?["clock"];
            s.Append($"<td>{H(report?["resources"]?["stage"])}</td><td>{Num(latency?["maxCycles"])}</td><td>{Num(latency?["maxMs"])}</td><td>{H(latency?["basis"])}</td>");
            s.Append($"<td>{Num(clock?["targetPeriodNs"])} / {Num(clock?["estimatedPeriodNs"])} / {Num(clock?["achievedPeriodNs"])}</td>");
            var matches = record["matchesDesign"]?.Value<bool>() == true;
            s.Append($"<td{(matches ? " class=\"ok\">yes" : $" class=\"bad\">no: {H(record["mismatch"] ?? record["error"])}")}</td></tr>");
        }

        s.Append("</table>");
        if (hw["bpOverhead"] is JObject overhead)
        {
            s.Append("<h2>What BP adds over FP</h2><table><tr><th>figure</th><th>basis</th><th>FP</th><th>FP+BP</th><th>delta</th><th>relative</th></tr>");
            foreach (var (group, entries) in new[] { ("resources", Resources.Select(r => (r.Key, r.Label))), ("latency", new[] { ("maxCycles", "latency, cycles (max)"), ("maxMs", "latency, ms (max)") }.AsEnumerable()) })
            {
                foreach (var (key, label) in entries)
                {
                    if (overhead[group]?[key] is JObject d)
                    {
                        s.Append($"<tr><td>{H(label)}</td><td>{H(overhead[group]!["basis"])}</td><td>{Num(d["fp"])}</td><td>{Num(d["fpbp"])}</td><td>{Num(d["delta"])}</td><td>{(IsNumber(d["relative"]) ? ((double)d["relative"]! * 100).ToString("F1", CultureInfo.InvariantCulture) + " %" : "—")}</td></tr>");
                    }
                }
            }

            s.Append("</table>");
        }

        s.Append("<p class=\"note\">Report files read: ");
        var files = new[] { "fpbp", "fp" }.SelectMany(k => (hw[k] as JObject)?["report"] is JObject r && r["files"] is JArray list ? list : new JArray()).Select(f => (string?)f["path"]).OfType<string>().Distinct().ToList();
        s.Append(files.Count == 0 ? "none" : string.Join("; ", files.Select(f => $"<code>{H(f)}</code>")));
        var tools = hw["tools"] as JObject;
        var toolLines = new[] { (tools?["hls"] as JObject)?["tools"], (tools?["vivado"] as JObject)?["tools"] }.OfType<JArray>().SelectMany(a => a)
            .Select(t => $"{t["executable"]} {(string?)t["version"] ?? "(release unknown)"} at {t["path"]}").ToList();
        s.Append($". Tools: {(toolLines.Count == 0 ? "—" : H(string.Join("; ", toolLines)))}.</p>");
    }

    private static bool IsNumber(JToken? v) => v is { Type: JTokenType.Integer or JTokenType.Float };

    private static string Num(JToken? v) => IsNumber(v) ? HardwareSection.Format(v!.Value<double>()) : "—";

    private static string H(object? value) => WebUtility.HtmlEncode(value?.ToString() ?? "");
}
