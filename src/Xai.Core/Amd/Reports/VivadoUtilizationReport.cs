using System.Text.RegularExpressions;
using Xai.Diagnostics;

namespace Xai.Amd.Reports;

/// <summary>
/// Vivado <c>report_utilization</c> text output (<c>*_utilization_placed.rpt</c>, <c>*_utilization_synth.rpt</c>).
/// Handles the 7-series tables (<c>Slice Logic</c>, <c>Memory</c>, <c>DSP</c>) and the UltraScale+ ones
/// (<c>CLB Logic</c>, <c>BLOCKRAM</c>, <c>ARITHMETIC</c>), with or without the <c>Prohibited</c> column
/// (added in Vivado 2021.2): columns are found by their header names.
/// </summary>
public sealed partial class VivadoUtilizationReport
{
    private const string Kind = "Vivado utilization report";
    private const string Missing = DiagnosticCatalog.UtilizationMissing;

    public required string Source { get; init; }

    public required ToolRelease Tool { get; init; }

    /// <summary>Device as printed (<c>7z020clg400-1</c>, <c>xc7z020clg400-1</c>, <c>xczu3eg-sbva484-1-e</c>).</summary>
    public required string Device { get; init; }

    public string? Design { get; init; }

    /// <summary><c>Synthesized</c>, <c>Fully Placed</c>, <c>Routed</c>…</summary>
    public string? DesignState { get; init; }

    /// <summary>True for UltraScale/UltraScale+ (CLB tables), false for 7-series (Slice tables).</summary>
    public required bool IsUltraScale { get; init; }

    public required bool HasProhibitedColumn { get; init; }

    /// <summary>Used LUT, registers, BRAM_18K (= 2 × Block RAM Tile), DSP, URAM.</summary>
    public required ResourceCounts Used { get; init; }

    public required ResourceCounts Available { get; init; }

    /// <summary>Block RAM tiles (36 Kb) as printed; may be fractional.</summary>
    public required double BlockRamTiles { get; init; }

    /// <summary>All rows of the logic, memory and DSP tables, for numbers the summary does not carry.</summary>
    public required IReadOnlyList<UtilizationRow> Rows { get; init; }

    /// <summary>The row of that site type in the logic, memory or DSP tables (trailing <c>*</c> ignored), e.g.
    /// <c>RAMB36/FIFO</c>, <c>RAMB18</c>, <c>URAM</c>, <c>LUT as Memory</c>; null when absent.</summary>
    public UtilizationRow? Find(string siteType) =>
        Rows.FirstOrDefault(r => string.Equals(r.SiteType.TrimEnd('*'), siteType.TrimEnd('*'), StringComparison.Ordinal));

    public static VivadoUtilizationReport Load(string path) => Parse(ReportText.Load(path, Kind));

    public static VivadoUtilizationReport Parse(ReportText report)
    {
        var header = VivadoReportHeader.Read(report);
        var tool = header.RequiredTool(report, Missing, Kind);
        var device = header.Required(report, "Device", Missing, Kind);

        var ultraScale = FindSection(report, "CLB Logic") >= 0;
        var logic = ReadSection(report, ultraScale ? "CLB Logic" : "Slice Logic");
        var memory = ReadSection(report, ultraScale ? "BLOCKRAM" : "Memory");
        var dsp = ReadSection(report, ultraScale ? "ARITHMETIC" : "DSP");
        var rows = logic.Rows.Concat(memory.Rows).Concat(dsp.Rows).ToList();

        var prefix = ultraScale ? "CLB" : "Slice";
        var lut = RequiredRow(report, logic, $"{prefix} LUTs");
        var registers = RequiredRow(report, logic, $"{prefix} Registers");
        var tiles = RequiredRow(report, memory, "Block RAM Tile");
        var dsps = RequiredRow(report, dsp, "DSPs");
        var uram = memory.Rows.FirstOrDefault(r => r.SiteType == "URAM");

        return new VivadoUtilizationReport
        {
            Source = report.Source,
            Tool = tool,
            Device = device,
            Design = header["Design"],
            DesignState = header["Design State"],
            IsUltraScale = ultraScale,
            HasProhibitedColumn = logic.HasProhibited,
            Used = new ResourceCounts(Whole(lut.Used), Whole(registers.Used), Bram18K(tiles.Used), Whole(dsps.Used), Whole(uram?.Used)),
            Available = new ResourceCounts(Whole(lut.Available), Whole(registers.Available), Bram18K(tiles.Available), Whole(dsps.Available), Whole(uram?.Available)),
            BlockRamTiles = tiles.Used ?? 0,
            Rows = rows,
        };
    }

    private static long? Whole(double? value) => value is { } v ? (long)Math.Round(v) : null;

    // A Block RAM Tile is one RAMB36 = two RAMB18, the unit HLS reports as BRAM_18K.
    private static long? Bram18K(double? tiles) => tiles is { } t ? (long)Math.Round(2 * t) : null;

    private static UtilizationRow RequiredRow(ReportText report, Section section, string siteType)
    {
        // Synthesized reports star estimated rows ("Slice LUTs*").
        return section.Rows.FirstOrDefault(r => r.SiteType.TrimEnd('*') == siteType)
            ?? throw report.Error(Missing, $"{Kind}: section '{section.Title}' has no '{siteType}' row.", section.HeaderIndex);
    }

    private sealed record Section(string Title, int HeaderIndex, bool HasProhibited, IReadOnlyList<UtilizationRow> Rows);

    /// <summary>Index of the heading line "N. Title" that is underlined with dashes (the table of contents is not).</summary>
    private static int FindSection(ReportText report, string title)
    {
        for (var i = 0; i + 1 < report.Lines.Count; i++)
        {
            var match = SectionHeading().Match(report.Lines[i]);
            if (match.Success && match.Groups["title"].Value == title && IsUnderline(report.Lines[i + 1]))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsUnderline(string line) => line.Length > 0 && line.All(c => c == '-');

    private static Section ReadSection(ReportText report, string title)
    {
        var heading = FindSection(report, title);
        if (heading < 0)
        {
            throw report.Error(Missing, $"{Kind}: no section '{title}'; expected the 'N. {title}' table report_utilization writes (the report may be truncated).");
        }

        var headerIndex = -1;
        for (var i = heading + 2; i < report.Lines.Count; i++)
        {
            if (AsciiTable.IsRow(report.Lines[i]))
            {
                headerIndex = i;
                break;
            }

            if (SectionHeading().IsMatch(report.Lines[i]))
            {
                break;
            }
        }

        if (headerIndex < 0)
        {
            throw report.Error(Missing, $"{Kind}: section '{title}' has no table; the report is truncated or altered.", heading);
        }

        var what = $"{Kind}, section '{title}'";
        var table = AsciiTable.Read(report, headerIndex, Missing, what);
        var siteColumn = table.Column(report, "Site Type", Missing, what);
        var used = table.Column(report, "Used", Missing, what);
        var fix = table.Column(report, "Fixed", Missing, what);
        var available = table.Column(report, "Available", Missing, what);
        var util = table.Column(report, "Util%", Missing, what);
        var prohibited = table.Header.Contains("Prohibited") ? table.Column(report, "Prohibited", Missing, what) : -1;

        var rows = table.Rows.Select(r => new UtilizationRow(
            title,
            r.Cells[siteColumn],
            Number(report, r, used, "Used", what),
            Number(report, r, fix, "Fixed", what),
            prohibited >= 0 ? Number(report, r, prohibited, "Prohibited", what) : null,
            Number(report, r, available, "Available", what),
            Number(report, r, util, "Util%", what))).ToList();
        return new Section(title, headerIndex, prohibited >= 0, rows);
    }

    private static double? Number(ReportText report, AsciiTableRow row, int column, string name, string what)
    {
        var text = row.Cells[column];
        if (text.Length == 0)
        {
            return null;
        }

        // "<0.01" is Vivado's way of saying "rounds to zero"; keep the bound.
        var numeric = text.StartsWith('<') ? text[1..] : text;
        return ReportNumber.TryParseReal(numeric, out var value) && value >= 0
            ? value
            : throw report.Error(DiagnosticCatalog.UtilizationBadValue, $"{what}: '{name}' of '{row.Cells[0]}' is '{text}'; expected a non-negative number.", row.LineIndex);
    }

    [GeneratedRegex(@"^\d+(?:\.\d+)*\.?\s+(?<title>\S.*?)\s*$")]
    private static partial Regex SectionHeading();
}
