using Xai.Attribution;
using Xai.Simulation;

namespace Xai.Fidelity;

/// <summary>
/// Fidelity against float of both fixed-point profiles the C simulation runs: the planned
/// formats and the paper's single format, one <see cref="FidelityMeasurement"/> per method each;
/// and, when the run wrote it, float on the rounded input against float (<see cref="RoundedInput"/>).
/// </summary>
public sealed class ProfileFidelity(IReadOnlyList<AttributionMethod> methods)
{
    public IReadOnlyDictionary<AttributionMethod, FidelityMeasurement> Planned { get; } = methods.ToDictionary(m => m, m => new FidelityMeasurement(m));

    public IReadOnlyDictionary<AttributionMethod, FidelityMeasurement> Paper { get; } = methods.ToDictionary(m => m, m => new FidelityMeasurement(m));

    /// <summary>
    /// Float's map of the image as the planned formats store it against float's map of the image: the move the
    /// input's rounding alone makes, a reference for reading the planned figures (empty unless the run wrote it).
    /// </summary>
    public IReadOnlyDictionary<AttributionMethod, FidelityMeasurement> RoundedInput { get; } = methods.ToDictionary(m => m, m => new FidelityMeasurement(m));

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
            if (results.TryGetValue((image, NumericsProfile.FloatRoundedInput, method), out var r))
            {
                RoundedInput[method].Add(f.Logits, r.Logits, f.Relevance, r.Relevance);
            }
        }
    }
}
