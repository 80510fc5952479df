namespace Xai.Faithfulness;

/// <summary>
/// The order in which the deletion and insertion curves take input pixels (a pixel is one spatial
/// position, all channels together): by an explanation, or at random for the baseline curve.
/// </summary>
public static class PixelRanking
{
    /// <summary>
    /// Pixels from most to least relevant. A pixel's score is its relevance summed over channels (as the heat
    /// map sums them), then |.| for the methods whose sign is only a direction (Saliency, SmoothGrad:
    /// <see cref="Attribution.RelevanceReading.ComparedAsMagnitude"/>) and signed for the others, so a pixel
    /// that speaks against the class ranks last. Ties keep pixel order, so the ranking is reproducible.
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
                score[p] += relevance[c * pixels + p];
            }
        }

        if (magnitude)
        {
            for (var p = 0; p < pixels; p++)
            {
                score[p] = Math.Abs(score[p]);
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
