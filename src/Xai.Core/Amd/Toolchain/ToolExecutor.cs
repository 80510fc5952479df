using Xai.Diagnostics;

namespace Xai.Amd.Toolchain;

/// <summary>
/// Where a vendor tool run happens: on this machine (<see cref="Local"/>) or elsewhere (a Slurm job).
/// Either way the caller gets the tool's lines as they come and the same <see cref="ToolProcess.Result"/>,
/// so that <see cref="ToolRunVerdict"/> judges a remote run exactly as a local one.
/// </summary>
public abstract class ToolExecutor
{
    /// <summary>Runs on the machine of the build.</summary>
    public static ToolExecutor Local { get; } = new LocalToolExecutor();

    /// <summary>Runs <paramref name="invocation"/>; <c>Findings</c> are the executor's own (why a job ended), beside the tool's.</summary>
    public abstract (ToolProcess.Result Run, IReadOnlyList<XaiDiagnostic> Findings) Run(ToolInvocation invocation, Action<string> onLine, CancellationToken cancel);

    private sealed class LocalToolExecutor : ToolExecutor
    {
        public override (ToolProcess.Result Run, IReadOnlyList<XaiDiagnostic> Findings) Run(ToolInvocation invocation, Action<string> onLine, CancellationToken cancel) =>
            (ToolProcess.Run(invocation, onLine, cancel), []);
    }
}
