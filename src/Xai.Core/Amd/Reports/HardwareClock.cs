namespace Xai.Amd.Reports;

/// <summary>Clock periods of the HLS top, in ns.</summary>
/// <param name="TargetPeriodNs">The period asked for (create_clock / clock=).</param>
/// <param name="EstimatedPeriodNs">The HLS scheduler's estimate.</param>
/// <param name="AchievedPeriodNs">What Vivado achieved in the export run (post-implementation, else post-synthesis).</param>
public sealed record HardwareClock(double? TargetPeriodNs, double? EstimatedPeriodNs, double? AchievedPeriodNs);
