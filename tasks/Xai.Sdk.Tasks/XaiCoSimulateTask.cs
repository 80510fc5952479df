using Xai.Planning;
using Xai.Stages;

namespace Xai.Sdk.Tasks;

/// <summary>Stage CoSimulate (<see cref="CoSimulateStage"/>).</summary>
public sealed class XaiCoSimulateTask : XaiVendorStageTask
{
    protected override VendorStage Stage => VendorStage.CoSimulate;

    protected override VendorStageOutcome Run(DesignPlan plan, VendorToolSet tools, VendorLayout vendor) =>
        CoSimulateStage.Run(plan, Settings, tools, Tools.HlsInclude, vendor, Stream, Cancellation, ToolExecutor);
}
