using Xai.Diagnostics;

namespace Xai.Amd.Toolchain;

/// <summary>
/// Whether a vendor tool run succeeded. Exit code 0 is not trusted: AMD tools have been seen to
/// exit 0 after a failed step (tapasco #146: "Properly catch HLS Crashes even if Return Code is 0"),
/// and Vivado exits 0 when a launched run fails (edalize #121). A run succeeded only if it exited 0,
/// its log exists and holds no error line, and every expected output exists.
/// </summary>
/// <param name="Succeeded">The run can be trusted.</param>
/// <param name="Diagnostics">Why not (XAI5580-XAI5583), then every vendor warning and error from the log.</param>
/// <param name="Messages">Vendor messages (warnings and above) read from the log.</param>
public sealed record ToolRunVerdict(bool Succeeded, IReadOnlyList<XaiDiagnostic> Diagnostics, IReadOnlyList<VendorMessage> Messages)
{
    /// <param name="description">What ran, for messages ("C synthesis").</param>
    /// <param name="exitCode">The process exit code.</param>
    /// <param name="logFile">The log to scan; must exist.</param>
    /// <param name="expectedOutputs">Files the run must have produced.</param>
    public static ToolRunVerdict Judge(string description, int exitCode, string logFile, IEnumerable<string> expectedOutputs)
    {
        if (!File.Exists(logFile))
        {
            var missingLog = XaiDiagnostic.Error(DiagnosticCatalog.RunLogMissing,
                $"{description}: the log '{logFile}' was not written, so the run cannot be checked.", logFile);
            var rest = Judge(description, exitCode, [], logFile, expectedOutputs);
            return new ToolRunVerdict(false, [missingLog, .. rest.Diagnostics], rest.Messages);
        }

        string[] lines;
        try
        {
            lines = File.ReadAllLines(logFile);
        }
        catch (IOException e)
        {
            return new ToolRunVerdict(false,
                [XaiDiagnostic.Error(DiagnosticCatalog.RunLogMissing, $"{description}: the log '{logFile}' cannot be read: {e.Message}", logFile)], []);
        }

        return Judge(description, exitCode, lines, logFile, expectedOutputs);
    }

    /// <summary>Judges a run whose output was captured as <paramref name="logLines"/>.</summary>
    public static ToolRunVerdict Judge(string description, int exitCode, IEnumerable<string> logLines, string? logName, IEnumerable<string> expectedOutputs)
    {
        var messages = VendorLogScanner.Scan(logLines, logName);
        var diagnostics = new List<XaiDiagnostic>();

        if (exitCode != 0)
        {
            diagnostics.Add(XaiDiagnostic.Error(DiagnosticCatalog.RunExitCode, $"{description} exited with code {exitCode}.", logName));
        }

        var errors = messages.Where(m => m.Severity == VendorSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            var first = errors[0];
            diagnostics.Add(XaiDiagnostic.Error(DiagnosticCatalog.RunLogErrors,
                $"{description}: the log holds {errors.Count} error line(s){(exitCode == 0 ? " although the tool exited with 0" : "")}; first: {(first.VendorCode is null ? "" : $"[{first.VendorCode}] ")}{first.Text}",
                logName, first.LogLine));
        }

        foreach (var output in expectedOutputs)
        {
            if (!File.Exists(output))
            {
                diagnostics.Add(XaiDiagnostic.Error(DiagnosticCatalog.RunOutputMissing,
                    $"{description} did not produce '{output}'{(exitCode == 0 && errors.Count == 0 ? " although it reported success" : "")}.", output));
            }
        }

        var succeeded = diagnostics.Count == 0;
        diagnostics.AddRange(messages.Select(m => m.ToDiagnostic()).OfType<XaiDiagnostic>());
        return new ToolRunVerdict(succeeded, diagnostics, messages);
    }
}
