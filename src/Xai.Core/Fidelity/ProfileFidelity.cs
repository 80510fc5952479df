using Xai.Attribution;
using Xai.Simulation;

namespace Xai.Fidelity;

/// <summary>
/// Fidelity against float of both fixed-point profiles the C simulation runs: the planned
/// formats and the paper's single format, one <see cref="FidelityMeasurement"/> per method each.
/// </summary>
public sealed class ProfileFidelity(IReadOnlyList<AttributionMethod> methods)
{
    public IReadOnlyDictionary<AttributionMethod, FidelityMeasurement> Planned { get; } = methods.ToDictionary(m => m, m => new FidelityMeasurement(m));

    public IReadOnlyDictionary<AttributionMethod, FidelityMeasurement> Paper { get; } = methods.ToDictionary(m => m, m => new FidelityMeasurement(m));

    /// <summary>Adds image <paramref name="image"/> of a simulation run, for every method.</summary>
    public void Add(IReadOnlyDictionary<(int Image, NumericsProfile Profile, AttributionMethod Method), CSimOutput> results, int image)
    {
        foreach (var (method, planned) in Planned)
        {
            var f = results[(image, NumericsProfile.Float, method)];
            var p = results[(image, NumericsProfile.Planned, method)];
            var q = results[(image, NumericsProfile.Paper, method)];
            planned.Add(f.Logits, p.Logits, f.Relevance, p.Relevance);
            Paper[method].Add(f.Logits, q.Logits, f.Relevance, q.Relevance);
        }
    }
}
