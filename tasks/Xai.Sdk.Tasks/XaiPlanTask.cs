using Xai.Stages;

namespace Xai.Sdk.Tasks;

/// <summary>Stage Plan: number formats from the calibration, plan.json, xai_numerics.h, DRAM weight images, the plan later stages load.</summary>
public sealed class XaiPlanTask : XaiProjectTask
{
    protected override void ExecuteCore()
    {
        var plan = PlanStage.Run(Layout);
        foreach (var (method, numerics) in plan.Numerics)
        {
            Info($"{method}: activations {numerics.Activation} x 2^-[{string.Join(",", numerics.ActivationExponents)}], weights {numerics.Weight} x 2^-[{string.Join(",", numerics.WeightExponents)}], gradients {numerics.Gradient} x 2^-[{string.Join(",", numerics.GradientExponents)}]");
        }
    }
}
