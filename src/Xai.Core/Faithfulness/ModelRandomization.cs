using Xai.Planning;

namespace Xai.Faithfulness;

/// <summary>
/// The cascading model randomization of Adebayo et al. (2018, "Sanity checks for saliency maps"): the
/// weights of the top k parameterized layers are randomized, k = 1 .. all, and an explanation that still
/// looks the same was not explaining the model. Here a layer is randomized by a seeded permutation of its
/// weights and, separately, of its biases: the values keep their distribution, so the design's calibrated
/// number formats still hold them, and only what the training put where is destroyed.
/// </summary>
public static class ModelRandomization
{
    /// <summary>Layer l's blocks are permuted with this seed plus 2l (weights) and 2l + 1 (biases).</summary>
    public const uint Seed = 0x5A17C0DE;

    /// <summary>The blocks with parameters, in network order: (layer index, weights offset, weights, biases) in the flat image.</summary>
    public static IReadOnlyList<(int Layer, int Offset, int Weights, int Biases)> Blocks(IReadOnlyList<HardwareLayer> layers)
    {
        var blocks = new List<(int, int, int, int)>();
        var at = 0;
        for (var l = 0; l < layers.Count; l++)
        {
            var (weights, biases) = layers[l] switch
            {
                ConvBlockLayer c => (c.Conv.Weights.Length, c.Conv.Bias.Length),
                DenseBlockLayer d => (d.Dense.Weights.Length, d.Dense.Bias.Length),
                _ => (0, 0),
            };
            if (weights + biases > 0)
            {
                blocks.Add((l, at, weights, biases));
                at += weights + biases;
            }
        }

        return blocks;
    }

    /// <summary>The float weight image (PyTorch order, <c>weights.f32</c>) with its top <paramref name="count"/> parameterized layers randomized.</summary>
    public static float[] Cascade(IReadOnlyList<float> weights, IReadOnlyList<HardwareLayer> layers, int count)
    {
        var blocks = Blocks(layers);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, blocks.Count);
        var result = weights.ToArray();
        foreach (var (layer, offset, nWeights, nBiases) in blocks.Skip(blocks.Count - count))
        {
            Permute(result, offset, nWeights, Seed + (uint)(2 * layer));
            Permute(result, offset + nWeights, nBiases, Seed + (uint)(2 * layer + 1));
        }

        return result;
    }

    private static void Permute(float[] image, int offset, int length, uint seed)
    {
        var order = SeededPermutation.Of(length, seed);
        var copy = image.AsSpan(offset, length).ToArray();
        for (var i = 0; i < length; i++)
        {
            image[offset + i] = copy[order[i]];
        }
    }
}
