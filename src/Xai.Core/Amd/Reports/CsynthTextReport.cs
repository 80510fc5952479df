using System.Text.RegularExpressions;
using Xai.Diagnostics;

namespace Xai.Amd.Reports;

/// <summary>
/// The human-readable C-synthesis report (<c>csynth.rpt</c>, <c>&lt;top&gt;_csynth.rpt</c>) of Vivado HLS and
/// classic-flow Vitis HLS (<c>== Vivado HLS Report for '…'</c> / <c>== Vitis HLS Report for '…'</c>).
/// Used when a build kept the text report but not the xml. The unified flow's
/// "Synthesis Summary Report" layout is not read.
/// </summary>
public sealed partial class CsynthTextReport
{
    private const string Kind = "text csynth report";
    private const string Missing = DiagnosticCatalog.CsynthTextMissing;

    public required string Source { get; init; }

    public ToolRelease? Tool { get; init; }

    public required string TopModule { get; init; }

    public required string Part { get; init; }

    public string? ProductFamily { get; init; }

    public required double TargetClockPeriodNs { get; init; }

    public required double EstimatedClockPeriodNs { get; init; }

    public double? ClockUncertaintyNs { get; init; }

    /// <summary>Min and max latency in cycles (the text report has no average); null where it prints <c>?</c>.</summary>
    public required CycleRange Latency { get; init; }

    public required CycleRange Interval { get; init; }

    public string? PipelineType { get; init; }

    public required ResourceCounts Resources { get; init; }

    public required ResourceCounts Available { get; init; }

    public static CsynthTextReport Load(string path) => Parse(ReportText.Load(path, Kind));

    public static CsynthTextReport Parse(ReportText report)
    {
        if (report.FindLine(l => l.StartsWith("== Synthesis Summary Report of '", StringComparison.Ordinal)) >= 0)
        {
            throw report.Error(Missing, $"{Kind}: this is the unified flow's 'Synthesis Summary Report' layout, which is not read; use the csynth.xml written beside it (<work_dir>/hls/syn/report/csynth.xml).");
        }

        var titleIndex = report.FindLine(l => Title().IsMatch(l));
        if (titleIndex < 0)
        {
            throw report.Error(Missing, $"{Kind}: no '== Vivado HLS Report for '<top>'' or '== Vitis HLS Report for '<top>'' title.");
        }

        var title = Title().Match(report.Lines[titleIndex]);
        var version = Field(report, "Version")
            ?? throw report.Error(Missing, $"{Kind}: no '* Version:' line.", titleIndex);
        var versionNumber = version.Split(' ', 2)[0];
        var part = Field(report, "Target device")
            ?? throw report.Error(Missing, $"{Kind}: no '* Target device:' line.", titleIndex);

        // Timing summary: | Clock | Target | Estimated | Uncertainty |
        var timingHeader = report.FindLine(l => AsciiTable.IsRow(l) && l.Contains("Clock") && l.Contains("Estimated"), titleIndex);
        if (timingHeader < 0)
        {
            throw report.Error(Missing, $"{Kind}: no timing summary table (| Clock | Target | Estimated | Uncertainty |).");
        }

        var timing = AsciiTable.Read(report, timingHeader, Missing, $"{Kind}, timing summary");
        var clock = First(report, timing, "timing summary", timingHeader);
        var target = Nanoseconds(report, clock, timing.Column(report, "Target", Missing, Kind), "Target");
        var estimated = Nanoseconds(report, clock, timing.Column(report, "Estimated", Missing, Kind), "Estimated");
        var uncertainty = Nanoseconds(report, clock, timing.Column(report, "Uncertainty", Missing, Kind), "Uncertainty");

        // Latency summary: second header row "| min | max | min | max | min | max | Type |".
        var latencyTitle = report.FindLine(l => l.Trim().StartsWith("+ Latency", StringComparison.Ordinal), timingHeader);
        var latencyHeader = latencyTitle < 0 ? -1 : report.FindLine(l => AsciiTable.IsRow(l) && l.Contains("min") && l.Contains("max"), latencyTitle);
        if (latencyHeader < 0)
        {
            throw report.Error(Missing, $"{Kind}: no latency summary table under '+ Latency:'; the report is truncated.");
        }

        var latencyTable = AsciiTable.Read(report, latencyHeader, Missing, $"{Kind}, latency summary");
        var latencyRow = First(report, latencyTable, "latency summary", latencyHeader);
        if (latencyRow.Cells.Count < 7)
        {
            throw report.Error(Missing, $"{Kind}: latency summary has {latencyRow.Cells.Count} columns; expected 7 (latency min/max in cycles and absolute, interval min/max, pipeline type).", latencyRow.LineIndex);
        }

        // Utilization summary: | Name | BRAM_18K | DSP48E or DSP | FF | LUT | URAM |, rows Total and Available.
        var utilizationTitle = report.FindLine(l => l.StartsWith("== Utilization Estimates", StringComparison.Ordinal), latencyHeader);
        var utilizationHeader = utilizationTitle < 0 ? -1 : report.FindLine(l => AsciiTable.IsRow(l) && l.Contains("Name") && l.Contains("BRAM_18K"), utilizationTitle);
        if (utilizationHeader < 0)
        {
            throw report.Error(Missing, $"{Kind}: no utilization summary table under '== Utilization Estimates'; the report is truncated.");
        }

        var utilization = AsciiTable.Read(report, utilizationHeader, Missing, $"{Kind}, utilization summary");

        return new CsynthTextReport
        {
            Source = report.Source,
            Tool = ToolRelease.Of($"{title.Groups["tool"].Value} HLS", versionNumber),
            TopModule = title.Groups["top"].Value,
            Part = part,
            ProductFamily = Field(report, "Product family"),
            TargetClockPeriodNs = target ?? throw report.Error(Missing, $"{Kind}: the clock has no target period.", clock.LineIndex),
            EstimatedClockPeriodNs = estimated ?? throw report.Error(Missing, $"{Kind}: the clock has no estimated period.", clock.LineIndex),
            ClockUncertaintyNs = uncertainty,
            Latency = new CycleRange(Cycles(report, latencyRow, 0), null, Cycles(report, latencyRow, 1)),
            Interval = new CycleRange(Cycles(report, latencyRow, 4), null, Cycles(report, latencyRow, 5)),
            PipelineType = latencyRow.Cells[6],
            Resources = ReadResources(report, utilization, "Total"),
            Available = ReadResources(report, utilization, "Available"),
        };
    }

    private static AsciiTableRow First(ReportText report, AsciiTable table, string what, int at) =>
        table.Rows.Count > 0 ? table.Rows[0] : throw report.Error(Missing, $"{Kind}: the {what} table has no rows.", at);

    private static string? Field(ReportText report, string name)
    {
        var prefix = $"* {name}:";
        var index = report.FindLine(l => l.StartsWith(prefix, StringComparison.Ordinal));
        if (index < 0)
        {
            return null;
        }

        var value = report.Lines[index][prefix.Length..].Trim();
        return value.Length > 0 ? value : null;
    }

    private static ResourceCounts ReadResources(ReportText report, AsciiTable table, string rowName)
    {
        var row = table.Rows.FirstOrDefault(r => r.Cells[0] == rowName)
            ?? throw report.Error(Missing, $"{Kind}: the utilization summary has no '{rowName}' row; the report is truncated or altered.");
        var dspColumn = table.Header.Contains("DSP48E") ? "DSP48E" : "DSP";
        long? Cell(string column)
        {
            if (!table.Header.Contains(column))
            {
                return column == "URAM" ? null : throw report.Error(Missing, $"{Kind}: the utilization summary has no '{column}' column.");
            }

            var text = row.Cells[table.Column(report, column, Missing, Kind)];
            if (text is "-" || ReportNumber.IsUnknown(text))
            {
                return null;
            }

            return ReportNumber.TryParseWhole(text, out var value) && value >= 0
                ? value
                : throw report.Error(DiagnosticCatalog.CsynthTextBadValue, $"{Kind}: '{rowName}' {column} is '{text}'; expected a whole number.", row.LineIndex);
        }

        return new ResourceCounts(Cell("LUT"), Cell("FF"), Cell("BRAM_18K"), Cell(dspColumn), Cell("URAM"));
    }

    private static double? Nanoseconds(ReportText report, AsciiTableRow row, int column, string name)
    {
        var text = row.Cells[column];
        var number = text.EndsWith("ns", StringComparison.Ordinal) ? text[..^2] : text;
        if (ReportNumber.IsUnknown(number))
        {
            return null;
        }

        return ReportNumber.TryParseReal(number, out var value) && value >= 0
            ? value
            : throw report.Error(DiagnosticCatalog.CsynthTextBadValue, $"{Kind}: clock {name} is '{text}'; expected e.g. '10.00 ns'.", row.LineIndex);
    }

    private static long? Cycles(ReportText report, AsciiTableRow row, int column)
    {
        var text = row.Cells[column];
        if (ReportNumber.IsUnknown(text))
        {
            return null;
        }

        return ReportNumber.TryParseWhole(text, out var value) && value >= 0
            ? value
            : throw report.Error(DiagnosticCatalog.CsynthTextBadValue, $"{Kind}: latency/interval cell is '{text}'; expected a whole number of cycles or '?'.", row.LineIndex);
    }

    [GeneratedRegex(@"^== (?<tool>Vivado|Vitis) HLS Report for '(?<top>[^']+)'")]
    private static partial Regex Title();
}
