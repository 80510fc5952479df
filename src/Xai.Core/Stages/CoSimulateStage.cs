using Xai.Amd.Toolchain;
using Xai.Planning;
using Xai.Projects;

namespace Xai.Stages;

/// <summary>Stage "CoSimulate": Vitis HLS C/RTL co-simulation of the synthesized tops (run by <see cref="HlsStage"/>).</summary>
public static class CoSimulateStage
{
    public static VendorStageOutcome Run(
        DesignPlan plan, ProjectSettings settings, VendorToolSet tools, string hlsInclude, VendorLayout vendor, Action<ToolInvocation, string> onLine, CancellationToken cancel, ToolExecutor? executor = null) =>
        HlsStage.Run(VendorStage.CoSimulate, plan, settings, tools, hlsInclude, vendor, onLine, cancel, executor);
}
