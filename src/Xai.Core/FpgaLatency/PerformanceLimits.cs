namespace Xai.FpgaLatency;

/// <summary>
/// What no design on the board can beat for the work a configuration does (issue 10, point 3),
/// both for FP+BP at the design's clock:
/// <list type="bullet">
/// <item>compute: every DSP slice of the board doing one 16-bit MAC per cycle on the pass's MACs;</item>
/// <item>DRAM: the 16-bit elements the design moves, at the PS slave port's full width (64 bit on
/// the Zynq-7000 HP ports, 128 bit on the Zynq UltraScale+ HP ports) every cycle, no latency.</item>
/// </list>
/// </summary>
/// <param name="ComputeMs">FP+BP MACs / (board DSPs x clock).</param>
/// <param name="DramMs">FP+BP DRAM bytes / (port bytes per cycle x clock).</param>
/// <param name="Bound">The larger of the two limits, the one that binds: "dram" or "compute".</param>
/// <param name="FromBound">Modelled FP+BP latency over that limit: how far the design is from it (1 = on it).</param>
public sealed record PerformanceLimits(double ComputeMs, double DramMs, string Bound, double FromBound)
{
    /// <summary>The binding limit's milliseconds: the larger of the two.</summary>
    public double BindingMs => Math.Max(ComputeMs, DramMs);
}
