using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Xai.Diagnostics;

namespace Xai.Amd.Reports;

/// <summary>
/// What <c>export_design -flow syn|impl</c> reports about the Vivado out-of-context run of the HLS IP:
/// <c>impl/report/{verilog,vhdl}/&lt;top&gt;_export.rpt</c> (Vivado HLS), the sectioned
/// <c>export_syn.rpt</c>/<c>export_impl.rpt</c> (Vitis HLS), and the companion <c>.xml</c>
/// (<c>&lt;profile&gt;&lt;AreaReport&gt;…&lt;TimingReport&gt;</c>). Resource counts are in HLS units: BRAM is BRAM_18K.
/// </summary>
public sealed partial class HlsExportReport
{
    private const string Kind = "HLS export report";

    public required string Source { get; init; }

    /// <summary>True when read from the <c>.xml</c> form.</summary>
    public required bool IsXml { get; init; }

    /// <summary>The Vivado that ran (text form only; the xml does not say).</summary>
    public ToolRelease? Tool { get; init; }

    public string? Project { get; init; }

    public string? Solution { get; init; }

    public string? Part { get; init; }

    public required ResourceCounts Used { get; init; }

    /// <summary>Device totals; only the xml form has them.</summary>
    public ResourceCounts? Available { get; init; }

    /// <summary>Every resource line as printed (SLICE, CLB, LUT, FF, DSP, BRAM, URAM, SRL, LATCH…).</summary>
    public required IReadOnlyDictionary<string, long> AllResources { get; init; }

    public required double TargetClockPeriodNs { get; init; }

    public double? PostSynthesisClockPeriodNs { get; init; }

    public double? PostImplementationClockPeriodNs { get; init; }

    /// <summary>The final achieved period: post-implementation when the flow ran it, else post-synthesis.</summary>
    public required double AchievedClockPeriodNs { get; init; }

    /// <summary><c>implementation</c> or <c>synthesis</c>: the stage <see cref="AchievedClockPeriodNs"/> and the resources come from.</summary>
    public required string Stage { get; init; }

    /// <summary>From the "Timing met"/"Timing not met" line when present, else achieved ≤ target.</summary>
    public required bool TimingMet { get; init; }

    /// <summary>Worst slack implied by the periods: target − achieved (negative when timing is not met).</summary>
    public double SlackNs => Math.Round(TargetClockPeriodNs - AchievedClockPeriodNs, 6);

    public static HlsExportReport Load(string path)
    {
        var text = ReportText.Load(path, Kind);
        return text.Text.TrimStart().StartsWith('<') ? ParseXml(text) : ParseText(text);
    }

    public static HlsExportReport ParseText(ReportText report)
    {
        ToolRelease? tool = null;
        string? project = null, solution = null, part = null, verdict = null;
        double? target = null, synth = null, impl = null;
        var resources = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);

        for (var i = 0; i < report.Lines.Count; i++)
        {
            var line = report.Lines[i].Trim();
            if (line.StartsWith("Implementation tool:", StringComparison.Ordinal))
            {
                tool = ToolRelease.FromBanner(After(line));
            }
            else if (line.StartsWith("Project:", StringComparison.Ordinal))
            {
                project = After(line);
            }
            else if (line.StartsWith("Solution:", StringComparison.Ordinal))
            {
                solution = After(line);
            }
            else if (line.StartsWith("Device target:", StringComparison.Ordinal))
            {
                part = After(line);
            }
            else if (ResourceLine().Match(line) is { Success: true } r)
            {
                resources.TryAdd(r.Groups["name"].Value, Whole(report, i, r.Groups["name"].Value, r.Groups["value"].Value));
            }
            else if (PeriodLine().Match(line) is { Success: true } p)
            {
                var value = Period(report, i, p.Groups["name"].Value, p.Groups["value"].Value);
                switch (p.Groups["name"].Value)
                {
                    case "CP required" or "Target": target ??= value; break;
                    case "CP achieved post-synthesis" or "Post-Synthesis": synth ??= value; break;
                    case "CP achieved post-implementation" or "Post-Route": impl ??= value; break;
                }
            }
            else if (VerdictLine().IsMatch(line))
            {
                verdict ??= line.TrimStart('*', ' ');
            }
        }

        foreach (var name in new[] { "LUT", "FF", "DSP", "BRAM" })
        {
            if (!resources.ContainsKey(name))
            {
                throw report.Error(DiagnosticCatalog.ExportMissing, $"{Kind}: no '{name}:' resource line; expected the resource usage section export_design writes (the report may be truncated).");
            }
        }

        if (target is null)
        {
            throw report.Error(DiagnosticCatalog.ExportMissing, $"{Kind}: no 'CP required:' (or '| Target |') line; expected the final timing section.");
        }

        var achieved = impl ?? synth
            ?? throw report.Error(DiagnosticCatalog.ExportMissing, $"{Kind}: no 'CP achieved post-implementation:'/'CP achieved post-synthesis:' (or '| Post-Route |'/'| Post-Synthesis |') line; expected the final timing section.");

        return new HlsExportReport
        {
            Source = report.Source,
            IsXml = false,
            Tool = tool,
            Project = project,
            Solution = solution,
            Part = part,
            Used = Counts(resources),
            AllResources = resources,
            TargetClockPeriodNs = target.Value,
            PostSynthesisClockPeriodNs = synth,
            PostImplementationClockPeriodNs = impl,
            AchievedClockPeriodNs = achieved,
            Stage = impl is null ? "synthesis" : "implementation",
            TimingMet = verdict is null ? achieved <= target.Value : !verdict.Contains("not met", StringComparison.OrdinalIgnoreCase),
        };
    }

    public static HlsExportReport ParseXml(ReportText report)
    {
        var root = ReportXml.LoadRoot(report, Kind, DiagnosticCatalog.ExportXmlMalformed);

        var area = root.Element("AreaReport")?.Element("Resources")
            ?? throw XmlError(report, root, "missing /profile/AreaReport/Resources; expected the export_design xml (<profile><AreaReport>…).");
        var timing = root.Element("TimingReport")
            ?? throw XmlError(report, root, "missing /profile/TimingReport.");

        var used = XmlResources(report, area);
        foreach (var name in new[] { "LUT", "FF", "DSP", "BRAM" })
        {
            if (!used.ContainsKey(name))
            {
                throw XmlError(report, area, $"/profile/AreaReport/Resources has no <{name}>.");
            }
        }

        var availableElement = root.Element("AreaReport")?.Element("AvailableResources");
        var target = XmlPeriod(report, timing, "TargetClockPeriod", required: true)!.Value;
        var achieved = XmlPeriod(report, timing, "AchievedClockPeriod", required: true)!.Value;
        var synth = XmlPeriod(report, timing, "CP_SYNTH", required: false);
        var route = XmlPeriod(report, timing, "CP_ROUTE", required: false);

        return new HlsExportReport
        {
            Source = report.Source,
            IsXml = true,
            Used = Counts(used),
            Available = availableElement is null ? null : Counts(XmlResources(report, availableElement)),
            AllResources = used,
            TargetClockPeriodNs = target,
            PostSynthesisClockPeriodNs = synth,
            PostImplementationClockPeriodNs = route,
            AchievedClockPeriodNs = achieved,
            // The xml does not name its stage; CP_SYNTH without CP_ROUTE is the only sure sign of a synthesis-only run.
            Stage = synth is not null && route is null ? "synthesis" : "implementation",
            TimingMet = achieved <= target,
        };
    }

    private static ResourceCounts Counts(IReadOnlyDictionary<string, long> r) =>
        new(Get(r, "LUT"), Get(r, "FF"), Get(r, "BRAM"), Get(r, "DSP"), Get(r, "URAM"));

    private static long? Get(IReadOnlyDictionary<string, long> r, string name) => r.TryGetValue(name, out var v) ? v : null;

    private static Dictionary<string, long> XmlResources(ReportText report, XElement table)
    {
        var result = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        foreach (var element in table.Elements())
        {
            if (!ReportNumber.TryParseWhole(element.Value, out var value) || value < 0)
            {
                throw XmlError(report, element, $"<{element.Name.LocalName}> is '{element.Value.Trim()}'; expected a whole, non-negative resource count.", DiagnosticCatalog.ExportBadValue);
            }

            result.TryAdd(element.Name.LocalName, value);
        }

        return result;
    }

    private static double? XmlPeriod(ReportText report, XElement timing, string name, bool required)
    {
        var element = timing.Element(name);
        if (element is null)
        {
            return required ? throw XmlError(report, timing, $"/profile/TimingReport has no <{name}>.") : null;
        }

        return ReportNumber.TryParseReal(element.Value, out var value) && value >= 0
            ? value
            : throw XmlError(report, element, $"<{name}> is '{element.Value.Trim()}'; expected a clock period in ns.", DiagnosticCatalog.ExportBadValue);
    }

    private static XaiException XmlError(ReportText report, XElement at, string message, string code = DiagnosticCatalog.ExportMissing)
    {
        var info = (IXmlLineInfo)at;
        return new XaiException(XaiDiagnostic.Error(code, $"{Kind}: {message}", report.Source, info.HasLineInfo() ? info.LineNumber : 0, info.HasLineInfo() ? info.LinePosition : 0));
    }

    private static string After(string line) => line[(line.IndexOf(':') + 1)..].Trim();

    private static long Whole(ReportText report, int index, string name, string text) =>
        ReportNumber.TryParseWhole(text, out var value) && value >= 0
            ? value
            : throw report.Error(DiagnosticCatalog.ExportBadValue, $"{Kind}: {name} is '{text}'; expected a whole, non-negative resource count.", index);

    private static double Period(ReportText report, int index, string name, string text) =>
        ReportNumber.TryParseReal(text, out var value) && value >= 0
            ? value
            : throw report.Error(DiagnosticCatalog.ExportBadValue, $"{Kind}: {name} is '{text}'; expected a clock period in ns.", index);

    [GeneratedRegex(@"^(?<name>SLICE|CLB|LUT|FF|DSP|BRAM|URAM|SRL|LATCH):\s*(?<value>\S+)$")]
    private static partial Regex ResourceLine();

    // Old form "CP achieved post-implementation:    11.346"; sectioned form "| Post-Route | 2.503 |".
    [GeneratedRegex(@"^(?:\|\s*)?(?<name>CP required|CP achieved post-synthesis|CP achieved post-implementation|Target|Post-Synthesis|Post-Route)\s*[:|]\s*(?<value>[^\s|]+)\s*\|?$")]
    private static partial Regex PeriodLine();

    [GeneratedRegex(@"^\*?\s*Timing (?:was )?(?:not )?met\b", RegexOptions.IgnoreCase)]
    private static partial Regex VerdictLine();
}
