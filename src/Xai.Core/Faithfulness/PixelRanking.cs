namespace Xai.Faithfulness;

/// <summary>
/// The order in which the deletion and insertion curves take input pixels (a pixel is one spatial
/// position, all channels together): by an explanation, or at random for the baseline curve.
/// </summary>
public static class PixelRanking
{
    /// <summary>
    /// Pixels from most to least relevant. A pixel's score is the sum over channels of the relevance as
    /// the heat map reads it: |R| for the magnitude methods (Saliency, SmoothGrad), signed R for the others,
    /// so a negative contribution ranks last. Ties keep pixel order, so the ranking is reproducible.
    /// </summary>
    /// <param name="relevance">[C][H][W] relevance.</param>
    /// <param name="channels">C; relevance.Length / C pixels.</param>
    public static int[] ByRelevance(IReadOnlyList<float> relevance, int channels, bool magnitude)
    {
        var pixels = PixelCount(relevance.Count, channels);
        var score = new double[pixels];
        for (var c = 0; c < channels; c++)
        {
            for (var p = 0; p < pixels; p++)
            {
                var r = (double)relevance[c * pixels + p];
                score[p] += magnitude ? Math.Abs(r) : r;
            }
        }

        var order = Enumerable.Range(0, pixels).ToArray();
        // OrderBy is a stable sort: equal scores stay in pixel order.
        return [.. order.OrderByDescending(p => score[p])];
    }

    /// <summary>A random order, the same for the same seed everywhere (<see cref="SeededPermutation"/>).</summary>
    public static int[] Random(int pixels, uint seed) => SeededPermutation.Of(pixels, seed);

    public static int PixelCount(int elements, int channels)
    {
        if (channels <= 0 || elements % channels != 0)
        {
            throw new ArgumentException($"{elements} values are not {channels} channels of whole pixels.", nameof(channels));
        }

        return elements / channels;
    }
}
