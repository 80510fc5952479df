namespace Xai.Amd.Reports;

/// <summary>
/// The <c>| Key : value</c> block at the top of every Vivado text report (Tool Version, Design, Device,
/// Design State…). Only the lines before the first blank line after the banner are read.
/// </summary>
internal sealed class VivadoReportHeader
{
    private readonly Dictionary<string, (string Value, int LineIndex)> fields = new(StringComparer.OrdinalIgnoreCase);

    public static VivadoReportHeader Read(ReportText report)
    {
        var header = new VivadoReportHeader();
        // The block is within the first few lines; bound the scan so a headerless file fails fast.
        for (var i = 0; i < Math.Min(report.Lines.Count, 30); i++)
        {
            var line = report.Lines[i];
            if (!line.StartsWith('|'))
            {
                continue;
            }

            var colon = line.IndexOf(':');
            if (colon < 0)
            {
                continue;
            }

            var key = line[1..colon].Trim();
            if (key.Length > 0 && !header.fields.ContainsKey(key))
            {
                header.fields[key] = (line[(colon + 1)..].Trim(), i);
            }
        }

        return header;
    }

    public string? this[string key] => fields.TryGetValue(key, out var f) && f.Value.Length > 0 ? f.Value : null;

    public string Required(ReportText report, string key, string code, string kind) =>
        this[key] ?? throw report.Error(code, $"{kind} header has no '| {key} : …' line; expected the header block Vivado writes at the top of the report.");

    public ToolRelease RequiredTool(ReportText report, string code, string kind)
    {
        var banner = Required(report, "Tool Version", code, kind);
        return ToolRelease.FromBanner(banner)
            ?? throw report.Error(code, $"{kind} header 'Tool Version' is '{AsciiTable.Shorten(banner)}'; expected e.g. 'Vivado v.2023.2 (lin64) Build …'.", fields["Tool Version"].LineIndex);
    }
}
