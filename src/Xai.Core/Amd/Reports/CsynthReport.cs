using System.Xml;
using System.Xml.Linq;
using Xai.Diagnostics;

namespace Xai.Amd.Reports;

/// <summary>
/// The C-synthesis summary <c>csynth.xml</c> (or <c>&lt;top&gt;_csynth.xml</c>) written by Vivado HLS and
/// Vitis HLS. Everything is read through paths anchored at the root <c>&lt;profile&gt;</c>: from 2022.1 the
/// file also nests a <c>PerformanceEstimates</c>/<c>AreaEstimates</c> per module, which must not be taken
/// for the top's.
/// </summary>
public sealed class CsynthReport
{
    private const string Kind = "csynth.xml";

    public required string Source { get; init; }

    /// <summary><c>Vivado HLS</c> or <c>Vitis HLS</c>, inferred from the file (see <see cref="InferToolName"/>).</summary>
    public required string ToolName { get; init; }

    /// <summary><c>/profile/ReportVersion/Version</c>, e.g. <c>2022.1</c>.</summary>
    public required string ToolVersion { get; init; }

    /// <summary>Target part as written (Vivado HLS 2018.2 keeps <c>xc7z020clg400-1</c>, later tools add dashes).</summary>
    public required string Part { get; init; }

    public string? ProductFamily { get; init; }

    public required string TopModule { get; init; }

    /// <summary><c>vivado</c> or <c>vitis</c>; only Vitis HLS writes it.</summary>
    public string? FlowTarget { get; init; }

    public required double TargetClockPeriodNs { get; init; }

    public double? ClockUncertaintyNs { get; init; }

    /// <summary>The scheduler's estimate of the achievable clock period.</summary>
    public required double EstimatedClockPeriodNs { get; init; }

    /// <summary><c>none</c>, <c>no</c>, <c>yes</c>, <c>function</c>, <c>dataflow</c>… as printed.</summary>
    public string? PipelineType { get; init; }

    /// <summary>Best/average/worst-case latency of the top in cycles; null parts were <c>undef</c>.</summary>
    public required CycleRange Latency { get; init; }

    /// <summary>Initiation interval of the top (min and max; <see cref="CycleRange.Avg"/> is always null).</summary>
    public required CycleRange Interval { get; init; }

    public required ResourceCounts Resources { get; init; }

    public required ResourceCounts Available { get; init; }

    /// <summary>The element name the DSP count was read from: <c>DSP48E</c> (Vivado HLS) or <c>DSP</c> (Vitis HLS).</summary>
    public required string DspElementName { get; init; }

    /// <summary>The top's loops (<c>/profile/PerformanceEstimates/SummaryOfLoopLatency</c>), outer before inner; empty when it lists none.</summary>
    public IReadOnlyList<CsynthLoop> Loops { get; init; } = [];

    /// <summary>Module hierarchy from <c>/profile/ModuleInformation</c>; empty for files that do not have it.</summary>
    public required IReadOnlyList<CsynthModule> Modules { get; init; }

    /// <summary>
    /// Module fields that could not be read (XAI5113) and were left unknown: a module's odd value
    /// must not cost the top's figures, which are what the report is read for.
    /// </summary>
    public IReadOnlyList<XaiDiagnostic> Warnings { get; init; } = [];

    public static CsynthReport Load(string path) => Parse(ReportText.Load(path, Kind));

    public static CsynthReport Parse(ReportText report)
    {
        var root = ReportXml.LoadRoot(report, Kind, DiagnosticCatalog.CsynthXmlMalformed);
        if (root.Name.LocalName != "profile")
        {
            throw Error(report, DiagnosticCatalog.CsynthMissingElement, root, $"root element is <{root.Name.LocalName}>; expected <profile> (a csynth.xml written by Vivado HLS or Vitis HLS).");
        }

        var version = RequiredText(report, root, "ReportVersion", "Version");
        var part = RequiredText(report, root, "UserAssignments", "Part");
        var top = RequiredText(report, root, "UserAssignments", "TopModelName");
        var flowTarget = OptionalText(root, "UserAssignments", "FlowTarget");

        var overall = RequiredElement(report, root, "PerformanceEstimates", "SummaryOfOverallLatency");
        var latency = new CycleRange(
            Cycles(report, RequiredElement(report, overall, "Best-caseLatency"), Bound.Low),
            Cycles(report, RequiredElement(report, overall, "Average-caseLatency"), Bound.Single),
            Cycles(report, RequiredElement(report, overall, "Worst-caseLatency"), Bound.High));
        var interval = new CycleRange(
            Cycles(report, RequiredElement(report, overall, "Interval-min"), Bound.Low),
            null,
            Cycles(report, RequiredElement(report, overall, "Interval-max"), Bound.High));

        var (resources, dspName) = ReadResources(report, RequiredElement(report, root, "AreaEstimates", "Resources"));
        var (available, _) = ReadResources(report, RequiredElement(report, root, "AreaEstimates", "AvailableResources"));
        var warnings = new List<XaiDiagnostic>();

        return new CsynthReport
        {
            Source = report.Source,
            ToolName = InferToolName(version, flowTarget),
            ToolVersion = version,
            Part = part,
            ProductFamily = OptionalText(root, "UserAssignments", "ProductFamily"),
            TopModule = top,
            FlowTarget = flowTarget,
            TargetClockPeriodNs = Real(report, RequiredElement(report, root, "UserAssignments", "TargetClockPeriod")),
            ClockUncertaintyNs = OptionalElement(root, "UserAssignments", "ClockUncertainty") is { } u ? Real(report, u) : null,
            EstimatedClockPeriodNs = Real(report, RequiredElement(report, root, "PerformanceEstimates", "SummaryOfTimingAnalysis", "EstimatedClockPeriod")),
            PipelineType = OptionalText(root, "PerformanceEstimates", "PipelineType"),
            Latency = latency,
            Interval = interval,
            Resources = resources,
            Available = available,
            DspElementName = dspName,
            Loops = ReadLoops(report, root.Element("PerformanceEstimates")?.Element("SummaryOfLoopLatency"), null, warnings),
            Modules = ReadModules(report, root, warnings),
            Warnings = warnings,
        };
    }

    /// <summary>
    /// Vitis HLS writes <c>FlowTarget</c>; Vivado HLS (last release 2020.1) does not. Both shipped a 2020.1,
    /// so the version alone cannot tell them apart.
    /// </summary>
    public static string InferToolName(string version, string? flowTarget)
    {
        if (flowTarget is not null)
        {
            return "Vitis HLS";
        }

        var year = version.Length >= 4 && int.TryParse(version[..4], out var y) ? y : 0;
        var isAfterVivadoHls = year > 2020 || (year == 2020 && !version.StartsWith("2020.1", StringComparison.Ordinal));
        return isAfterVivadoHls ? "Vitis HLS" : "Vivado HLS";
    }

    private static (ResourceCounts Counts, string DspName) ReadResources(ReportText report, XElement table)
    {
        var dsp = table.Element("DSP48E") ?? table.Element("DSP");
        if (dsp is null)
        {
            throw Error(report, DiagnosticCatalog.CsynthMissingElement, table, $"{PathOf(table)} has no <DSP48E> (Vivado HLS) or <DSP> (Vitis HLS) element.");
        }

        var counts = new ResourceCounts(
            Count(report, RequiredElement(report, table, "LUT")),
            Count(report, RequiredElement(report, table, "FF")),
            Count(report, RequiredElement(report, table, "BRAM_18K")),
            Count(report, dsp),
            // Vivado HLS 2018.2 on 7-series omits URAM entirely.
            table.Element("URAM") is { } uram ? Count(report, uram) : null);
        return (counts, dsp.Name.LocalName);
    }

    private static IReadOnlyList<CsynthModule> ReadModules(ReportText report, XElement root, List<XaiDiagnostic> warnings)
    {
        var info = root.Element("ModuleInformation");
        if (info is null)
        {
            return [];
        }

        var modules = new List<CsynthModule>();
        foreach (var module in info.Elements("Module"))
        {
            var name = module.Element("Name")?.Value.Trim();
            if (string.IsNullOrEmpty(name))
            {
                warnings.Add(Warning(report, module, $"{PathOf(module)} has no <Name>; the module was left out."));
                continue;
            }

            var owner = $"module '{name}'";
            long? ModuleCycles(XElement? element, Bound bound) => Lenient(report, element, owner, warnings, e => Cycles(report, e, bound));
            var overall = module.Element("PerformanceEstimates")?.Element("SummaryOfOverallLatency");
            var latency = overall is null
                ? CycleRange.Unknown
                : new CycleRange(
                    ModuleCycles(overall.Element("Best-caseLatency"), Bound.Low),
                    ModuleCycles(overall.Element("Average-caseLatency"), Bound.Single),
                    ModuleCycles(overall.Element("Worst-caseLatency"), Bound.High));
            var ii = overall?.Element("PipelineInitiationInterval");
            var resources = module.Element("AreaEstimates")?.Element("Resources");
            long? ModuleCount(string element) => Lenient(report, resources?.Element(element), owner, warnings, e => Count(report, e));
            modules.Add(new CsynthModule(
                name,
                latency,
                ii is null ? null : new CycleRange(ModuleCycles(ii, Bound.Low), null, ModuleCycles(ii, Bound.High)),
                overall?.Element("PipelineType")?.Value.Trim(),
                new ResourceCounts(
                    ModuleCount("LUT"),
                    ModuleCount("FF"),
                    ModuleCount("BRAM_18K"),
                    resources?.Element("DSP") is null ? ModuleCount("DSP48E") : ModuleCount("DSP"),
                    ModuleCount("URAM")),
                ReadLoops(report, module.Element("PerformanceEstimates")?.Element("SummaryOfLoopLatency"), name, warnings)));
        }

        return modules;
    }

    // Loop fields, not loops: every other child of a loop that has a <TripCount> or <Latency> is a nested loop.
    private static readonly HashSet<string> LoopFields = ["Name", "TripCount", "Latency", "AbsoluteTimeLatency", "IterationLatency", "PipelineII", "PipelineDepth", "PipelineType", "InstanceList", "Slack"];

    /// <summary>
    /// The loops under <paramref name="summary"/>, depth first. A field the loop cannot be read from is left unknown
    /// with a warning naming the loop (XAI5113), as for modules: loops are for comparison, not the top's figures.
    /// </summary>
    private static IReadOnlyList<CsynthLoop> ReadLoops(ReportText report, XElement? summary, string? module, List<XaiDiagnostic> warnings)
    {
        var loops = new List<CsynthLoop>();
        void Walk(XElement parent, string prefix)
        {
            foreach (var loop in parent.Elements().Where(e => !LoopFields.Contains(e.Name.LocalName) && (e.Element("TripCount") is not null || e.Element("Latency") is not null)))
            {
                var name = loop.Element("Name")?.Value.Trim() is { Length: > 0 } n ? n : loop.Name.LocalName;
                var path = prefix.Length == 0 ? name : prefix + "/" + name;
                var owner = module is null ? $"loop '{path}'" : $"{module}'s loop '{path}'";
                CycleRange Range(string field) => loop.Element(field) is { } e ? LoopRange(report, e, owner, warnings) : CycleRange.Unknown;
                long? Single(string field) => Lenient(report, loop.Element(field), owner, warnings, e => Cycles(report, e, Bound.Single));
                loops.Add(new CsynthLoop(name, path, Range("TripCount"), Range("Latency"), Single("IterationLatency"), Single("PipelineII"), Single("PipelineDepth")));
                Walk(loop, path);
            }
        }

        if (summary is not null)
        {
            Walk(summary, "");
        }

        return loops;
    }

    /// <summary>A loop's trip count or latency: a number, <c>undef</c>, <c>a ~ b</c>, or <c>&lt;range&gt;&lt;min/&gt;&lt;max/&gt;&lt;/range&gt;</c> (a LOOP_TRIPCOUNT bound).</summary>
    private static CycleRange LoopRange(ReportText report, XElement element, string owner, List<XaiDiagnostic> warnings)
    {
        if (element.Element("range") is { } range)
        {
            var min = Lenient(report, range.Element("min"), owner, warnings, e => Cycles(report, e, Bound.Low));
            var max = Lenient(report, range.Element("max"), owner, warnings, e => Cycles(report, e, Bound.High));
            return new CycleRange(min, null, max);
        }

        return new CycleRange(
            Lenient(report, element, owner, warnings, e => Cycles(report, e, Bound.Low)),
            null,
            Lenient(report, element, owner, warnings, e => Cycles(report, e, Bound.High)));
    }

    /// <summary>Reads a module's or loop's field; a value it cannot read becomes unknown plus one warning naming the owner and field.</summary>
    private static long? Lenient(ReportText report, XElement? element, string owner, List<XaiDiagnostic> warnings, Func<XElement, long?> read)
    {
        if (element is null)
        {
            return null;
        }

        try
        {
            return read(element);
        }
        catch (XaiException e) when (e.Code == DiagnosticCatalog.CsynthBadValue)
        {
            var message = $"{owner}: {e.Diagnostic.Message} The field was left unknown; the top's figures are unaffected.";
            if (!warnings.Any(w => w.Line == e.Diagnostic.Line && w.Message == message))
            {
                warnings.Add(Warning(report, element, message));
            }

            return null;
        }
    }

    private static XaiDiagnostic Warning(ReportText report, XElement at, string message)
    {
        var info = (IXmlLineInfo)at;
        return XaiDiagnostic.Warning(DiagnosticCatalog.CsynthModuleValueUnread, message, report.Source, info.HasLineInfo() ? info.LineNumber : 0, info.HasLineInfo() ? info.LinePosition : 0);
    }

    private static XElement? OptionalElement(XElement from, params string[] path)
    {
        XElement? current = from;
        foreach (var name in path)
        {
            current = current?.Element(name);
        }

        return current;
    }

    private static XElement RequiredElement(ReportText report, XElement from, params string[] path)
    {
        var current = from;
        foreach (var name in path)
        {
            current = current.Element(name)
                ?? throw Error(report, DiagnosticCatalog.CsynthMissingElement, current, $"missing <{name}> under {PathOf(current)}; expected {PathOf(from)}/{string.Join("/", path)}.");
        }

        return current;
    }

    private static string RequiredText(ReportText report, XElement from, params string[] path)
    {
        var element = RequiredElement(report, from, path);
        var text = element.Value.Trim();
        return text.Length > 0
            ? text
            : throw Error(report, DiagnosticCatalog.CsynthBadValue, element, $"{PathOf(element)} is empty; expected a value.");
    }

    private static string? OptionalText(XElement from, params string[] path)
    {
        var text = OptionalElement(from, path)?.Value.Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }

    /// <summary>Which end of a range <c>a ~ b</c> a field stands for: best/min the low end, worst/max the high end; an average has none.</summary>
    private enum Bound
    {
        Low,
        High,
        Single,
    }

    private static long? Cycles(ReportText report, XElement element, Bound bound)
    {
        var text = element.Value;
        if (ReportNumber.IsUnknown(text))
        {
            return null;
        }

        if (!ReportNumber.TryParseCycleBounds(text, out var low, out var high))
        {
            throw Error(report, DiagnosticCatalog.CsynthBadValue, element, $"{PathOf(element)} is '{text.Trim()}'; expected a whole number of clock cycles, a range 'a ~ b' or 'undef'.");
        }

        return bound switch
        {
            Bound.Low => low,
            Bound.High => high,
            // The average of a data-dependent range is not in the report: unknown, not a guess.
            _ => low == high ? low : null,
        };
    }

    private static long Count(ReportText report, XElement element) =>
        ReportNumber.TryParseWhole(element.Value, out var value) && value >= 0
            ? value
            : throw Error(report, DiagnosticCatalog.CsynthBadValue, element, $"{PathOf(element)} is '{element.Value.Trim()}'; expected a whole, non-negative resource count.");

    private static double Real(ReportText report, XElement element) =>
        ReportNumber.TryParseReal(element.Value, out var value) && value >= 0
            ? value
            : throw Error(report, DiagnosticCatalog.CsynthBadValue, element, $"{PathOf(element)} is '{element.Value.Trim()}'; expected a non-negative number of nanoseconds.");

    private static string PathOf(XElement element) =>
        "/" + string.Join("/", element.AncestorsAndSelf().Reverse().Select(e => e.Name.LocalName));

    private static XaiException Error(ReportText report, string code, XElement at, string message)
    {
        var info = (IXmlLineInfo)at;
        return new XaiException(XaiDiagnostic.Error(code, message, report.Source, info.HasLineInfo() ? info.LineNumber : 0, info.HasLineInfo() ? info.LinePosition : 0));
    }
}
