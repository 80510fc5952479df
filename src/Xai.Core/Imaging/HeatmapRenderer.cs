namespace Xai.Imaging;

/// <summary>
/// Renders a relevance map [C,H,W] as a colour map laid over the input image, the way Captum's
/// <c>visualize_image_attr</c> normalises: channels summed, the chosen sign kept, values divided by
/// the 98th percentile of their magnitude (2 % outliers saturate) and clipped to [0, 1].
/// </summary>
public static class HeatmapRenderer
{
    /// <summary>Which part of a signed relevance map is shown.</summary>
    public enum Sign
    {
        /// <summary>|R| summed over channels: how sensitive (Saliency).</summary>
        Absolute,

        /// <summary>Positive part of R summed over channels: what speaks for the class (DeconvNet, Guided Backprop).</summary>
        Positive,
    }

    /// <summary>Relevance per pixel, normalised to [0, 1].</summary>
    public static double[] Normalise(ReadOnlySpan<float> relevance, int channels, int height, int width, Sign sign)
    {
        var plane = new double[height * width];
        for (var c = 0; c < channels; c++)
        {
            for (var i = 0; i < plane.Length; i++)
            {
                plane[i] += relevance[c * plane.Length + i];
            }
        }

        // Captum sums signed values over channels first, then takes the magnitude or the positive part.
        for (var i = 0; i < plane.Length; i++)
        {
            plane[i] = sign == Sign.Absolute ? Math.Abs(plane[i]) : Math.Max(plane[i], 0);
        }

        var sorted = plane.OrderBy(v => v).ToArray();
        var scale = sorted.Length == 0 ? 0 : Fidelity.DistributionSummary.Percentile(sorted, 98);
        if (scale <= 0)
        {
            scale = sorted.Length == 0 ? 0 : sorted[^1];
        }

        for (var i = 0; i < plane.Length; i++)
        {
            plane[i] = scale > 0 ? Math.Min(plane[i] / scale, 1) : 0;
        }

        return plane;
    }

    /// <summary>The heatmap blended over a gray version of <paramref name="image"/>: opacity follows relevance.</summary>
    public static RasterImage Overlay(RasterImage image, ReadOnlySpan<float> relevance, int channels, Sign sign)
    {
        var v = Normalise(relevance, channels, image.Height, image.Width, sign);
        var pixels = new byte[image.Width * image.Height * 3];
        for (var i = 0; i < v.Length; i++)
        {
            double gray = 0;
            for (var c = 0; c < Math.Min(image.Channels, 3); c++)
            {
                gray += image.Pixels[i * image.Channels + c];
            }

            gray /= Math.Min(image.Channels, 3);
            var (r, g, b) = ColorMap.Inferno(v[i]);
            var alpha = 0.25 + 0.75 * v[i];
            pixels[i * 3] = (byte)Math.Round((1 - alpha) * gray * 0.6 + alpha * r);
            pixels[i * 3 + 1] = (byte)Math.Round((1 - alpha) * gray * 0.6 + alpha * g);
            pixels[i * 3 + 2] = (byte)Math.Round((1 - alpha) * gray * 0.6 + alpha * b);
        }

        return new RasterImage(image.Width, image.Height, 3, pixels);
    }

    /// <summary>
    /// The heatmap alone as RGBA, to lay over the input at any opacity (the report's comparison view):
    /// the colour map of the normalised relevance, its alpha the relevance itself, so what does not count is clear.
    /// </summary>
    public static RasterImage Layer(ReadOnlySpan<float> relevance, int channels, int height, int width, Sign sign)
    {
        var v = Normalise(relevance, channels, height, width, sign);
        var pixels = new byte[width * height * 4];
        for (var i = 0; i < v.Length; i++)
        {
            var (r, g, b) = ColorMap.Inferno(v[i]);
            pixels[i * 4] = r;
            pixels[i * 4 + 1] = g;
            pixels[i * 4 + 2] = b;
            pixels[i * 4 + 3] = (byte)Math.Round(255 * v[i]);
        }

        return new RasterImage(width, height, 4, pixels);
    }
}
