namespace Xai.Reporting.Model;

/// <summary>
/// The planner's latency model against a vendor report's latency of the same top: how far the model
/// is from what csynth estimated or cosim measured. csynth bounds loops whose trip count depends on the
/// layer descriptors by their LOOP_TRIPCOUNT maxima, so only a cosim figure is a measurement.
/// </summary>
public sealed record LatencyModelCheck
{
    /// <summary><c>xai_top</c> (compared with the model's FP+BP) or <c>xai_top_fp</c> (with its FP).</summary>
    public required string Top { get; init; }
    /// <summary><c>cosim</c> or <c>csynth</c>, as the report gave the latency.</summary>
    public required string Basis { get; init; }
    /// <summary>The report's latency: csynth's worst case; cosim's average, else its maximum.</summary>
    public required long ReportCycles { get; init; }
    public required long ModelCycles { get; init; }
    /// <summary>ModelCycles / ReportCycles - 1.</summary>
    public required double Error { get; init; }

    /// <summary>The check for one top's record, or null when the record does not describe this design or gives no latency.</summary>
    public static LatencyModelCheck? Of(HardwareTopRecord? record, string top, long modelCycles)
    {
        var latency = record is { MatchesDesign: true } ? record.Report?.Latency : null;
        // csynth's figures rest on the trip-count bounds, so its worst case is the one to compare; cosim measured the run.
        var reported = latency?.Basis == "csynth" ? latency.MaxCycles : latency?.AvgCycles ?? latency?.MaxCycles;
        if (reported is not { } cycles || cycles <= 0) return null;
        return new LatencyModelCheck { Top = top, Basis = latency!.Basis, ReportCycles = cycles, ModelCycles = modelCycles, Error = (double)modelCycles / cycles - 1 };
    }
}
