namespace Xai.Imaging;

/// <summary>
/// A perceptually ordered colour map (black → purple → red → orange → pale yellow, after
/// matplotlib's "inferno") for relevance heatmaps: brightness grows with relevance, so a map
/// reads correctly in gray print too.
/// </summary>
public static class ColorMap
{
    private static readonly (double At, byte R, byte G, byte B)[] Anchors =
    [
        (0.00, 0, 0, 4),
        (0.25, 87, 16, 110),
        (0.50, 188, 55, 84),
        (0.75, 249, 142, 9),
        (1.00, 252, 255, 164),
    ];

    /// <param name="t">Value in [0, 1]; clamped.</param>
    public static (byte R, byte G, byte B) Inferno(double t)
    {
        t = double.IsNaN(t) ? 0 : Math.Clamp(t, 0, 1);
        for (var i = 1; i < Anchors.Length; i++)
        {
            if (t <= Anchors[i].At)
            {
                var (a, b) = (Anchors[i - 1], Anchors[i]);
                var f = (t - a.At) / (b.At - a.At);
                return ((byte)Math.Round(a.R + f * (b.R - a.R)), (byte)Math.Round(a.G + f * (b.G - a.G)), (byte)Math.Round(a.B + f * (b.B - a.B)));
            }
        }

        return (Anchors[^1].R, Anchors[^1].G, Anchors[^1].B);
    }
}
