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

    /// <summary>
    /// The top's loops with fixed trip counts (network_run's copies) that the report's csynth schedule lists, the model's
    /// count beside csynth's; empty when it lists none. The layers' loops run on one engine whose trips csynth bounds by
    /// LOOP_TRIPCOUNT, so no report has a layer's loop to compare.
    /// </summary>
    public IReadOnlyList<LoopModelCheck> Loops { get; init; } = [];

    /// <summary>The check for one top's record, or null when the record does not describe this design or gives no latency.</summary>
    /// <param name="modelLoops">The model's figures for the top's fixed loops (<see cref="FpgaLatency.EngineCycleModel.NetworkIoLoops"/>).</param>
    public static LatencyModelCheck? Of(HardwareTopRecord? record, string top, long modelCycles, IReadOnlyList<FpgaLatency.ModelLoop>? modelLoops = null)
    {
        var latency = record is { MatchesDesign: true } ? record.Report?.Latency : null;
        // csynth's figures rest on the trip-count bounds, so its worst case is the one to compare; cosim measured the run.
        var reported = latency?.Basis == "csynth" ? latency.MaxCycles : latency?.AvgCycles ?? latency?.MaxCycles;
        if (reported is not { } cycles || cycles <= 0) return null;
        return new LatencyModelCheck
        {
            Top = top,
            Basis = latency!.Basis,
            ReportCycles = cycles,
            ModelCycles = modelCycles,
            Error = (double)modelCycles / cycles - 1,
            Loops = LoopModelCheck.Of(modelLoops ?? [], record!.Report!.Loops),
        };
    }
}
