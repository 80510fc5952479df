using System.Text.RegularExpressions;
using Xai.Diagnostics;

namespace Xai.Amd.Reports;

/// <summary>
/// The tool messages of an HLS log (<c>vitis_hls.log</c>, <c>vivado_hls.log</c>,
/// <c>csim/report/&lt;top&gt;_csim.log</c>). Exit status alone does not prove a step worked, so the
/// errors found here are carried into the hardware report.
/// </summary>
public sealed partial class HlsLogReport
{
    private const string Kind = "HLS log";

    public required string Source { get; init; }

    public required IReadOnlyList<ToolMessage> Messages { get; init; }

    public IEnumerable<ToolMessage> Errors => Messages.Where(m => m.Severity == ToolMessageSeverity.Error);

    public static HlsLogReport Load(string path) => Parse(ReportText.Load(path, Kind));

    public static HlsLogReport Parse(ReportText report)
    {
        var messages = new List<ToolMessage>();
        for (var i = 0; i < report.Lines.Count; i++)
        {
            var match = MessageLine().Match(report.Lines[i]);
            if (!match.Success)
            {
                continue;
            }

            var severity = match.Groups["severity"].Value switch
            {
                "INFO" => ToolMessageSeverity.Info,
                "WARNING" => ToolMessageSeverity.Warning,
                "CRITICAL WARNING" => ToolMessageSeverity.CriticalWarning,
                _ => ToolMessageSeverity.Error,
            };
            messages.Add(new ToolMessage(severity, match.Groups["subsystem"].Value, match.Groups["id"].Value, match.Groups["text"].Value.Trim(), i + 1));
        }

        if (messages.Count == 0)
        {
            throw report.Error(DiagnosticCatalog.LogHasNoMessages, $"{Kind}: no tool message lines; expected lines like 'INFO: [HLS 200-10] …'.");
        }

        return new HlsLogReport { Source = report.Source, Messages = messages };
    }

    [GeneratedRegex(@"^(?<severity>INFO|WARNING|CRITICAL WARNING|ERROR|ERR): \[(?<subsystem>[A-Za-z_]+) (?<id>\d+(?:-\d+)?)\]\s?(?<text>.*)$")]
    private static partial Regex MessageLine();
}
