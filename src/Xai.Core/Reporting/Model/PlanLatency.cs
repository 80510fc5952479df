namespace Xai.Reporting.Model;

/// <summary>
/// The planned accelerator's latency as the SDK's cycle model gives it (hls-lib's loop nests,
/// <c>xai/engine_cycles.h</c>), before any vendor tool ran: per pass and per layer at the design's
/// clock, the limits of the board beside it, and the paper's Table IV row for the board.
/// </summary>
public sealed record PlanLatency
{
    public required double ClockMHz { get; init; }
    /// <summary>Modelled forward pass (prediction), ms.</summary>
    public required double FpMs { get; init; }
    /// <summary>Modelled forward and backward pass (prediction and heatmap), ms.</summary>
    public required double FpbpMs { get; init; }
    public required long FpCycles { get; init; }
    public required long BpCycles { get; init; }
    /// <summary>Share of the FP+BP cycles spent waiting on DRAM loops (loads hidden beside the core by double buffering excluded).</summary>
    public required double MemoryShare { get; init; }
    /// <summary>"dram" or "compute": the larger of the board's two limits for this work, the one that binds (<see cref="MemoryShare"/> says where the design's own cycles go).</summary>
    public required string Bound { get; init; }
    public required LatencyLimit Limit { get; init; }
    public required List<LayerLatencyFigure> Layers { get; init; }
    /// <summary>Per method of the project: the network passes it runs, their modelled latency and the buffers it adds.</summary>
    public required List<MethodCost> Methods { get; init; }
    /// <summary>The paper's measured figures on this board (Table IV), when it has a row for it.</summary>
    public PaperLatency? Paper { get; init; }
    /// <summary>What the figures rest on, in a sentence.</summary>
    public required string Basis { get; init; }
}
