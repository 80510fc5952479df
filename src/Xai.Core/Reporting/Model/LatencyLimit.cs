namespace Xai.Reporting.Model;

/// <summary>What no design on the board can beat for the FP+BP work of this configuration, at its clock.</summary>
public sealed record LatencyLimit
{
    /// <summary>Every DSP slice of the board doing one 16-bit MAC per cycle, ms.</summary>
    public required double ComputeMs { get; init; }
    /// <summary>The bytes the design moves at the PS slave port's full width every cycle, ms.</summary>
    public required double DramMs { get; init; }
    /// <summary>Modelled FP+BP latency over the larger limit, the one that binds (1 = on it).</summary>
    public required double FromBound { get; init; }
}
