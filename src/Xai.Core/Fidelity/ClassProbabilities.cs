namespace Xai.Fidelity;

/// <summary>
/// What a model's final Softmax (or LogSoftmax, whose exponent it is) makes of the logits, for a
/// model whose output activation the import dropped: the hardware stops at the logits, the report
/// still shows the probabilities the user's model gives.
/// </summary>
public static class ClassProbabilities
{
    /// <summary>exp(z_i - max z) / sum_j exp(z_j - max z), in double; NaN for all if any logit is not finite.</summary>
    public static double[] Softmax(IReadOnlyList<float> logits)
    {
        var result = new double[logits.Count];
        if (logits.Count == 0) return result;
        if (logits.Any(v => !float.IsFinite(v)))
        {
            Array.Fill(result, double.NaN);
            return result;
        }

        // Shifted by the largest logit so that no exp overflows.
        var max = logits.Max(v => (double)v);
        var sum = 0.0;
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = Math.Exp(logits[i] - max);
            sum += result[i];
        }

        for (var i = 0; i < result.Length; i++) result[i] /= sum;
        return result;
    }
}
