using Xai.Attribution;

namespace Xai.Fidelity;

/// <summary>
/// How closely a fixed-point run follows the float run: top-1 agreement of the predictions and
/// Spearman rank correlation of the relevance maps (|R| or signed R: <see cref="RelevanceReading.ComparedAsMagnitude"/>).
/// </summary>
public sealed class FidelityMeasurement(AttributionMethod method)
{
    private readonly List<double> _rho = [];
    private int _agree;

    public AttributionMethod Method { get; } = method;

    public int Images => _rho.Count;

    public void Add(float[] floatLogits, float[] fixedLogits, float[] floatRelevance, float[] fixedRelevance)
    {
        if (ArgMax(floatLogits) == ArgMax(fixedLogits))
        {
            _agree++;
        }

        _rho.Add(Rho(Method, floatRelevance, fixedRelevance));
    }

    /// <summary>Spearman ρ of two maps of <paramref name="method"/> as fidelity reads them (<see cref="RelevanceReading.ComparedAsMagnitude"/>).</summary>
    public static double Rho(AttributionMethod method, float[] a, float[] b) =>
        RelevanceReading.ComparedAsMagnitude(method)
            ? SpearmanCorrelation.Compute(Abs(a), Abs(b))
            : SpearmanCorrelation.Compute(a, b);

    /// <summary>ρ of the image added last.</summary>
    public double LastRho => _rho.Count == 0 ? double.NaN : _rho[^1];

    public double Top1Agreement => Images == 0 ? double.NaN : (double)_agree / Images;

    public DistributionSummary Spearman => DistributionSummary.Of(_rho);

    public static int ArgMax(float[] v)
    {
        var best = 0;
        for (var i = 1; i < v.Length; i++)
        {
            if (v[i] > v[best])
            {
                best = i;
            }
        }

        return best;
    }

    private static float[] Abs(float[] v) => v.Select(Math.Abs).ToArray();
}
