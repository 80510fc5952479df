using System.Globalization;
using System.Net;
using System.Text;
using Xai.Amd.Reports;
using Xai.Reporting.Model;

namespace Xai.Reporting;

/// <summary>The hardware part of report.html: resources and latency per top, BP's overhead, and the report files each figure came from.</summary>
public static class HardwareHtml
{
    private static readonly (string Label, Func<ResourceCounts, long?> Count, Func<ResourceOverhead, OverheadFigure?> Overhead)[] Resources =
    [
        ("LUT", c => c.Lut, o => o.Lut),
        ("FF", c => c.Ff, o => o.Ff),
        ("BRAM_18K", c => c.Bram18K, o => o.Bram18k),
        ("DSP", c => c.Dsp, o => o.Dsp),
        ("URAM", c => c.Uram, o => o.Uram),
    ];

    public static void Render(StringBuilder s, HardwareSection? hw)
    {
        s.Append("<h2>Hardware (vendor reports)</h2>");
        if (hw is null)
        {
            s.Append("<p class=\"note\">No vendor stage ran in this build, so there are no hardware figures; the build stages below say why.</p>");
            return;
        }

        s.Append($"<p class=\"note\">{H(hw.Notice)} Method in hardware: {H(hw.Method)}.</p>");
        s.Append("<table><tr><th>top</th><th>variant</th>");
        foreach (var (label, _, _) in Resources)
        {
            s.Append($"<th>{label}</th>");
        }

        s.Append("<th>resources from</th><th>latency (cycles)</th><th>latency (ms)</th><th>latency from</th><th>clock target / estimated / achieved (ns)</th><th>this design</th></tr>");
        foreach (var (record, variant) in new[] { (hw.Fpbp, "FP+BP"), (hw.Fp, "FP only") })
        {
            if (record is null)
            {
                continue;
            }

            var report = record.Report;
            s.Append($"<tr><td>{H(record.Top)}</td><td>{variant}</td>");
            foreach (var (_, count, _) in Resources)
            {
                var used = report?.Resources is { } r ? count(r.Used) : null;
                var available = report?.Resources is { } ra ? count(ra.Available) : null;
                s.Append($"<td>{Num(used)}{(available is null ? "" : " / " + Num(available))}</td>");
            }

            var latency = report?.Latency;
            var clock = report?.Clock;
            s.Append($"<td>{H(report?.Resources?.Stage)}</td><td>{Num(latency?.MaxCycles)}</td><td>{Num(latency?.MaxMs)}</td><td>{H(latency?.Basis)}</td>");
            s.Append($"<td>{Num(clock?.TargetPeriodNs)} / {Num(clock?.EstimatedPeriodNs)} / {Num(clock?.AchievedPeriodNs)}</td>");
            s.Append($"<td{(record.MatchesDesign ? " class=\"ok\">yes" : $" class=\"bad\">no: {H(record.Mismatch ?? record.Error)}")}</td></tr>");
        }

        s.Append("</table>");
        if (hw.BpOverhead is { } overhead)
        {
            s.Append("<h2>What BP adds over FP</h2><table><tr><th>figure</th><th>basis</th><th>FP</th><th>FP+BP</th><th>delta</th><th>relative</th></tr>");
            if (overhead.Resources is { } resources)
            {
                foreach (var (label, _, figure) in Resources)
                {
                    OverheadRow(s, label, resources.Basis, figure(resources));
                }
            }

            if (overhead.Latency is { } latency)
            {
                OverheadRow(s, "latency, cycles (max)", latency.Basis, latency.MaxCycles);
                OverheadRow(s, "latency, ms (max)", latency.Basis, latency.MaxMs);
            }

            s.Append("</table>");
        }

        s.Append("<p class=\"note\">Report files read: ");
        var files = new[] { hw.Fpbp, hw.Fp }.SelectMany(r => r?.Report?.Files ?? []).Select(f => f.Path).Distinct().ToList();
        s.Append(files.Count == 0 ? "none" : string.Join("; ", files.Select(f => $"<code>{H(f)}</code>")));
        var toolLines = new[] { hw.Tools?.Hls, hw.Tools?.Vivado }.SelectMany(t => t?.Tools ?? [])
            .Select(t => $"{t.Executable} {t.Version?.ToString() ?? "(release unknown)"} at {t.Path}").ToList();
        s.Append($". Tools: {(toolLines.Count == 0 ? "—" : H(string.Join("; ", toolLines)))}.</p>");
    }

    /// <summary>A figure as the page shows it: thousands separated when whole, else up to three decimals.</summary>
    public static string Format(double value) => value.ToString(value == Math.Floor(value) ? "N0" : "0.###", CultureInfo.InvariantCulture);

    private static void OverheadRow(StringBuilder s, string label, string basis, OverheadFigure? d)
    {
        if (d is not null)
        {
            s.Append($"<tr><td>{H(label)}</td><td>{H(basis)}</td><td>{Num(d.Fp)}</td><td>{Num(d.Fpbp)}</td><td>{Num(d.Delta)}</td><td>{(d.Relative is { } r ? (r * 100).ToString("F1", CultureInfo.InvariantCulture) + " %" : "—")}</td></tr>");
        }
    }

    private static string Num(double? v) => v is { } x ? Format(x) : "—";

    private static string H(object? value) => WebUtility.HtmlEncode(value?.ToString() ?? "");
}
