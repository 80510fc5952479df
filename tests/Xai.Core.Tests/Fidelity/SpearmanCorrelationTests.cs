using Xai.Fidelity;

namespace Xai.Core.Tests.Fidelity;

public sealed class SpearmanCorrelationTests
{
    [Fact]
    public void Monotone_maps_correlate_perfectly_whatever_their_scale()
    {
        float[] a = [0.1f, 0.5f, 0.2f, 0.9f];
        float[] b = [1f, 5f, 2f, 90f];
        Assert.Equal(1.0, SpearmanCorrelation.Compute(a, b), 12);
        Assert.Equal(-1.0, SpearmanCorrelation.Compute(a, b.Select(x => -x).ToArray()), 12);
    }

    [Fact]
    public void Ties_get_average_ranks_as_scipy_does()
    {
        Assert.Equal(new[] { 1.5, 1.5, 3.0, 4.5, 4.5 }, SpearmanCorrelation.Ranks([0f, 0f, 1f, 2f, 2f]));
        // Ranks [1,2.5,2.5,4,5] and [1,3,2,4.5,4.5]: sxy = 9, sxx = syy = 9.5, so rho = 9/9.5.
        Assert.Equal(9 / 9.5, SpearmanCorrelation.Compute([1, 2, 2, 3, 4], [1, 3, 2, 4, 4]), 12);
    }

    [Fact]
    public void A_constant_map_has_no_defined_correlation()
    {
        Assert.True(double.IsNaN(SpearmanCorrelation.Compute([0, 0, 0], [1, 2, 3])));
    }

    [Fact]
    public void Summaries_interpolate_percentiles_like_numpy_and_count_undefined_scores()
    {
        var s = DistributionSummary.Of([0.5, 0.9, 0.7, 0.6, 0.8, double.NaN]);
        Assert.Equal(0.7, s.Median, 12);
        Assert.Equal(0.54, s.P10, 12); // numpy.percentile([.5,.6,.7,.8,.9], 10) = 0.54
        Assert.Equal(0.5, s.Min);
        Assert.Equal((5, 1), (s.Count, s.Undefined));
    }
}
