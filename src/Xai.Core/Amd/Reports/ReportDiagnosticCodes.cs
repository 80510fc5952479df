namespace Xai.Amd.Reports;

/// <summary>
/// Stable diagnostic codes for reading vendor reports (range XAI5100–XAI5499). Codes are grouped by
/// report kind so a user can tell from the code alone which file type was at fault.
/// </summary>
public static class ReportDiagnosticCodes
{
    // 5100–5109: the file itself, before any format is involved.
    /// <summary>The path does not exist.</summary>
    public const string FileNotFound = "XAI5100";
    /// <summary>The file is empty or holds only white space.</summary>
    public const string EmptyFile = "XAI5101";
    /// <summary>The file holds binary data (NUL or other control bytes), not report text.</summary>
    public const string BinaryFile = "XAI5102";
    /// <summary>The file exists but could not be read (permissions, I/O error).</summary>
    public const string UnreadableFile = "XAI5103";

    // 5110–5119: csynth.xml.
    /// <summary>csynth.xml is not well-formed XML (often: truncated).</summary>
    public const string CsynthXmlMalformed = "XAI5110";
    /// <summary>csynth.xml lacks an element the parser needs.</summary>
    public const string CsynthMissingElement = "XAI5111";
    /// <summary>A csynth.xml element holds a value that is not a number (or <c>undef</c> where allowed).</summary>
    public const string CsynthBadValue = "XAI5112";
    /// <summary>Warning: a value of one module under <c>ModuleInformation</c> could not be read and was left unknown.</summary>
    public const string CsynthModuleValueUnread = "XAI5113";

    // 5120–5129: text csynth report (csynth.rpt / &lt;top&gt;_csynth.rpt).
    /// <summary>The text csynth report lacks a section or table row the parser needs.</summary>
    public const string CsynthTextMissing = "XAI5120";
    /// <summary>A text csynth report cell is not a number, <c>?</c> or <c>-</c>.</summary>
    public const string CsynthTextBadValue = "XAI5121";

    // 5130–5139: co-simulation report.
    /// <summary>The cosim report has no complete RTL/Status table.</summary>
    public const string CosimTableMissing = "XAI5130";
    /// <summary>A cosim table row has the wrong number of cells or a bad value.</summary>
    public const string CosimBadRow = "XAI5131";

    // 5140–5149: Vivado report_utilization.
    /// <summary>The utilization report lacks its header, a section, a table row or a column.</summary>
    public const string UtilizationMissing = "XAI5140";
    /// <summary>A utilization table cell is not a number.</summary>
    public const string UtilizationBadValue = "XAI5141";

    // 5150–5159: Vivado report_timing_summary.
    /// <summary>The timing summary lacks the Design Timing Summary table.</summary>
    public const string TimingSummaryMissing = "XAI5150";
    /// <summary>A Design Timing Summary value is not a number or NA.</summary>
    public const string TimingSummaryBadValue = "XAI5151";

    // 5160–5169: HLS export / implementation reports.
    /// <summary>The export report lacks a field the parser needs.</summary>
    public const string ExportMissing = "XAI5160";
    /// <summary>An export report field is not a number.</summary>
    public const string ExportBadValue = "XAI5161";
    /// <summary>The export .xml is not well-formed XML.</summary>
    public const string ExportXmlMalformed = "XAI5162";

    // 5170–5179: HLS tool logs.
    /// <summary>The file has no tool message lines (<c>INFO: [...]</c>, <c>ERROR: [...]</c>).</summary>
    public const string LogHasNoMessages = "XAI5170";

    // 5180–5199: finding and merging reports.
    /// <summary>The file is none of the report kinds this SDK reads.</summary>
    public const string UnknownReportKind = "XAI5180";
    /// <summary>The build directory holds no report this SDK reads.</summary>
    public const string NoReportsFound = "XAI5181";
    /// <summary>The build directory holds reports of several solutions or designs; pass one of them.</summary>
    public const string AmbiguousReports = "XAI5182";
    /// <summary>A bug: something other than a coded error escaped while reading a report.</summary>
    public const string InternalError = "XAI5199";

    // 5200–5219: limits on what is read at all.
    /// <summary>The path is a FIFO, device, socket or other special file, not a regular file.</summary>
    public const string NotRegularFile = "XAI5200";
    /// <summary>The file is larger than <see cref="ReportText.MaxBytes"/>.</summary>
    public const string FileTooLarge = "XAI5201";
    /// <summary>An XML report declares a DTD (<c>&lt;!DOCTYPE</c>), which is refused: entities could expand or reach outside files.</summary>
    public const string XmlDocumentTypeRefused = "XAI5202";
}
