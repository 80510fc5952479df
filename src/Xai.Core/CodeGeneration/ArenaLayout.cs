using Xai.Planning;

namespace Xai.CodeGeneration;

/// <summary>
/// Where the generated accelerator keeps every tensor, in elements: the activation arena (the
/// image's copy at 0, then each block's output in network order, the logits last), the
/// gradient arena (the gradient w.r.t. each block's output from the logits back, then the
/// input relevance), and the on-chip stores (2-bit pool indices of pooling convolutions, mask
/// bits of dense ReLUs). The engines read and write only the two arenas, so one port of each
/// serves every layer; the top copies the image in and the logits and relevance out.
/// </summary>
public sealed record ArenaLayout(
    IReadOnlyList<long> ActOut, long ActArena, IReadOnlyList<long> Grad, long GradArena,
    IReadOnlyList<long> PoolAt, long PoolStore, IReadOnlyList<long> MaskAt, long MaskStore)
{
    public static ArenaLayout For(DesignPlan plan)
    {
        var layers = plan.Layers;
        var n = layers.Count;
        long input = plan.InputShape.ElementCount;

        var actOut = new long[n];
        var act = input;
        for (var i = 0; i < n; i++)
        {
            actOut[i] = act;
            act += layers[i].OutputShape.ElementCount;
        }

        // grad[b] = gradient w.r.t. boundary b (0 = input, n = logits), laid out from b = n down.
        var grad = new long[n + 1];
        long g = 0;
        for (var b = n; b >= 1; b--)
        {
            grad[b] = g;
            g += layers[b - 1].OutputShape.ElementCount;
        }

        grad[0] = g;
        g += input;

        var poolAt = new long[n];
        var maskAt = new long[n];
        long pools = 0, masks = 0;
        for (var i = 0; i < n; i++)
        {
            if (layers[i] is ConvBlockLayer { Pool: true })
            {
                poolAt[i] = pools;
                pools += layers[i].OutputShape.ElementCount;
            }
            else if (layers[i] is DenseBlockLayer { Relu: true })
            {
                maskAt[i] = masks;
                masks += layers[i].OutputShape.ElementCount;
            }
        }

        return new ArenaLayout(actOut, act, grad, g, poolAt, pools, maskAt, masks);
    }
}
