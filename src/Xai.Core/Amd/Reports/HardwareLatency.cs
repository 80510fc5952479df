namespace Xai.Amd.Reports;

/// <summary>
/// Latency of one run of the top function, in cycles and in milliseconds at
/// <see cref="ClockPeriodNs"/> (the achieved clock when an implementation report gave one, else the
/// csynth estimate).
/// </summary>
public sealed record HardwareLatency
{
    /// <summary><c>cosim</c> (measured in RTL simulation) or <c>csynth</c> (scheduler estimate).</summary>
    public required string Basis { get; init; }

    public long? MinCycles { get; init; }

    public long? AvgCycles { get; init; }

    public long? MaxCycles { get; init; }

    public double? MinMs { get; init; }

    public double? AvgMs { get; init; }

    public double? MaxMs { get; init; }

    /// <summary>Clock period used for the millisecond figures; null when none is known.</summary>
    public double? ClockPeriodNs { get; init; }

    /// <summary><c>achieved</c> or <c>estimated</c>.</summary>
    public string? ClockBasis { get; init; }
}
