using Xai.FpgaLatency;
using Xai.FpgaResources;

namespace Xai.DesignSpace;

/// <summary>One configuration of the engines (<paramref name="Shape"/>), with what the resource and latency models say of it on a board.</summary>
public sealed record DesignCandidate(
    EngineShape Shape,
    double ClockMHz,
    ResourceEstimate Resources,
    LatencyEstimate Latency,
    IReadOnlyList<ResourceFit.Overflow> Overflows)
{
    public int NOh => Shape.NOh;

    public int NOw => Shape.NOw;

    public int FcTile => Shape.FcTile;

    /// <summary>The conv engine's loads overlap its core (<c>XaiDoubleBuffer</c>).</summary>
    public bool DoubleBuffer => Shape.DoubleBuffer;

    /// <summary>Weights the dense engine reads per cycle: 1, or the packed port's beat.</summary>
    public int DenseWeightBeat => Shape.DenseWeightBeat;

    /// <summary>The dense engine reads its weights through the packed port (<c>XaiPackDenseWeights</c>).</summary>
    public bool PackDenseWeights => DenseWeightBeat > 1;

    public string ConvParallelism => $"{NOh}x{NOw}";

    /// <summary>
    /// FP+BP milliseconds of the core MAC loops as the model counts them (every iteration of the engines' core loops,
    /// lanes past a map's edge and pipeline fill included): the floor under this configuration's latency at its clock,
    /// whatever its ports and overlap do.
    /// </summary>
    public double MacLoopsMs => Latency.Milliseconds(Latency.Forward.Compute + Latency.Backward.Compute);

    public bool Fits => Overflows.Count == 0;

    /// <summary>Where the build's multi-pass methods keep their pass input and sums in this configuration (XaiPassSums resolved); null without one.</summary>
    public Attribution.PassSumsPlacement? PassSums { get; init; }

    /// <summary>The engines without the clock, e.g. <c>4x8-fc16-db-pw</c>.</summary>
    public string Configuration => $"{NOh}x{NOw}-fc{FcTile}{(DoubleBuffer ? "-db" : "")}{(PackDenseWeights ? "-pw" : "")}";

    /// <summary>
    /// A short name for files and sibling builds, e.g. <c>4x8-fc16-100mhz</c> (<c>4x8-fc16-db-100mhz</c> double-buffered,
    /// <c>4x8-fc16-pw-100mhz</c> with packed dense weights).
    /// </summary>
    public string Name => $"{Configuration}-{ClockMHz.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)}mhz";

    /// <summary>Whether this one is at least as good on both axes of the exploration (FP+BP latency, LUTs) and better on one.</summary>
    public bool Dominates(DesignCandidate other) =>
        Latency.FpBpMs <= other.Latency.FpBpMs && Resources.Lut <= other.Resources.Lut
        && (Latency.FpBpMs < other.Latency.FpBpMs || Resources.Lut < other.Resources.Lut);
}
