using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Xai.Amd.Reports;
using Xai.Diagnostics;
using Xai.IO;

namespace Xai.Stages;

/// <summary>
/// After a vendor stage ran: reads its reports with <see cref="HardwareReportCollector"/> and saves
/// the normalized <see cref="HardwareReport"/> of one top as <see cref="VendorLayout.HardwareReport"/>,
/// with the stage and tools that produced it. A report for another top function or part (a stale or
/// foreign file in the project) is kept but flagged, never presented as this design's figures.
/// </summary>
public static class HardwareCollection
{
    /// <returns>Warnings: XAI5640 when the reports cannot be read, XAI5641 when they are not this design's.</returns>
    public static IReadOnlyList<XaiDiagnostic> Save(VendorLayout vendor, string topFunction, string part, IReadOnlyList<string> directories, VendorStage stage, string producedBy)
    {
        var diagnostics = new List<XaiDiagnostic>();
        var record = new JObject
        {
            ["top"] = topFunction,
            ["stage"] = stage.ToString(),
            ["producedBy"] = producedBy,
            ["collectedFrom"] = new JArray(directories),
        };
        try
        {
            var report = HardwareReportCollector.CollectDirectories(directories);
            var mismatches = new List<string>();
            if (report.TopModule is { } reportedTop && !string.Equals(reportedTop, topFunction, StringComparison.Ordinal))
            {
                mismatches.Add($"top function '{reportedTop}' instead of '{topFunction}'");
            }

            if (report.Part is { } reportedPart && Normalize(reportedPart) != Normalize(part) && !Normalize(part).Contains(Normalize(reportedPart), StringComparison.Ordinal))
            {
                mismatches.Add($"part '{reportedPart}' instead of '{part}'");
            }

            record["matchesDesign"] = mismatches.Count == 0;
            if (mismatches.Count > 0)
            {
                var files = string.Join(", ", report.Files.Select(f => f.Path));
                record["mismatch"] = string.Join("; ", mismatches);
                diagnostics.Add(XaiDiagnostic.Warning(DiagnosticCatalog.ReportForAnotherDesign,
                    $"The {stage} reports ({files}) are for {string.Join(" and ", mismatches)}: they describe another design, so report.json marks their figures as not this design's (matchesDesign=false).",
                    report.Files.FirstOrDefault()?.Path));
            }

            record["report"] = report.ToJObject();
        }
        catch (XaiException e)
        {
            record["matchesDesign"] = false;
            record["error"] = $"{e.Diagnostic.Code}: {e.Diagnostic.Message}";
            diagnostics.Add(XaiDiagnostic.Warning(DiagnosticCatalog.HardwareReportUnreadable,
                $"The {stage} reports of {topFunction} could not be read ({e.Diagnostic.Code}: {e.Diagnostic.Message}); report.json has no hardware figures for it.",
                e.Diagnostic.File));
        }

        Directory.CreateDirectory(vendor.Directory);
        AtomicFile.WriteAllText(vendor.HardwareReport(topFunction), record.ToString(Formatting.Indented));
        return diagnostics;
    }

    // csynth.xml writes xc7z020-clg400-1 where the board says xc7z020clg400-1; Vivado reports write 7z020clg400-1.
    private static string Normalize(string part) => part.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();
}
