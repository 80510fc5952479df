using Xai.Attribution;
using Xai.Planning;

namespace Xai.FpgaLatency;

/// <summary>
/// Modelled latency of one explanation with a method (plan.json <c>latency.methods</c>): its passes on the one
/// engine, each an FP + BP of the configuration's <see cref="LatencyEstimate"/>, plus the FP for the class where
/// the method runs one. Grad-CAM's pass is the FP, the BP of the blocks after its block (the BP stops there) and
/// the map: two sweeps over the block's output (channel weights, weighted sum) and one over the image
/// (upsampling), an element per cycle as explain.h pipelines them.
/// </summary>
public static class MethodLatency
{
    public static double Ms(DesignPlan plan, ExplanationSchedule schedule, LatencyEstimate model)
    {
        if (schedule.LayerMap is not { } map || plan.Explanation.GradCamLayer is not { } block)
        {
            return schedule.BackwardPasses * model.FpBpMs + (schedule.ClassForward ? model.FpMs : 0);
        }

        var partialBackward = model.Layers.SkipWhile(l => l.Name != block).Skip(1).Sum(l => l.Backward.Total);
        var mapCycles = 2L * map.Channels * map.Pixels + plan.InputShape.ElementCount;
        var gradCamPass = model.Milliseconds(model.Forward.Total + partialBackward + mapCycles);
        return gradCamPass + (schedule.BackwardPasses - 1) * model.FpBpMs;
    }
}
