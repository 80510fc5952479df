namespace Xai.Fidelity;

/// <summary>
/// Spearman rank correlation: Pearson correlation of the ranks, ties given their average rank
/// (the definition scipy.stats.spearmanr uses). Fixed-point relevance maps have many exact ties
/// (zeros after a ReLU), so tie handling matters.
/// </summary>
public static class SpearmanCorrelation
{
    /// <returns>ρ in [-1, 1]; NaN when either input is constant (no ranking to compare).</returns>
    public static double Compute(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException($"Cannot correlate {a.Length} values with {b.Length}.");
        }

        if (a.Length < 2)
        {
            return double.NaN;
        }

        return Pearson(Ranks(a), Ranks(b));
    }

    public static double[] Ranks(ReadOnlySpan<float> values)
    {
        var order = new int[values.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var keys = values.ToArray();
        Array.Sort(keys, order);
        var ranks = new double[values.Length];
        for (var start = 0; start < keys.Length;)
        {
            var end = start + 1;
            while (end < keys.Length && keys[end] == keys[start])
            {
                end++;
            }

            // Positions start..end-1 tie: each gets the mean of ranks start+1..end.
            var rank = (start + end + 1) / 2.0;
            for (var k = start; k < end; k++)
            {
                ranks[order[k]] = rank;
            }

            start = end;
        }

        return ranks;
    }

    private static double Pearson(double[] x, double[] y)
    {
        double mx = x.Average(), my = y.Average();
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            var dx = x[i] - mx;
            var dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }

        return sxx == 0 || syy == 0 ? double.NaN : sxy / Math.Sqrt(sxx * syy);
    }
}
