namespace Xai.FpgaLatency;

/// <summary>The modelled latency of one configuration at its clock: per layer, per pass, and the limits beside it.</summary>
public sealed record LatencyEstimate(
    double ClockMHz,
    IReadOnlyList<LayerLatency> Layers,
    CycleCount Forward,
    CycleCount Backward,
    PerformanceLimits Limits)
{
    public long ForwardCycles => Forward.Total;

    public long ForwardBackwardCycles => Forward.Total + Backward.Total;

    public double FpMs => Milliseconds(ForwardCycles);

    public double FpBpMs => Milliseconds(ForwardBackwardCycles);

    /// <summary>Share of the FP+BP cycles spent in DRAM loops, less the load cycles hidden beside the core (double buffering).</summary>
    public double MemoryShare => ForwardBackwardCycles == 0 ? 0 : (double)(Forward.ExposedMemory + Backward.ExposedMemory) / ForwardBackwardCycles;

    public double Milliseconds(long cycles) => cycles / (ClockMHz * 1000.0);
}
