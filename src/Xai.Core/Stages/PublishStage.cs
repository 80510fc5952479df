using Xai.Diagnostics;
using Xai.IO;

namespace Xai.Stages;

/// <summary>
/// Stage "Publish", the last of a build: makes the results the stages assembled under
/// <c>obj/.../xai/results/</c> (plan.json, relevance/, heatmaps/, board/, report.json, report.html, explore.csv after -t:Explore) the
/// visible contents of the output directory, all at once (<see cref="PublishedDirectory"/>).
/// Everything is copied, so the output directory may be on another file system than obj/.
/// </summary>
public static class PublishStage
{
    public static readonly IReadOnlyList<string> Entries = ["plan.json", "relevance", "heatmaps", "board", "report.json", "report.html", "explore.csv"];

    public static PublishedDirectory Target(BuildLayout layout) => new(layout.OutputDirectory, Entries);

    /// <returns>Warnings: files or folders of someone else's found in the way and moved aside.</returns>
    public static IReadOnlyList<XaiDiagnostic> Run(BuildLayout layout, CancellationToken cancel)
    {
        var target = Target(layout);
        try
        {
            return target.Publish(layout.ResultsDirectory, cancel)
                .Select(d => XaiDiagnostic.Warning(
                    DiagnosticCatalog.EntryDisplaced,
                    $"'{d.Entry}' was not written by Xai.Sdk and stood where the build's '{Path.GetFileName(d.Entry)}' goes; it was moved to '{d.MovedTo}' (nothing was deleted).",
                    d.MovedTo))
                .ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryRemoveLeftovers(target);
            throw OutputError(target.Root, e);
        }
    }

    /// <summary>`dotnet clean`: removes the published set from <paramref name="outputDirectory"/> (<see cref="PublishedDirectory.Remove"/>).</summary>
    public static void Unpublish(string outputDirectory)
    {
        var target = new PublishedDirectory(outputDirectory, Entries);
        try
        {
            target.Remove();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw OutputError(target.Root, e);
        }
    }

    /// <summary>The coded error for a failure to write results into <paramref name="directory"/>.</summary>
    public static XaiException OutputError(string directory, Exception e) =>
        IsDiskFull(e)
            ? new XaiException(DiagnosticCatalog.OutputFull, $"The disk holding the output directory (XaiOutputDir) is full; the previous results are unchanged. Free space or set XaiOutputDir elsewhere. ({e.Message})", directory, inner: e)
            : new XaiException(DiagnosticCatalog.OutputNotWritable, $"The output directory (XaiOutputDir) cannot be written; the previous results are unchanged. It must be a writable folder. ({e.Message})", directory, inner: e);

    /// <summary>errno ENOSPC, which .NET reports as the IOException's HResult on Unix.</summary>
    private static bool IsDiskFull(Exception e) =>
        e.HResult == 28 || e.Message.Contains("No space left on device", StringComparison.OrdinalIgnoreCase) || e.HResult == unchecked((int)0x80070070);

    private static void TryRemoveLeftovers(PublishedDirectory target)
    {
        try
        {
            target.RemoveLeftovers();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The next publish retries; the visible set is unchanged either way.
        }
    }
}
