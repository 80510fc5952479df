using Xai.Planning;

namespace Xai.CodeGeneration;

/// <summary>
/// Element counts of the arrays the generated network exchanges with DRAM, as
/// <c>xai_network.h</c> declares them (<c>input_size</c>, <c>weight_image_size</c>,
/// <c>act_arena_size</c>, <c>grad_arena_size</c>, <c>n_classes</c>). The HLS top needs them as
/// literals for <c>depth=</c>; it also static_asserts them against the header, so a drift
/// between this class and <see cref="NetworkHeaderWriter"/> fails at compile time.
/// <paramref name="DenseWeightBeat"/> &gt; 1: the top also reads the weight image as beats of that many
/// weights (the dense engine's packed port), <see cref="WeightBeats"/> of them. <paramref name="PassSumsOffChip"/>: the
/// multi-pass methods' tops also take <c>pass_input</c> and <c>sums</c>, <see cref="Input"/> elements and accumulator words
/// each (XaiPassSums OffChip).
/// </summary>
public sealed record NetworkMemorySizes(long Input, long WeightImage, long ActArena, long GradArena, int Classes, int DenseWeightBeat = 1,
    bool PassSumsOffChip = false)
{
    /// <summary>Whole beats of the weight image (the packed port's depth; no block reads past them).</summary>
    public long WeightBeats => WeightImage / DenseWeightBeat;

    public static NetworkMemorySizes For(DesignPlan plan)
    {
        var layout = ArenaLayout.For(plan);
        return new NetworkMemorySizes(plan.InputShape.ElementCount, plan.Layers.Sum(l => l.ParameterCount), layout.ActArena,
            layout.GradArena, plan.Classes, plan.DenseWeightBeat, plan.SumsOffChip);
    }
}
