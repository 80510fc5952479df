using Xai.Amd.Toolchain;
using Xai.Diagnostics;

namespace Xai.Stages;

/// <summary>
/// One vendor tool run: started by the executor (<see cref="ToolExecutor.Local"/>: <see cref="ToolProcess"/>,
/// or a Slurm job; lines streamed as they come), then
/// judged by <see cref="ToolRunVerdict"/> on its log (the tool's own log file when it writes one,
/// else what it printed) and its expected outputs. Only the verdict's own findings are returned
/// (XAI5580-XAI5583) and the executor's (why a job ended): the log's messages were already streamed line by line.
/// </summary>
public static class VendorRun
{
    public sealed record Result(bool Succeeded, IReadOnlyList<XaiDiagnostic> Diagnostics);

    public static Result Execute(ToolInvocation invocation, Action<string> onLine, CancellationToken cancel, ToolExecutor? executor = null)
    {
        var (run, findings) = (executor ?? ToolExecutor.Local).Run(invocation, onLine, cancel);
        return Judge(invocation, run, findings);
    }

    /// <summary>The verdict on a run that has ended (here, or as a job awaited elsewhere), with the executor's <paramref name="findings"/>.</summary>
    public static Result Judge(ToolInvocation invocation, ToolProcess.Result run, IReadOnlyList<XaiDiagnostic> findings)
    {
        if (findings.Count > 0 && (run.StartError is not null || run.Cancelled))
        {
            return new Result(false, findings);
        }

        if (run.StartError is not null)
        {
            return new Result(false, [XaiDiagnostic.Error(DiagnosticCatalog.ToolStartFailed, $"{invocation.Description}: '{invocation.Executable}' could not be started: {run.StartError}", invocation.Executable)]);
        }

        if (run.Cancelled)
        {
            return new Result(false, [XaiDiagnostic.Error(DiagnosticCatalog.ToolCancelled, $"{invocation.Description} was stopped: the build was cancelled.", invocation.Executable)]);
        }

        var verdict = invocation.LogFile is { } log
            ? ToolRunVerdict.Judge(invocation.Description, run.ExitCode, log, invocation.ExpectedOutputs)
            : ToolRunVerdict.Judge(invocation.Description, run.ExitCode, run.Lines, null, invocation.ExpectedOutputs);
        var own = new HashSet<string>
        {
            DiagnosticCatalog.RunExitCode, DiagnosticCatalog.RunLogErrors, DiagnosticCatalog.RunOutputMissing, DiagnosticCatalog.RunLogMissing,
        };
        return new Result(verdict.Succeeded && findings.Count == 0, [.. findings, .. verdict.Diagnostics.Where(d => own.Contains(d.Code))]);
    }
}
