namespace Xai.Amd.Reports;

/// <summary>
/// A <c>+----+</c>/<c>| a | b |</c> table as Vivado and HLS print them. Reading stops at the border that
/// closes the table; a file that ends before that border is reported as truncated, because the rows
/// read so far may not be all of them.
/// </summary>
internal sealed class AsciiTable
{
    private AsciiTable(IReadOnlyList<string> header, IReadOnlyList<AsciiTableRow> rows)
    {
        Header = header;
        Rows = rows;
    }

    /// <summary>Cells of the last header row (the one just above the first data row border).</summary>
    public IReadOnlyList<string> Header { get; }

    public IReadOnlyList<AsciiTableRow> Rows { get; }

    public static bool IsBorder(string line)
    {
        var t = line.Trim();
        return t.Length > 1 && t[0] == '+' && t.All(c => c is '+' or '-' or '=');
    }

    public static bool IsRow(string line) => line.TrimStart().StartsWith('|');

    /// <summary>Cells between the outer bars, trimmed.</summary>
    public static string[] Cells(string line)
    {
        var t = line.Trim();
        var parts = t.Split('|');
        // "|a|b|" splits into "", "a", "b", "": drop the outer empties.
        var end = t.EndsWith('|') ? parts.Length - 1 : parts.Length;
        return parts[1..Math.Max(end, 1)].Select(c => c.Trim()).ToArray();
    }

    /// <summary>
    /// Reads the table whose (last) header row is at <paramref name="headerIndex"/>: header, border,
    /// then rows and inner borders up to the border that is followed by something other than a row.
    /// </summary>
    public static AsciiTable Read(ReportText report, int headerIndex, string code, string what)
    {
        var header = Cells(report.Lines[headerIndex]);
        var i = headerIndex + 1;
        if (i >= report.Lines.Count || !IsBorder(report.Lines[i]))
        {
            throw report.Error(code, $"{what}: expected a +---+ border below the header; the report is truncated or altered.", Math.Min(i, report.Lines.Count - 1));
        }

        var rows = new List<AsciiTableRow>();
        for (i++; i < report.Lines.Count; i++)
        {
            var line = report.Lines[i];
            if (IsRow(line))
            {
                var cells = Cells(line);
                if (cells.Length != header.Length)
                {
                    throw report.Error(code, $"{what}: row has {cells.Length} cells, the header has {header.Length}; the report is truncated or altered.", i);
                }

                rows.Add(new AsciiTableRow(i, cells));
            }
            else if (IsBorder(line))
            {
                if (i + 1 >= report.Lines.Count || !(IsRow(report.Lines[i + 1]) || IsBorder(report.Lines[i + 1])))
                {
                    return new AsciiTable(header, rows);
                }
            }
            else
            {
                throw report.Error(code, $"{what}: expected a table row or border, found '{Shorten(line)}'.", i);
            }
        }

        throw report.Error(code, $"{what}: the table has no closing +---+ border; the report is truncated.", report.Lines.Count - 1);
    }

    public int Column(ReportText report, string name, string code, string what)
    {
        for (var c = 0; c < Header.Count; c++)
        {
            if (string.Equals(Header[c], name, StringComparison.OrdinalIgnoreCase))
            {
                return c;
            }
        }

        throw report.Error(code, $"{what}: no '{name}' column; found {string.Join(", ", Header.Select(h => $"'{h}'"))}.");
    }

    internal static string Shorten(string line) => line.Length <= 60 ? line.Trim() : line.Trim()[..Math.Min(60, line.Trim().Length)] + "…";
}

/// <summary>One data row and the 0-based line it came from.</summary>
internal sealed record AsciiTableRow(int LineIndex, IReadOnlyList<string> Cells);
