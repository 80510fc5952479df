namespace Xai.FpgaResources;

/// <summary>
/// A least-squares line y = Intercept + Slope * x through measured points, and how far it misses
/// each of them: the fitted half of the resource model keeps its evidence next to it.
/// </summary>
public sealed record LinearFit(double Intercept, double Slope, IReadOnlyList<(double X, double Y)> Points)
{
    public static LinearFit Through(params (double X, double Y)[] points)
    {
        var mx = points.Average(p => p.X);
        var my = points.Average(p => p.Y);
        var sxx = points.Sum(p => (p.X - mx) * (p.X - mx));
        var sxy = points.Sum(p => (p.X - mx) * (p.Y - my));
        var slope = sxy / sxx;
        return new LinearFit(my - slope * mx, slope, points);
    }

    public double At(double x) => Intercept + Slope * x;

    /// <summary>(model - measured) / measured at each point, in point order.</summary>
    public IReadOnlyList<double> RelativeErrors => [.. Points.Select(p => (At(p.X) - p.Y) / p.Y)];

    /// <summary>The largest |relative error| over the points.</summary>
    public double MaxRelativeError => RelativeErrors.Max(Math.Abs);
}
