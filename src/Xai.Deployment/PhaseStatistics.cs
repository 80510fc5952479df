namespace Xai.Deployment;

/// <summary>Latency of one phase over the timed iterations, in milliseconds.</summary>
public sealed record PhaseStatistics(double MinMs, double MedianMs, double P95Ms, double MaxMs)
{
    /// <summary>Nearest-rank percentiles of <paramref name="samplesMs"/>.</summary>
    public static PhaseStatistics Of(IReadOnlyList<double> samplesMs)
    {
        if (samplesMs.Count == 0)
        {
            throw new ArgumentException("No samples.", nameof(samplesMs));
        }

        var sorted = samplesMs.OrderBy(v => v).ToArray();
        double Rank(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new PhaseStatistics(sorted[0], Rank(0.5), Rank(0.95), sorted[^1]);
    }
}
