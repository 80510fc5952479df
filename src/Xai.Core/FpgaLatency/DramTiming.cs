using static Xai.FpgaLatency.CycleModelAssumptions;

namespace Xai.FpgaLatency;

/// <summary>
/// What a DRAM loop costs the cycle model beyond its trips, in PL clock cycles: elements per loop
/// iteration, the read latency a read loop pays once and the write response a write loop waits for.
/// The DDR round trip is a time (<see cref="CycleModelAssumptions.AxiLatencyNs"/>), so a faster PL
/// clock waits more cycles for it; at 100 MHz it is hls-lib's constants (<c>engine_cycles.h</c>).
/// </summary>
/// <param name="ElementsPerBeat">16-bit elements per iteration of a DRAM loop (1 as hls-lib's ports are written).</param>
/// <param name="ReadLatency">Cycles from a read burst's request to its first beat.</param>
/// <param name="WriteLatency">Cycles from a write burst's last beat to its response.</param>
public readonly record struct DramTiming(int ElementsPerBeat, int ReadLatency, int WriteLatency)
{
    /// <summary>hls-lib's ports as written at Table IV's 100 MHz: its C++ model's constants.</summary>
    public static DramTiming AsWritten { get; } = new(ElementsPerBeatAsWritten, AxiReadLatency, AxiWriteLatency);

    /// <summary>The ports as written at a PL clock of <paramref name="clockMHz"/>: the round trip in that clock's cycles, rounded up.</summary>
    public static DramTiming At(double clockMHz)
    {
        var cycles = (int)Math.Ceiling(AxiLatencyNs * clockMHz / 1000.0 - 1e-9);
        return new DramTiming(ElementsPerBeatAsWritten, cycles, cycles);
    }
}
