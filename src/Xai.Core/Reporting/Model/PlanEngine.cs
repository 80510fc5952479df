namespace Xai.Reporting.Model;

/// <summary>The accelerator's configuration: MAC arrays, tiles, clock.</summary>
public sealed record PlanEngine
{
    /// <summary><c>N_OHxN_OW</c>, e.g. <c>4x4</c>.</summary>
    public required string ConvParallelism { get; init; }

    public required ConvTile ConvTile { get; init; }

    public required int FcTile { get; init; }

    /// <summary>The conv engine's loads overlap its core (<c>XaiDoubleBuffer</c>; twice the input and weight tiles).</summary>
    public required bool DoubleBuffer { get; init; }

    /// <summary>Weights the dense engine reads per cycle: 1, or the packed weight port's beat (<c>XaiPackDenseWeights</c>).</summary>
    public required int DenseWeightBeat { get; init; }

    public required double ClockMHz { get; init; }

    /// <summary>DSP slices the MAC arrays need (one per parallel MAC).</summary>
    public required int DspEstimate { get; init; }
}
