using Newtonsoft.Json;
using Xai.Amd.Reports;
using Xai.FpgaLatency;

namespace Xai.Reporting.Model;

/// <summary>
/// One loop of the top as the cycle model counts it beside csynth's schedule of the same loop (matched by label).
/// The model's cycles include the loop's entry and its DRAM round trip (300 ns); csynth's loop latency is
/// (trips - 1) x II + its pipeline depth as scheduled with the project's m_axi latency setting.
/// </summary>
public sealed record LoopModelCheck
{
    /// <summary>The loop's label (e.g. <c>copy_image</c>).</summary>
    public required string Loop { get; init; }
    public required long ModelTrips { get; init; }
    /// <summary>csynth's trip count (its maximum when a range).</summary>
    public required long ReportTrips { get; init; }
    /// <summary>csynth's initiation interval, when the loop is pipelined (the model assumes 1).</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public long? ReportII { get; init; }
    public required long ModelCycles { get; init; }
    /// <summary>csynth's latency of the loop (its maximum when a range).</summary>
    public required long ReportCycles { get; init; }
    /// <summary>ModelCycles / ReportCycles - 1.</summary>
    public required double Error { get; init; }

    /// <summary>The checks of the model's loops that <paramref name="reportLoops"/> lists with known trips and latency.</summary>
    public static IReadOnlyList<LoopModelCheck> Of(IReadOnlyList<ModelLoop> modelLoops, IReadOnlyList<CsynthLoop>? reportLoops) =>
        [.. from m in modelLoops
            let r = reportLoops?.FirstOrDefault(l => l.Name == m.Name)
            where r is { TripCount.Max: > 0, Latency.Max: > 0 }
            select new LoopModelCheck
            {
                Loop = m.Name,
                ModelTrips = m.Trips,
                ReportTrips = r.TripCount.Max!.Value,
                ReportII = r.PipelineII,
                ModelCycles = m.Cycles,
                ReportCycles = r.Latency.Max!.Value,
                Error = (double)m.Cycles / r.Latency.Max!.Value - 1,
            }];
}
