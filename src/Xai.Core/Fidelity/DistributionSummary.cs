namespace Xai.Fidelity;

/// <summary>Median, 10th percentile and minimum of a set of per-image scores.</summary>
/// <param name="Count">How many scores were summarised (NaN scores are left out and counted in <paramref name="Undefined"/>).</param>
/// <param name="Undefined">Scores that were NaN, e.g. a relevance map that is constant.</param>
public sealed record DistributionSummary(double Median, double P10, double Min, int Count, int Undefined)
{
    /// <summary>Percentiles by linear interpolation between closest ranks (numpy's default).</summary>
    public static DistributionSummary Of(IEnumerable<double> scores)
    {
        var all = scores.ToList();
        var values = all.Where(v => !double.IsNaN(v)).OrderBy(v => v).ToArray();
        if (values.Length == 0)
        {
            return new DistributionSummary(double.NaN, double.NaN, double.NaN, 0, all.Count);
        }

        return new DistributionSummary(Percentile(values, 50), Percentile(values, 10), values[0], values.Length, all.Count - values.Length);
    }

    public static double Percentile(double[] sorted, double percent)
    {
        var position = percent / 100.0 * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }
}
