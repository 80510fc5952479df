namespace Xai.Fidelity;

/// <summary>
/// Integrated Gradients' completeness axiom: the attributions sum to F_c(x) − F_c(baseline). The gap is
/// |Σ R − (F_c(x) − F_c(x'))| / |F_c(x) − F_c(x')|, x' the baseline, what the Riemann sum and the number formats leave.
/// </summary>
public static class CompletenessGap
{
    /// <param name="relevance">The Integrated Gradients map in real units.</param>
    /// <param name="logits">The image's logits; <paramref name="baselineLogits"/> the baseline's (zeros or XaiIgBaseline), same profile.</param>
    /// <param name="explainedClass">The class c the map explains.</param>
    /// <returns>The relative gap; NaN when F_c(x) = F_c(x').</returns>
    public static double Of(float[] relevance, float[] logits, float[] baselineLogits, int explainedClass)
    {
        double sum = 0;
        foreach (var r in relevance)
        {
            sum += r;
        }

        var difference = (double)logits[explainedClass] - baselineLogits[explainedClass];
        return difference == 0 ? double.NaN : Math.Abs(sum - difference) / Math.Abs(difference);
    }
}
