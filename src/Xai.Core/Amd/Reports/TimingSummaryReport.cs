using System.Text.RegularExpressions;
using Xai.Diagnostics;

namespace Xai.Amd.Reports;

/// <summary>
/// Vivado <c>report_timing_summary</c> (<c>*_timing_summary_routed.rpt</c>): the Design Timing Summary line
/// (worst negative/total negative setup slack, hold and pulse-width slack) and the clock list.
/// </summary>
public sealed partial class TimingSummaryReport
{
    private const string Kind = "Vivado timing summary";

    public required string Source { get; init; }

    public required ToolRelease Tool { get; init; }

    public string? Device { get; init; }

    public string? Design { get; init; }

    /// <summary>Worst negative setup slack; null when Vivado printed NA (no constrained paths).</summary>
    public double? WnsNs { get; init; }

    public double? TnsNs { get; init; }

    public long? TnsFailingEndpoints { get; init; }

    /// <summary>Setup endpoints analysed.</summary>
    public long? TnsTotalEndpoints { get; init; }

    /// <summary>Worst hold slack.</summary>
    public double? WhsNs { get; init; }

    public double? ThsNs { get; init; }

    public long? ThsFailingEndpoints { get; init; }

    /// <summary>Worst pulse-width slack.</summary>
    public double? WpwsNs { get; init; }

    public double? TpwsNs { get; init; }

    /// <summary>The sentence under the table, e.g. "All user specified timing constraints are met.".</summary>
    public string? Verdict { get; init; }

    /// <summary>
    /// From the verdict when present, else from the slacks (all of WNS, WHS, WPWS non-negative);
    /// null when neither says.
    /// </summary>
    public bool? ConstraintsMet { get; init; }

    public required IReadOnlyList<ClockDefinition> Clocks { get; init; }

    public static TimingSummaryReport Load(string path) => Parse(ReportText.Load(path, Kind));

    public static TimingSummaryReport Parse(ReportText report)
    {
        var header = VivadoReportHeader.Read(report);
        var tool = header.RequiredTool(report, DiagnosticCatalog.TimingSummaryMissing, Kind);

        var title = report.FindLine(l => l.StartsWith("| Design Timing Summary", StringComparison.Ordinal));
        if (title < 0)
        {
            throw report.Error(DiagnosticCatalog.TimingSummaryMissing, $"{Kind}: no '| Design Timing Summary' section; expected the report report_timing_summary writes (the file may be truncated).");
        }

        var columnsLine = report.FindLine(l => l.Contains("WNS(ns)"), title);
        if (columnsLine < 0 || columnsLine + 2 >= report.Lines.Count)
        {
            throw report.Error(DiagnosticCatalog.TimingSummaryMissing, $"{Kind}: the Design Timing Summary has no 'WNS(ns) TNS(ns) …' table; the report is truncated.", title);
        }

        var names = ColumnSplit().Split(report.Lines[columnsLine].Trim());
        var valuesLine = columnsLine + 2;
        var values = report.Lines[valuesLine].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (values.Length != names.Length)
        {
            throw report.Error(DiagnosticCatalog.TimingSummaryBadValue, $"{Kind}: the Design Timing Summary row has {values.Length} values for {names.Length} columns ({string.Join(", ", names)}); the report is truncated or altered.", valuesLine);
        }

        double? Slack(string column)
        {
            var at = Array.IndexOf(names, column);
            if (at < 0)
            {
                throw report.Error(DiagnosticCatalog.TimingSummaryMissing, $"{Kind}: the Design Timing Summary has no '{column}' column.", columnsLine);
            }

            var text = values[at];
            if (ReportNumber.IsUnknown(text))
            {
                return null;
            }

            return ReportNumber.TryParseReal(text, out var v)
                ? v
                : throw report.Error(DiagnosticCatalog.TimingSummaryBadValue, $"{Kind}: {column} is '{text}'; expected a number of nanoseconds or NA.", valuesLine);
        }

        long? Endpoints(string column)
        {
            if (Slack(column) is not { } count)
            {
                return null;
            }

            return count >= 0 && count == Math.Floor(count)
                ? (long)count
                : throw report.Error(DiagnosticCatalog.TimingSummaryBadValue, $"{Kind}: {column} is '{count}'; expected a whole number of endpoints.", valuesLine);
        }

        var wns = Slack("WNS(ns)");
        var whs = Slack("WHS(ns)");
        var wpws = Slack("WPWS(ns)");
        var verdict = ReadVerdict(report, valuesLine + 1);
        bool? met = verdict switch
        {
            not null when verdict.Contains("not met", StringComparison.OrdinalIgnoreCase) => false,
            not null when verdict.Contains("are met", StringComparison.OrdinalIgnoreCase) => true,
            _ when wns is { } a && whs is { } b && wpws is { } c => a >= 0 && b >= 0 && c >= 0,
            _ => null,
        };

        return new TimingSummaryReport
        {
            Source = report.Source,
            Tool = tool,
            Device = header["Device"],
            Design = header["Design"],
            WnsNs = wns,
            TnsNs = Slack("TNS(ns)"),
            TnsFailingEndpoints = Endpoints("TNS Failing Endpoints"),
            TnsTotalEndpoints = Endpoints("TNS Total Endpoints"),
            WhsNs = whs,
            ThsNs = Slack("THS(ns)"),
            ThsFailingEndpoints = Endpoints("THS Failing Endpoints"),
            WpwsNs = wpws,
            TpwsNs = Slack("TPWS(ns)"),
            Verdict = verdict,
            ConstraintsMet = met,
            Clocks = ReadClocks(report),
        };
    }

    /// <summary>The first non-blank line after the values, unless the next section already starts.</summary>
    private static string? ReadVerdict(ReportText report, int from)
    {
        for (var i = from; i < report.Lines.Count; i++)
        {
            var line = report.Lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            return line.StartsWith('-') || line.StartsWith('|') ? null : line;
        }

        return null;
    }

    private static IReadOnlyList<ClockDefinition> ReadClocks(ReportText report)
    {
        var title = report.FindLine(l => l.StartsWith("| Clock Summary", StringComparison.Ordinal));
        if (title < 0)
        {
            return [];
        }

        var columns = report.FindLine(l => l.StartsWith("Clock ", StringComparison.Ordinal) && l.Contains("Period(ns)"), title);
        if (columns < 0 || columns + 1 >= report.Lines.Count)
        {
            throw report.Error(DiagnosticCatalog.TimingSummaryMissing, $"{Kind}: the Clock Summary has no 'Clock Waveform(ns) Period(ns) Frequency(MHz)' table; the report is truncated.", title);
        }

        var clocks = new List<ClockDefinition>();
        for (var i = columns + 2; i < report.Lines.Count && report.Lines[i].Trim().Length > 0; i++)
        {
            var match = ClockRow().Match(report.Lines[i]);
            if (!match.Success
                || !ReportNumber.TryParseReal(match.Groups["period"].Value, out var period)
                || !ReportNumber.TryParseReal(match.Groups["frequency"].Value, out var frequency))
            {
                throw report.Error(DiagnosticCatalog.TimingSummaryBadValue, $"{Kind}: Clock Summary row '{AsciiTable.Shorten(report.Lines[i])}' is not 'name {{rise fall}} period frequency'.", i);
            }

            clocks.Add(new ClockDefinition(match.Groups["name"].Value, period, frequency));
        }

        return clocks;
    }

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex ColumnSplit();

    [GeneratedRegex(@"^\s*(?<name>\S+)\s+\{[^}]*\}\s+(?<period>\S+)\s+(?<frequency>\S+)\s*$")]
    private static partial Regex ClockRow();
}
