using Xai.Diagnostics;

namespace Xai.Amd.Reports;

/// <summary>
/// The C/RTL co-simulation report <c>sim/report/&lt;top&gt;_cosim.rpt</c>. Two layouts exist: the old one
/// (Vivado HLS, columns RTL, Status, Latency min/avg/max, Interval min/avg/max) and the new one (Vitis HLS
/// 2020.1 onwards, unified flow too) that adds Total Execution Time.
/// </summary>
public sealed class CosimReport
{
    private const string Kind = "cosim report";
    private const int OldColumns = 8;
    private const int NewColumns = 9;

    public required string Source { get; init; }

    public string? Solution { get; init; }

    public string? SimulationTool { get; init; }

    public string? ReportTime { get; init; }

    /// <summary>True for the Vitis HLS layout with the Total Execution Time column.</summary>
    public required bool HasTotalExecutionTime { get; init; }

    /// <summary>One entry per RTL row, in file order.</summary>
    public required IReadOnlyList<CosimResult> Results { get; init; }

    /// <summary>False if any language failed, true if at least one passed and none failed, null if none ran.</summary>
    public bool? Passed =>
        Results.Any(r => r.Status == CosimStatus.Fail) ? false
        : Results.Any(r => r.Status == CosimStatus.Pass) ? true
        : null;

    public static CosimReport Load(string path) => Parse(ReportText.Load(path, Kind));

    public static CosimReport Parse(ReportText report)
    {
        // The header's middle line reads "+   RTL    +  Status  +-----…" in both layouts.
        var statusLine = report.FindLine(l => l.StartsWith('+') && l.Contains("RTL") && l.Contains("Status"));
        if (statusLine < 0)
        {
            throw report.Error(DiagnosticCatalog.CosimTableMissing, $"{Kind}: no RTL/Status table; expected the table '+ RTL + Status +…' that cosim_design writes.");
        }

        var hasTotal = statusLine > 0 && report.Lines[statusLine - 1].Contains("Total Execution Time");
        var columns = hasTotal ? NewColumns : OldColumns;

        // Skip the rest of the header (the min/avg/max line) and its border.
        var i = statusLine + 1;
        while (i < report.Lines.Count && !AsciiTable.IsBorder(report.Lines[i]))
        {
            i++;
        }

        var results = new List<CosimResult>();
        for (i++; i < report.Lines.Count; i++)
        {
            var line = report.Lines[i];
            if (AsciiTable.IsBorder(line))
            {
                if (results.Count == 0)
                {
                    throw report.Error(DiagnosticCatalog.CosimTableMissing, $"{Kind}: the table has no RTL rows.", i);
                }

                return new CosimReport
                {
                    Source = report.Source,
                    Solution = Field(report, "Solution"),
                    SimulationTool = Field(report, "Simulation tool"),
                    ReportTime = Field(report, "Report time"),
                    HasTotalExecutionTime = hasTotal,
                    Results = results,
                };
            }

            if (!AsciiTable.IsRow(line))
            {
                throw report.Error(DiagnosticCatalog.CosimBadRow, $"{Kind}: expected a table row '| Verilog | Pass | …', found '{AsciiTable.Shorten(line)}'.", i);
            }

            results.Add(Row(report, i, columns));
        }

        throw report.Error(DiagnosticCatalog.CosimTableMissing, $"{Kind}: the table has no closing +---+ border; the report is truncated.", report.Lines.Count - 1);
    }

    private static CosimResult Row(ReportText report, int index, int columns)
    {
        var cells = AsciiTable.Cells(report.Lines[index]);
        if (cells.Length != columns)
        {
            throw report.Error(DiagnosticCatalog.CosimBadRow, $"{Kind}: row has {cells.Length} cells; expected {columns} (RTL, Status, Latency min/avg/max, Interval min/avg/max{(columns == NewColumns ? ", Total Execution Time" : "")}).", index);
        }

        if (cells[0].Length == 0)
        {
            throw report.Error(DiagnosticCatalog.CosimBadRow, $"{Kind}: row has an empty RTL cell; expected Verilog or VHDL.", index);
        }

        var status = cells[1] switch
        {
            "Pass" => CosimStatus.Pass,
            "Fail" => CosimStatus.Fail,
            "NA" => CosimStatus.NotRun,
            _ => throw report.Error(DiagnosticCatalog.CosimBadRow, $"{Kind}: Status of '{cells[0]}' is '{cells[1]}'; expected Pass, Fail or NA.", index),
        };

        long? Cycles(int column, string name)
        {
            var text = cells[column];
            if (ReportNumber.IsUnknown(text))
            {
                return null;
            }

            return ReportNumber.TryParseWhole(text, out var value) && value >= 0
                ? value
                : throw report.Error(DiagnosticCatalog.CosimBadRow, $"{Kind}: {name} of '{cells[0]}' is '{text}'; expected a whole number of cycles or NA.", index);
        }

        return new CosimResult(
            cells[0],
            status,
            new CycleRange(Cycles(2, "latency min"), Cycles(3, "latency avg"), Cycles(4, "latency max")),
            new CycleRange(Cycles(5, "interval min"), Cycles(6, "interval avg"), Cycles(7, "interval max")),
            columns == NewColumns ? Cycles(8, "total execution time") : null);
    }

    /// <summary>"Solution          : solution1." → "solution1".</summary>
    private static string? Field(ReportText report, string name)
    {
        var index = report.FindLine(l => l.StartsWith(name, StringComparison.Ordinal) && l.Contains(':'));
        if (index < 0)
        {
            return null;
        }

        var line = report.Lines[index];
        var value = line[(line.IndexOf(':') + 1)..].Trim().TrimEnd('.');
        return value.Length > 0 ? value : null;
    }
}
