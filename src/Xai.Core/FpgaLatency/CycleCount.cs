namespace Xai.FpgaLatency;

/// <summary>
/// One pass of one layer (or of network_run's copies) as hls-lib's cycle model counts it
/// (<c>xai::cycle_model::cycle_count</c>): trip counts of the loops, in elements, then cycles split
/// into compute (the core MAC loop), memory (DRAM loops) and setup (on-chip loops and loop control).
/// </summary>
public sealed class CycleCount
{
    public long Bias { get; set; }
    public long Input { get; set; }
    public long Pooled { get; set; }
    public long Unpool { get; set; }
    public long Weights { get; set; }
    public long Store { get; set; }
    public long Copies { get; set; }
    public long Clear { get; set; }
    public long Init { get; set; }
    public long Core { get; set; }
    public long CoreCalls { get; set; }

    /// <summary>DRAM loops entered with at least one element (bursts).</summary>
    public long DramLoops { get; set; }

    /// <summary>Iterations of the loops that are not pipelined.</summary>
    public long Control { get; set; }

    /// <summary>Useful MACs (padding excluded).</summary>
    public long Macs { get; set; }

    /// <summary>Multipliers of the engine that ran it (per layer; not summed).</summary>
    public long Lanes { get; set; }

    public long Compute { get; set; }
    public long Memory { get; set; }
    public long Setup { get; set; }

    public long Total => Compute + Memory + Setup;

    /// <summary>16-bit elements moved between DRAM and the chip.</summary>
    public long DramElements => Bias + Input + Pooled + Weights + Store + Copies;

    public void Add(CycleCount b)
    {
        Bias += b.Bias; Input += b.Input; Pooled += b.Pooled; Unpool += b.Unpool; Weights += b.Weights;
        Store += b.Store; Copies += b.Copies; Clear += b.Clear; Init += b.Init; Core += b.Core;
        CoreCalls += b.CoreCalls; DramLoops += b.DramLoops; Control += b.Control; Macs += b.Macs;
        Compute += b.Compute; Memory += b.Memory; Setup += b.Setup;
    }
}
