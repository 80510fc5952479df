using Xai.Amd.Reports;
using Xai.Diagnostics;
using Xai.IO;
using Xai.Reporting;
using Xai.Reporting.Model;

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
        HardwareTopRecord record;
        try
        {
            var report = HardwareReportCollector.CollectDirectories(directories);
            diagnostics.AddRange(report.Warnings);
            var mismatches = new List<string>();
            if (report.TopModule is { } reportedTop && !string.Equals(reportedTop, topFunction, StringComparison.Ordinal))
            {
                mismatches.Add($"top function '{reportedTop}' instead of '{topFunction}'");
            }

            if (report.Part is { } reportedPart && Normalize(reportedPart) != Normalize(part) && !Normalize(part).Contains(Normalize(reportedPart), StringComparison.Ordinal))
            {
                mismatches.Add($"part '{reportedPart}' instead of '{part}'");
            }

            if (mismatches.Count > 0)
            {
                var files = string.Join(", ", report.Files.Select(f => f.Path));
                diagnostics.Add(XaiDiagnostic.Warning(DiagnosticCatalog.ReportForAnotherDesign,
                    $"The {stage} reports ({files}) are for {string.Join(" and ", mismatches)}: they describe another design, so report.json marks their figures as not this design's (matchesDesign=false).",
                    report.Files.FirstOrDefault()?.Path));
            }

            record = Record(topFunction, directories, stage, producedBy) with
            {
                MatchesDesign = mismatches.Count == 0,
                Mismatch = mismatches.Count == 0 ? null : string.Join("; ", mismatches),
                Report = report,
            };
        }
        catch (XaiException e)
        {
            record = Record(topFunction, directories, stage, producedBy) with { MatchesDesign = false, Error = $"{e.Diagnostic.Code}: {e.Diagnostic.Message}" };
            diagnostics.Add(XaiDiagnostic.Warning(DiagnosticCatalog.HardwareReportUnreadable,
                $"The {stage} reports of {topFunction} could not be read ({e.Diagnostic.Code}: {e.Diagnostic.Message}); report.json has no hardware figures for it.",
                e.Diagnostic.File));
        }

        Directory.CreateDirectory(vendor.Directory);
        AtomicFile.WriteAllText(vendor.HardwareReport(topFunction), ReportJson.Serialize(record));
        return diagnostics;
    }

    /// <summary>The record <see cref="Save"/> wrote for <paramref name="topFunction"/>.</summary>
    /// <exception cref="XaiException">XAI3504 when it does not fit (written by another SDK version: rebuild).</exception>
    public static HardwareTopRecord Load(VendorLayout vendor, string topFunction) =>
        ReportJson.Read<HardwareTopRecord>(vendor.HardwareReport(topFunction), DiagnosticCatalog.StageFileUnreadable, $"The hardware record of {topFunction} (hardware.{topFunction}.json)");

    private static HardwareTopRecord Record(string topFunction, IReadOnlyList<string> directories, VendorStage stage, string producedBy) => new()
    {
        Top = topFunction,
        Stage = stage.ToString(),
        ProducedBy = producedBy,
        CollectedFrom = [.. directories],
        MatchesDesign = false,
    };

    // csynth.xml writes xc7z020-clg400-1 where the board says xc7z020clg400-1; Vivado reports write 7z020clg400-1.
    private static string Normalize(string part) => part.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();
}
