using Xai.Faithfulness;

namespace Xai.Core.Tests.Faithfulness;

public sealed class PixelRankingTests
{
    // Two channels of four pixels, summed per pixel: 1, -4, 0, 3; pixel 2's channels (6 and -6) cancel.
    private static readonly float[] Relevance = [0.5f, -5f, 6f, 2f, 0.5f, 1f, -6f, 1f];

    [Fact]
    public void Magnitude_methods_rank_by_the_magnitude_of_the_channel_sum_as_the_heat_map_does()
    {
        Assert.Equal(new[] { 1, 3, 0, 2 }, PixelRanking.ByRelevance(Relevance, 2, magnitude: true));
    }

    [Fact]
    public void Signed_methods_rank_a_negative_contribution_last()
    {
        Assert.Equal(new[] { 3, 0, 2, 1 }, PixelRanking.ByRelevance(Relevance, 2, magnitude: false));
    }

    [Fact]
    public void Equal_scores_keep_pixel_order()
    {
        Assert.Equal(new[] { 0, 1, 2 }, PixelRanking.ByRelevance(new float[3], 1, magnitude: true));
    }

    [Fact]
    public void The_random_order_is_a_permutation_fixed_by_its_seed()
    {
        var a = PixelRanking.Random(1000, 7);
        Assert.Equal(Enumerable.Range(0, 1000), a.Order());
        Assert.Equal(a, PixelRanking.Random(1000, 7));
        Assert.NotEqual(a, PixelRanking.Random(1000, 8));
        Assert.NotEqual(Enumerable.Range(0, 1000), a);
    }

    [Fact]
    public void Values_that_are_not_whole_pixels_are_refused()
    {
        Assert.Throws<ArgumentException>(() => PixelRanking.ByRelevance(new float[7], 2, magnitude: true));
    }
}
