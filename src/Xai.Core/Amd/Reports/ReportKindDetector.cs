using System.Text.RegularExpressions;

namespace Xai.Amd.Reports;

/// <summary>
/// Tells which report a file is from its content (names vary across tool versions and users rename
/// files: one real utilization report in the fixtures ends in <c>.v</c>).
/// </summary>
public static partial class ReportKindDetector
{
    /// <summary>The kind, or null when the text is none of the reports the SDK reads.</summary>
    public static ReportKind? Detect(ReportText report)
    {
        var text = report.Text;
        if (text.TrimStart().StartsWith('<'))
        {
            if (text.Contains("<AreaReport>", StringComparison.Ordinal) || text.Contains("<TimingReport>", StringComparison.Ordinal))
            {
                return ReportKind.HlsExportXml;
            }

            return text.Contains("<ReportVersion>", StringComparison.Ordinal) || text.Contains("<UserAssignments>", StringComparison.Ordinal)
                ? ReportKind.CsynthXml
                : null;
        }

        if (VivadoCommand("report_timing_summary").IsMatch(text) || report.FindLine(l => l.StartsWith("| Design Timing Summary", StringComparison.Ordinal)) >= 0)
        {
            return ReportKind.VivadoTimingSummary;
        }

        if (VivadoCommand("report_utilization").IsMatch(text) || report.FindLine(l => l == "Utilization Design Information") >= 0)
        {
            return ReportKind.VivadoUtilization;
        }

        if (CsynthTitle().IsMatch(text))
        {
            return ReportKind.CsynthText;
        }

        if (text.Contains("Implementation tool:", StringComparison.Ordinal)
            || text.Contains("Post-Implementation Resource usage", StringComparison.Ordinal)
            || text.Contains("== Vivado RTL Synthesis Results", StringComparison.Ordinal)
            || text.Contains("== Place & Route", StringComparison.Ordinal))
        {
            return ReportKind.HlsExportText;
        }

        if (report.FindLine(l => l.StartsWith('+') && l.Contains("RTL") && l.Contains("Status")) >= 0)
        {
            return ReportKind.Cosim;
        }

        return LogMessage().IsMatch(text) ? ReportKind.HlsLog : null;
    }

    // "| Command      : report_utilization -file …" in the Vivado header block.
    private static Regex VivadoCommand(string command) =>
        new($@"^\|\s*Command\s*:\s*{command}\b", RegexOptions.Multiline | RegexOptions.CultureInvariant);

    // The unified flow's "Synthesis Summary Report" is recognised so that the text parser can say it is not read.
    [GeneratedRegex(@"^== (?:(?:Vivado|Vitis) HLS Report for|Synthesis Summary Report of) '", RegexOptions.Multiline)]
    private static partial Regex CsynthTitle();

    [GeneratedRegex(@"^(?:INFO|WARNING|CRITICAL WARNING|ERROR|ERR): \[[A-Za-z_]+ \d", RegexOptions.Multiline)]
    private static partial Regex LogMessage();
}
