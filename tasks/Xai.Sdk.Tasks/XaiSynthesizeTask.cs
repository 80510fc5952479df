using Xai.Planning;
using Xai.Stages;

namespace Xai.Sdk.Tasks;

/// <summary>Stage Synthesize (<see cref="SynthesizeStage"/>).</summary>
public sealed class XaiSynthesizeTask : XaiVendorStageTask
{
    protected override VendorStage Stage => VendorStage.Synthesize;

    protected override VendorStageOutcome Run(DesignPlan plan, VendorToolSet tools, VendorLayout vendor) =>
        SynthesizeStage.Run(plan, Settings, tools, Tools.HlsInclude, vendor, Stream, Cancellation, ToolExecutor);
}
