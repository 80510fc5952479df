namespace Xai.Reporting.Model;

/// <summary>One layer's modelled cycles in each pass.</summary>
public sealed record LayerLatencyFigure
{
    public required string Name { get; init; }
    /// <summary>"conv", "dense" or "pool": the engine (or the pool unit) that runs it.</summary>
    public required string Kind { get; init; }
    public required long FpCycles { get; init; }
    public required long BpCycles { get; init; }
    /// <summary>Share of its FP+BP cycles spent waiting on DRAM loops (loads hidden beside the core by double buffering excluded).</summary>
    public required double MemoryShare { get; init; }
    /// <summary>Useful MACs over (the engine's multipliers x its FP+BP cycles).</summary>
    public required double MacUtilisation { get; init; }
}
