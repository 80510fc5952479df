using Xai.FpgaLatency;
using Xai.FpgaResources;

namespace Xai.DesignSpace;

/// <summary>One configuration of the engines (<paramref name="Shape"/>), with what the resource and latency models say of it on a board.</summary>
public sealed record DesignCandidate(
    int NOh,
    int NOw,
    int FcTile,
    bool DoubleBuffer,
    double ClockMHz,
    ResourceEstimate Resources,
    LatencyEstimate Latency,
    IReadOnlyList<ResourceFit.Overflow> Overflows,
    int DenseWeightBeat = 1,
    EngineShape? Shape = null)
{
    /// <summary>The dense engine reads its weights through the packed port (<c>XaiPackDenseWeights</c>).</summary>
    public bool PackDenseWeights => DenseWeightBeat > 1;

    public string ConvParallelism => $"{NOh}x{NOw}";

    public bool Fits => Overflows.Count == 0;

    /// <summary>
    /// A short name for files and sibling builds, e.g. <c>4x8-fc16-100mhz</c> (<c>4x8-fc16-db-100mhz</c> double-buffered,
    /// <c>4x8-fc16-pw-100mhz</c> with packed dense weights).
    /// </summary>
    public string Name => $"{NOh}x{NOw}-fc{FcTile}{(DoubleBuffer ? "-db" : "")}{(PackDenseWeights ? "-pw" : "")}-{ClockMHz.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)}mhz";

    /// <summary>Whether this one is at least as good on both axes of the exploration (FP+BP latency, LUTs) and better on one.</summary>
    public bool Dominates(DesignCandidate other) =>
        Latency.FpBpMs <= other.Latency.FpBpMs && Resources.Lut <= other.Resources.Lut
        && (Latency.FpBpMs < other.Latency.FpBpMs || Resources.Lut < other.Resources.Lut);
}
