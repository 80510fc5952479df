namespace Xai.FpgaLatency;

/// <summary>
/// The assumptions of hls-lib's cycle model (<c>hls-lib/include/xai/engine_cycles.h</c>), in PL clock
/// cycles, with the same names and values: none comes from a vendor report. One set for every board;
/// a test compiles the C++ model and checks that both give the same counts.
/// </summary>
public static class CycleModelAssumptions
{
    /// <summary>conv_engine_core's pipeline: address (1), banked BRAM read (2), (kh, kw) mux (1), DSP48 with M and P registers (3), accumulate (1).</summary>
    public const int ConvCoreDepth = 8;

    /// <summary>dense_engine_core's pipeline: BRAM reads (2), DSP48 (3), accumulate (1).</summary>
    public const int DenseCoreDepth = 6;

    /// <summary>An on-chip loop (clear_input, init_acc, unpool, argmax): BRAM read (2) and write (1).</summary>
    public const int OnChipLoopDepth = 3;

    /// <summary>A DRAM read loop after its first beat: word conversion (1) and buffer write (1).</summary>
    public const int ReadLoopDepth = 2;

    /// <summary>A store loop: accumulator read (2), rescale / ReLU / pool compare (1), write (1).</summary>
    public const int StoreLoopDepth = 4;

    /// <summary>FSM cycles to enter and leave one pipelined loop.</summary>
    public const int PipelinedLoopEntry = 2;

    /// <summary>FSM cycles per iteration of a loop that is not pipelined.</summary>
    public const int OuterLoopIteration = 1;

    /// <summary>
    /// The DDR round trip through the PS's HP port, in ns (order of magnitude; not measured): <see cref="AxiReadLatency"/>
    /// and <see cref="AxiWriteLatency"/> at 100 MHz, and what <see cref="DramTiming.At"/> converts to any other clock's cycles.
    /// </summary>
    public const double AxiLatencyNs = 300;

    /// <summary>Request to first beat of a read burst through the PS's HP port at 100 MHz (order of a DDR round trip; not measured).</summary>
    public const int AxiReadLatency = 30;

    /// <summary>Last beat to write response, which an HLS write loop waits for.</summary>
    public const int AxiWriteLatency = 30;

    /// <summary>Cycles per iteration of a DATAFLOW step loop for the processes' start/done handshake (ap_ctrl_chain). Assumption.</summary>
    public const int DataflowStepHandshake = 2;

    /// <summary>DRAM elements per beat as hls-lib's ports are written: one 16-bit element per loop iteration.</summary>
    public const int ElementsPerBeatAsWritten = 1;

    /// <summary>One sentence for reports: what the figures rest on.</summary>
    public static string Summary =>
        $"Modelled from hls-lib's loop nests (xai/engine_cycles.h): loads, core and stores one after another " +
        $"(double-buffered: a conv step's loads beside the previous step's compute, {DataflowStepHandshake} cycles of handshake per step), II 1, " +
        $"core depth {ConvCoreDepth} (dense {DenseCoreDepth}), {PipelinedLoopEntry} cycles per pipelined-loop entry, " +
        $"{OuterLoopIteration} per outer-loop iteration, AXI read latency {AxiReadLatency} per read loop, write response {AxiWriteLatency} " +
        $"(at 100 MHz; a DDR round trip of {AxiLatencyNs:0} ns, so more cycles at a faster clock), " +
        $"{ElementsPerBeatAsWritten} 16-bit element per DRAM beat. No vendor tool has confirmed these cycles.";
}
