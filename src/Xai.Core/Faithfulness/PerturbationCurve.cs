namespace Xai.Faithfulness;

/// <summary>
/// The inputs along one deletion or insertion curve (Petsiuk et al., 2018, RISE): at step k of
/// <c>steps</c> the first round(k · P / steps) pixels of a ranking are removed from the image
/// (deletion: set to the baseline, zero in every channel) or revealed on the baseline (insertion).
/// Zero is Integrated Gradients' default baseline, so the curves then end where its completeness starts (with
/// XaiIgBaseline set, IG starts from that image instead; the curves stay on zero).
/// </summary>
public static class PerturbationCurve
{
    /// <summary>Pixels changed at each of the steps + 1 points, 0 first and all last.</summary>
    public static int[] Counts(int pixels, int steps)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        return [.. Enumerable.Range(0, steps + 1).Select(k => (int)(((long)k * pixels + steps / 2) / steps))];
    }

    /// <summary>The input with the first <paramref name="changed"/> pixels of <paramref name="ranking"/> removed (deletion) or revealed (insertion).</summary>
    /// <param name="image">[C][H][W] input.</param>
    public static float[] Input(IReadOnlyList<float> image, int channels, IReadOnlyList<int> ranking, int changed, bool insertion)
    {
        var pixels = PixelRanking.PixelCount(image.Count, channels);
        var x = insertion ? new float[image.Count] : [.. image];
        for (var i = 0; i < changed; i++)
        {
            var p = ranking[i];
            for (var c = 0; c < channels; c++)
            {
                var at = c * pixels + p;
                x[at] = insertion ? image[at] : 0f;
            }
        }

        return x;
    }

    /// <summary>Area under a curve sampled at evenly spaced fractions from 0 to 1 (trapezoids): its mean height.</summary>
    public static double Area(IReadOnlyList<double> values)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(values.Count, 2);
        var inner = 0.0;
        for (var k = 1; k < values.Count - 1; k++)
        {
            inner += values[k];
        }

        return (inner + (values[0] + values[^1]) / 2) / (values.Count - 1);
    }
}
