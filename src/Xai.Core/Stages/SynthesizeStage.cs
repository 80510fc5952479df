using Xai.Amd.Toolchain;
using Xai.Planning;
using Xai.Projects;

namespace Xai.Stages;

/// <summary>Stage "Synthesize": Vitis HLS C simulation of the testbench, C synthesis and IP export of every top (run by <see cref="HlsStage"/>).</summary>
public static class SynthesizeStage
{
    public static VendorStageOutcome Run(
        DesignPlan plan, ProjectSettings settings, VendorToolSet tools, string hlsInclude, VendorLayout vendor, Action<ToolInvocation, string> onLine, CancellationToken cancel, ToolExecutor? executor = null) =>
        HlsStage.Run(VendorStage.Synthesize, plan, settings, tools, hlsInclude, vendor, onLine, cancel, executor);
}
