namespace Xai.FpgaLatency;

/// <summary>
/// One pass of one layer (or of network_run's copies) as hls-lib's cycle model counts it
/// (<c>xai::cycle_model::cycle_count</c>): trip counts of the loops, in elements, then cycles split
/// into compute (the core MAC loop), memory (DRAM loops) and setup (on-chip loops and loop control),
/// less the loads a double-buffered conv engine hides beside its compute (overlapped).
/// </summary>
public sealed class CycleCount
{
    public long Bias { get; set; }
    public long Input { get; set; }
    public long Pooled { get; set; }
    public long Unpool { get; set; }

    /// <summary>Iterations of the pool unit's window scan (on chip).</summary>
    public long Window { get; set; }
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

    /// <summary>Cycles of loads hidden beside the previous step's compute (double buffering); already in Memory and Setup.</summary>
    public long Overlapped { get; set; }

    /// <summary>Cycles of the pass: compute, memory and setup, less what double buffering hides.</summary>
    public long Total => Compute + Memory + Setup - Overlapped;

    /// <summary>
    /// DRAM-loop cycles the pass waits for: Memory less the hidden loads (which also hold a few on-chip
    /// cycles, clear and unpool, so this slightly understates the wait of a double-buffered design).
    /// </summary>
    public long ExposedMemory => Math.Max(0, Memory - Overlapped);

    /// <summary>16-bit elements moved between DRAM and the chip.</summary>
    public long DramElements => Bias + Input + Pooled + Weights + Store + Copies;

    public void Add(CycleCount b)
    {
        Bias += b.Bias; Input += b.Input; Pooled += b.Pooled; Unpool += b.Unpool; Window += b.Window; Weights += b.Weights;
        Store += b.Store; Copies += b.Copies; Clear += b.Clear; Init += b.Init; Core += b.Core;
        CoreCalls += b.CoreCalls; DramLoops += b.DramLoops; Control += b.Control; Macs += b.Macs;
        Compute += b.Compute; Memory += b.Memory; Setup += b.Setup; Overlapped += b.Overlapped;
        // Lanes: per layer, not summed
    }
}
