using Microsoft.Build.Framework;
using Xai.Planning;
using Xai.Slurm;
using Xai.Stages;

namespace Xai.Sdk.Tasks;

/// <summary>
/// Stage Synthesize (<see cref="SynthesizeStage"/>). On Slurm, with CoSimulate or Bitstream to run in this build
/// too, submits them at once, chained after synthesis (<see cref="ChainedVendorStages"/>), and writes the stamps
/// of the stages that succeeded, so that their own targets find them done.
/// </summary>
public sealed class XaiSynthesizeTask : XaiVendorStageTask
{
    protected override VendorStage Stage => VendorStage.Synthesize;

    /// <summary>CoSimulate runs in this build after Synthesize: chain it on Slurm.</summary>
    public bool ChainCoSimulate { get; set; }

    /// <summary>Bitstream runs in this build after Synthesize: chain it on Slurm.</summary>
    public bool ChainBitstream { get; set; }

    /// <summary>The stages ran as a chain of Slurm jobs; the task wrote their stamps.</summary>
    [Output]
    public bool Chained { get; private set; }

    protected override VendorStageOutcome Run(DesignPlan plan, VendorToolSet tools, VendorLayout vendor) =>
        SynthesizeStage.Run(plan, Settings, tools, Tools.HlsInclude, vendor, Stream, Cancellation, ToolExecutor);

    protected override IReadOnlyList<(VendorStage Stage, VendorStageOutcome Outcome)> RunStages(DesignPlan plan, VendorToolSet tools, VendorLayout vendor)
    {
        if (ToolExecutor is not SlurmToolExecutor synthesis || !(ChainCoSimulate || ChainBitstream))
        {
            return base.RunStages(plan, tools, vendor);
        }

        var executors = new Dictionary<VendorStage, SlurmToolExecutor> { [VendorStage.Synthesize] = synthesis };
        SlurmToolExecutor ExecutorOf(VendorStage stage)
        {
            if (!executors.TryGetValue(stage, out var executor))
            {
                // Same settings as Synthesize's, which found Slurm's commands: only the job names differ.
                executor = (SlurmToolExecutor)ExecutorFor(stage.ToString())!;
                executors[stage] = executor;
            }

            return executor;
        }

        var results = ChainedVendorStages.Run(plan, Settings, tools, Tools.HlsInclude, Layout, vendor, ChainCoSimulate, ChainBitstream, ExecutorOf, Stream, Cancellation);
        Chained = true;
        // The stamps of the stages that succeeded before the first that failed, in the stages' order (each stamp at least
        // as new as the one its target reads): what a local build would have completed. A Bitstream that succeeded after a
        // failed CoSimulate runs again, so that the report's hardware figures come from the stage that ran last.
        foreach (var (stage, _) in results.OrderBy(r => r.Stage).TakeWhile(r => r.Outcome.Succeeded))
        {
            File.WriteAllText(vendor.StageStamp(stage), "");
        }

        return [.. results.Select(r => (r.Stage, r.Outcome))];
    }
}
