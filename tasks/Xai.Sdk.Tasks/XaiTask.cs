using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Xai.Diagnostics;

namespace Xai.Sdk.Tasks;

/// <summary>
/// Base of every Xai task: runs the core and turns its coded diagnostics into MSBuild errors and
/// warnings. An <see cref="XaiException"/> is a user-facing error, never a stack trace.
/// </summary>
public abstract class XaiTask : Microsoft.Build.Utilities.Task
{
    public sealed override bool Execute()
    {
        try
        {
            ExecuteCore();
        }
        catch (XaiException e)
        {
            Report(e.Diagnostics);
        }

        return !Log.HasLoggedErrors;
    }

    protected abstract void ExecuteCore();

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
