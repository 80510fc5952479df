using Xai.Attribution;
using Xai.Model;

namespace Xai.Planning;

/// <summary>
/// Bits kept between the forward and the backward pass. The design keeps a 2-bit argmax per
/// pooled output and a 1-bit mask per dense ReLU output when the method needs masks (Table II);
/// convolution ReLU masks are recomputed from the activations already in DRAM, so they cost
/// nothing extra. Autograd, by contrast, saves every tensor its backward functions need, at the
/// datapath width (conv and dense save their input - once where a residual skip forks -, ReLU its output,
/// max-pool its input; a residual join's add saves nothing).
/// </summary>
public static class MemoryAccounting
{
    public sealed record Figures(long PoolIndexBits, long ReluMaskBits, long DesignBits, long FullMaskBits, long AutogradBits);

    public static Figures For(IReadOnlyList<HardwareLayer> layers, AttributionMethod method, int datapathBits = 16)
    {
        var needsMask = method != AttributionMethod.DeconvNet;
        long pool = 0, storedMasks = 0, allMasks = 0;
        foreach (var layer in layers)
        {
            if (layer is ConvBlockLayer { Pool: true } conv)
            {
                pool += 2L * conv.OutputShape.ElementCount;
            }

            if (layer.Relu)
            {
                var reluOutputs = layer is ConvBlockLayer c ? c.Conv.OutputShape.ElementCount : layer.OutputShape.ElementCount;
                allMasks += reluOutputs;
                if ((needsMask || layer.Relu6) && layer is DenseBlockLayer) // ReLU6's clip rule needs its mask in every method
                {
                    storedMasks += reluOutputs;
                }
            }
        }

        return new Figures(pool, storedMasks, pool + storedMasks, pool + allMasks, AutogradElements(layers) * datapathBits);
    }

    public static long AutogradElements(IReadOnlyList<HardwareLayer> layers)
    {
        long saved = 0;
        var savedInputs = new HashSet<int>();
        for (var k = 0; k < layers.Count; k++)
        {
            var layer = layers[k];
            // conv / dense input, once per tensor: the readers of a fork share it (a residual join saves nothing).
            if (savedInputs.Add(HardwareLayer.SourceOf(layers, k)))
            {
                saved += layer.InputShape.ElementCount;
            }

            var preActivation = layer is ConvBlockLayer c ? c.Conv.OutputShape.ElementCount : layer.OutputShape.ElementCount;
            if (layer.Relu)
            {
                saved += preActivation; // ReLU output
            }

            if (layer is ConvBlockLayer { Pool: true })
            {
                saved += preActivation; // max-pool input
            }
        }

        return saved;
    }
}
