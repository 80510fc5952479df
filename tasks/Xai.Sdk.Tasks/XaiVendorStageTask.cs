using Microsoft.Build.Framework;
using Xai.Amd.Toolchain;
using Xai.Diagnostics;
using Xai.Planning;
using Xai.Slurm;
using Xai.Stages;

namespace Xai.Sdk.Tasks;

/// <summary>
/// Base of the vendor stage tasks (Synthesize, CoSimulate, Bitstream): runs the stage with the tools
/// XaiLocateVendorTools chose on the plan XaiPlan saved. Every line a tool prints is logged as it
/// arrives; lines the vendor log scanner recognises become MSBuild errors and warnings whose code is
/// the vendor's own id without the space (<c>HLS207-3776</c>, <c>SYN201-201</c>, <c>Synth8-439</c>,
/// <c>COSIM212-4</c>), or XAI5690-XAI5692 for ERROR / CRITICAL WARNING / WARNING lines without an id,
/// located at the source file and line when the tool names them. Success is decided by
/// ToolRunVerdict (outputs exist, no ERROR line), not by the exit code. Cancelling the build kills the tool
/// (or cancels its Slurm job); the node is yielded while the tool runs. XaiExecutor=Slurm runs each tool
/// as a Slurm job (<see cref="SlurmToolExecutor"/>) with the XaiSlurm* properties.
/// </summary>
public abstract class XaiVendorStageTask : XaiExecutorTask
{
    protected abstract VendorStage Stage { get; }

    /// <summary>Where this stage's tools run.</summary>
    protected ToolExecutor ToolExecutor { get; private set; } = ToolExecutor.Local;

    protected override void ExecuteCore()
    {
        var executor = ExecutorFor(Stage.ToString());
        if (executor is null)
        {
            return;
        }

        ToolExecutor = executor;
        var vendor = VendorLayout.For(Layout);
        var plan = PlanStage.Load(Layout);
        var tools = VendorToolSet.Load(vendor);
        foreach (var (stage, outcome) in Yielding(() => RunStages(plan, tools, vendor)))
        {
            Report(outcome.Diagnostics);
            if (outcome.Succeeded)
            {
                Info($"{stage}: {outcome.Summary}");
            }
        }
    }

    protected abstract VendorStageOutcome Run(DesignPlan plan, VendorToolSet tools, VendorLayout vendor);

    /// <summary>This stage, or (Synthesize chained on Slurm) the stages run together, in order.</summary>
    protected virtual IReadOnlyList<(VendorStage Stage, VendorStageOutcome Outcome)> RunStages(DesignPlan plan, VendorToolSet tools, VendorLayout vendor) =>
        [(Stage, Run(plan, tools, vendor))];

    /// <summary>Logs one line of a tool's output, as an MSBuild diagnostic when it is one.</summary>
    protected void Stream(ToolInvocation invocation, string line)
    {
        Log.LogMessage(line.StartsWith(SlurmToolExecutor.StatusPrefix, StringComparison.Ordinal) ? MessageImportance.High : MessageImportance.Normal, line);
        if (VendorLogScanner.ParseLine(line) is not { Severity: >= VendorSeverity.Warning } message)
        {
            return;
        }

        var code = message.VendorCode?.Replace(" ", "", StringComparison.Ordinal) ?? message.Severity switch
        {
            VendorSeverity.Error => DiagnosticCatalog.VendorErrorWithoutId,
            VendorSeverity.CriticalWarning => DiagnosticCatalog.VendorCriticalWarningWithoutId,
            _ => DiagnosticCatalog.VendorWarningWithoutId,
        };
        var file = message.SourceFile is { } source
            ? (Path.IsPathRooted(source) || !File.Exists(Path.Combine(invocation.WorkingDirectory, source)) ? source : Path.GetFullPath(Path.Combine(invocation.WorkingDirectory, source)))
            : invocation.LogFile ?? invocation.Executable;
        var text = (message.Severity == VendorSeverity.CriticalWarning ? "CRITICAL WARNING: " : "") + message.Text
            + (message.Subsystem is "compiler" or "simulator" ? $" ({message.Subsystem})" : "") + $" [{invocation.Description}]";
        if (message.Severity == VendorSeverity.Error)
        {
            Log.LogError(null, code, null, file, message.SourceLine, message.SourceColumn, 0, 0, text);
        }
        else
        {
            Log.LogWarning(null, code, null, file, message.SourceLine, message.SourceColumn, 0, 0, text);
        }
    }
}
