using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Xai.Diagnostics;
using Xai.Stages;

namespace Xai.Sdk.Tasks;

/// <summary>
/// Base of every Xai task: runs the core and turns its coded diagnostics into MSBuild errors and
/// warnings. An <see cref="XaiException"/> is a user-facing error, never a stack trace; so is a
/// cancelled build (Ctrl-C, an IDE's stop: one line, XAI3400) and a file the stage cannot write
/// (XAI3405). Cancellation reaches the running tool through <see cref="Cancellation"/>.
/// </summary>
public abstract class XaiTask : Microsoft.Build.Utilities.Task, ICancelableTask
{
    private readonly CancellationTokenSource _cancel = new();

    protected CancellationToken Cancellation => _cancel.Token;

    /// <summary>
    /// Called by MSBuild on Ctrl-C. The one line is logged here: once MSBuild has cancelled a task it
    /// drops what the task logs afterwards.
    /// </summary>
    public void Cancel()
    {
        if (!_cancel.IsCancellationRequested)
        {
            Log.LogError(null, DiagnosticCatalog.Cancelled, null, null, 0, 0, 0, 0, $"Build cancelled during {GetType().Name}; its tools were stopped and the previous results are unchanged.");
        }

        _cancel.Cancel();
    }

    public sealed override bool Execute()
    {
        try
        {
            ExecuteCore();
        }
        catch (Exception e) when (_cancel.IsCancellationRequested && e is OperationCanceledException or XaiException or IOException)
        {
            // A tool killed by the cancellation fails too; Cancel() has already said that the build stopped.
            return false;
        }
        catch (XaiException e)
        {
            Report(e.Diagnostics);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.LogError(null, DiagnosticCatalog.StageIoFailed, null, null, 0, 0, 0, 0, $"{GetType().Name} could not read or write a file: {e.Message}");
        }

        return !Log.HasLoggedErrors;
    }

    protected abstract void ExecuteCore();

    /// <summary>
    /// Runs <paramref name="work"/> (which starts a long tool: a C simulation, Vitis HLS, Vivado)
    /// with the MSBuild node yielded, as ToolTask's YieldDuringToolExecution does, so other projects
    /// of the build can use the node meanwhile. The work must not depend on the process's current
    /// directory or environment, which another task may change while the node is yielded.
    /// </summary>
    protected T Yielding<T>(Func<T> work)
    {
        var engine = BuildEngine as IBuildEngine3;
        engine?.Yield();
        try
        {
            return work();
        }
        finally
        {
            engine?.Reacquire();
        }
    }

    protected void Yielding(Action work) => Yielding(() =>
    {
        work();
        return 0;
    });

    protected void Report(XaiDiagnostic d)
    {
        if (d.Severity == DiagnosticSeverity.Error)
        {
            Log.LogError(null, d.Code, null, d.File, d.Line, d.Column, 0, 0, d.Message);
        }
        else
        {
            Log.LogWarning(null, d.Code, null, d.File, d.Line, d.Column, 0, 0, d.Message);
        }
    }

    protected void Report(IEnumerable<XaiDiagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            Report(d);
        }
    }

    protected void Info(string message) => Log.LogMessage(MessageImportance.High, message);
}
