using Xai.Attribution;
using Xai.Planning;
using static Xai.FpgaLatency.CycleModelAssumptions;

namespace Xai.FpgaLatency;

/// <summary>
/// Modelled latency of one explanation with a method (plan.json <c>latency.methods</c>): its passes on the one
/// engine, each an FP + BP of the configuration's <see cref="LatencyEstimate"/>, plus the FP for the class where
/// the method runs one. Grad-CAM's pass is the FP, the BP of the blocks after its block (the BP stops there) and
/// the map: two sweeps over the block's output (channel weights, weighted sum) and one over the image
/// (upsampling), an element per cycle as explain.h pipelines them. The multi-pass driver's own loops:
/// <see cref="MultiPassDriverCycles"/>.
/// </summary>
public static class MethodLatency
{
    public static double Ms(DesignPlan plan, ExplanationSchedule schedule, LatencyEstimate model)
    {
        if (schedule.LayerMap is not { } map || plan.Explanation.GradCamLayer is not { } block)
        {
            var driver = schedule.MultiPass ? MultiPassDriverCycles(schedule, plan.InputShape.ElementCount, DramTiming.At(model.ClockMHz)) : 0;
            return schedule.BackwardPasses * model.FpBpMs + (schedule.ClassForward ? model.FpMs : 0) + model.Milliseconds(driver);
        }

        var partialBackward = model.Layers.SkipWhile(l => l.Name != block).Skip(1).Sum(l => l.Backward.Total);
        var mapCycles = 2L * map.Channels * map.Pixels + plan.InputShape.ElementCount;
        var gradCamPass = model.Milliseconds(model.Forward.Total + partialBackward + mapCycles);
        return gradCamPass + (schedule.BackwardPasses - 1) * model.FpBpMs;
    }

    /// <summary>
    /// explain.h's multi-pass driver around the passes, each loop pipelined at II=1 over the <paramref name="inputSize"/>
    /// elements (plus its entry and depth): the sums zeroed once; per network pass the pass input formed from the image
    /// (a DRAM read loop); per FP + BP pass the gradient added to the sums; the attribution written once (reading the image,
    /// writing the relevance port). With <see cref="ExplanationSchedule.SumsOffChip"/> the pass input, the gradient and the
    /// sums are in DRAM: the zeroing and the forming also wait for a write response; the adding walks chunks of
    /// <see cref="FpgaResources.ResourceModel.OffChipSumChunk"/> sums, each a read loop (sums and gradients side by side,
    /// one read latency) and a write loop (one write response); the last loop reads the sums beside the image (one
    /// latency). The passes' own copies are in the pass latency already.
    /// </summary>
    public static long MultiPassDriverCycles(ExplanationSchedule schedule, long inputSize, DramTiming dram)
    {
        long Loop(long trips) => trips + PipelinedLoopEntry + OnChipLoopDepth;
        var off = schedule.SumsOffChip;
        var zero = Loop(inputSize) + (off ? dram.WriteLatency : 0);
        var form = Loop(inputSize) + dram.ReadLatency + (off ? dram.WriteLatency : 0);
        long accumulate = Loop(inputSize);
        if (off)
        {
            long chunk = FpgaResources.ResourceModel.OffChipSumChunk(inputSize), chunks = (inputSize + chunk - 1) / chunk;
            accumulate = 0;
            for (long c = 0; c < chunks; c++)
            {
                var n = Math.Min(chunk, inputSize - c * chunk);
                accumulate += OuterLoopIteration + Loop(n) + dram.ReadLatency + Loop(n) + dram.WriteLatency;
            }
        }

        var finish = Loop(inputSize) + dram.ReadLatency + dram.WriteLatency;
        return zero + schedule.ForwardPasses * form + schedule.BackwardPasses * accumulate + finish;
    }
}
