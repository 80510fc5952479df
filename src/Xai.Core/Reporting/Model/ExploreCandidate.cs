namespace Xai.Reporting.Model;

/// <summary>One configuration of the exploration with its modelled latency, resources and limits.</summary>
public sealed record ExploreCandidate
{
    /// <summary>e.g. <c>4x8-fc16-100mhz</c>: the sibling build's folder when it is built.</summary>
    public required string Name { get; init; }
    public required string ConvParallelism { get; init; }
    public required int FcTile { get; init; }
    /// <summary>The conv engine's loads overlap its core (<c>XaiDoubleBuffer</c>).</summary>
    public required bool DoubleBuffer { get; init; }
    /// <summary>Weights the dense engine reads per cycle: 1, or the packed port's beat (<c>XaiPackDenseWeights</c>).</summary>
    public required int DenseWeightBeat { get; init; }
    /// <summary>Where the multi-pass methods keep their pass input and sums in this configuration (XaiPassSums resolved for it); null without one.</summary>
    public required string? PassSums { get; init; }
    public required double ClockMHz { get; init; }
    public required double FpMs { get; init; }
    public required double FpbpMs { get; init; }
    public required int Dsp { get; init; }
    public required int Bram18k { get; init; }
    public required int Lut { get; init; }
    public required int Ff { get; init; }
    /// <summary>"dram" or "compute": the larger of the board's limits for this configuration's work.</summary>
    public required string Bound { get; init; }
    /// <summary>FP+BP ms of the core MAC loops as the model counts them (edge tiles and pipeline fill included): the floor under its latency at its clock.</summary>
    public required double MacLoopsMs { get; init; }
    public required double ComputeLimitMs { get; init; }
    public required double DramLimitMs { get; init; }
    /// <summary>FP+BP latency over that limit.</summary>
    public required double FromBound { get; init; }
}
