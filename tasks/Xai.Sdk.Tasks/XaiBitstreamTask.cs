using Xai.Planning;
using Xai.Stages;

namespace Xai.Sdk.Tasks;

/// <summary>Stage Bitstream (<see cref="BitstreamStage"/>).</summary>
public sealed class XaiBitstreamTask : XaiVendorStageTask
{
    protected override VendorStage Stage => VendorStage.Bitstream;

    protected override VendorStageOutcome Run(DesignPlan plan, VendorToolSet tools, VendorLayout vendor) =>
        BitstreamStage.Run(plan, Settings, tools, Layout, vendor, Stream, Cancellation, ToolExecutor);
}
