using System.Management.Automation;
using Xai.Diagnostics;

namespace Xai.PowerShell;

/// <summary>
/// What every Xai cmdlet shares: Ctrl-C cancels the core's work through a token (StopProcessing runs on
/// another thread), and errors become coded ErrorRecords.
/// </summary>
public abstract class XaiCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();

    protected CancellationToken Cancellation => _stopping.Token;

    protected override void StopProcessing() => _stopping.Cancel();

    /// <summary>Per-item failure: the pipeline goes on with the next item.</summary>
    protected void WriteXaiError(Exception exception, object? target) => WriteError(XaiErrorRecord.From(exception, target));

    /// <summary>Failure that makes the whole command pointless.</summary>
    protected void ThrowXaiError(Exception exception, object? target) => ThrowTerminatingError(XaiErrorRecord.From(exception, target));

    /// <summary>Whether the failure is one to report as a coded error (not a PowerShell pipeline stop).</summary>
    protected static bool IsReportable(Exception e) => e is not (PipelineStoppedException or PipelineClosedException);

    /// <summary>A path argument as file-system paths: wildcards expanded (none matching is XAI7002), relative paths made absolute.</summary>
    protected IReadOnlyList<string> ResolvePaths(string path)
    {
        if (!WildcardPattern.ContainsWildcardCharacters(path))
        {
            return [GetUnresolvedProviderPathFromPSPath(path)];
        }

        try
        {
            return GetResolvedProviderPathFromPSPath(path, out _);
        }
        catch (ItemNotFoundException)
        {
            throw new XaiCmdletException(DiagnosticCatalog.PathNotFound, $"Nothing matches '{path}'.", ErrorCategory.ObjectNotFound, path);
        }
    }

    public void Dispose()
    {
        _stopping.Dispose();
        GC.SuppressFinalize(this);
    }
}
