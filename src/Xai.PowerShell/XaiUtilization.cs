using Xai.Amd.Reports;
using Xai.Boards;

namespace Xai.PowerShell;

/// <summary>
/// Resources, latency and timing of one accelerator variant (FP+BP = xai_top, FP = xai_top_fp), as
/// the vendor reports give them. Percentages are of the board's resources (boards/*.json) when the
/// board is known, else of what the report says the device offers.
/// </summary>
public sealed class XaiUtilization
{
    /// <summary><c>FP+BP</c>, <c>FP</c>, or the report's top module for reports of another design.</summary>
    public required string Variant { get; init; }

    public string? TopModule { get; init; }

    public string? Part { get; init; }

    /// <summary>The board the percentages refer to; null when they refer to the report's own device totals.</summary>
    public string? Board { get; init; }

    /// <summary>The stage that counted the resources: hls-estimate, hls-export-*, vivado-placed, …</summary>
    public string? ResourceStage { get; init; }

    public long? Lut { get; init; }
    public double? LutPercent { get; init; }
    public long? Ff { get; init; }
    public double? FfPercent { get; init; }
    public long? Bram18K { get; init; }
    public double? Bram18KPercent { get; init; }
    public long? Uram { get; init; }
    public double? UramPercent { get; init; }
    public long? Dsp { get; init; }
    public double? DspPercent { get; init; }

    /// <summary>Worst-case latency of one image in cycles.</summary>
    public long? LatencyCycles { get; init; }

    /// <summary>Worst-case latency of one image in ms at <see cref="ClockPeriodNs"/>.</summary>
    public double? LatencyMs { get; init; }

    /// <summary><c>cosim</c> (measured in RTL simulation) or <c>csynth</c> (scheduler estimate).</summary>
    public string? LatencyBasis { get; init; }

    public double? ClockPeriodNs { get; init; }

    /// <summary>Worst negative setup slack in ns (negative: timing fails).</summary>
    public double? WnsNs { get; init; }

    public bool? TimingMet { get; init; }

    /// <summary>False when the build flagged these reports as another design's (top or part differ).</summary>
    public bool MatchesDesign { get; init; } = true;

    /// <summary>The report files the figures were read from.</summary>
    public required string[] Files { get; init; }

    /// <summary>The full normalized report (every value with its source file and field).</summary>
    public required HardwareReport Report { get; init; }

    internal static XaiUtilization From(string variant, HardwareReport report, Board? board, bool matchesDesign)
    {
        var used = report.Resources?.Used;
        var available = board is null ? report.Resources?.Available : new ResourceCounts(board.Resources.Luts, board.Resources.FlipFlops, board.Resources.Bram18K, board.Resources.Dsp, board.Resources.Uram);
        return new XaiUtilization
        {
            Variant = variant,
            TopModule = report.TopModule,
            Part = report.Part,
            Board = board?.Id,
            ResourceStage = report.Resources?.Stage,
            Lut = used?.Lut,
            LutPercent = Percent(used?.Lut, available?.Lut),
            Ff = used?.Ff,
            FfPercent = Percent(used?.Ff, available?.Ff),
            Bram18K = used?.Bram18K,
            Bram18KPercent = Percent(used?.Bram18K, available?.Bram18K),
            Uram = used?.Uram,
            UramPercent = Percent(used?.Uram, available?.Uram),
            Dsp = used?.Dsp,
            DspPercent = Percent(used?.Dsp, available?.Dsp),
            LatencyCycles = report.Latency?.MaxCycles,
            LatencyMs = report.Latency?.MaxMs,
            LatencyBasis = report.Latency?.Basis,
            ClockPeriodNs = report.Latency?.ClockPeriodNs ?? report.Clock?.AchievedPeriodNs ?? report.Clock?.EstimatedPeriodNs,
            WnsNs = report.Timing?.WnsNs,
            TimingMet = report.Timing?.Met,
            MatchesDesign = matchesDesign,
            Files = report.Files.Select(f => f.Path).ToArray(),
            Report = report,
        };
    }

    private static double? Percent(long? used, long? available) =>
        used is { } u && available is { } a && a > 0 ? Math.Round(100.0 * u / a, 2) : null;
}
