using Newtonsoft.Json;

namespace Xai.Reporting.Model;

/// <summary>Latency of one run, FP against FP+BP; a figure only when both reports give it.</summary>
public sealed record LatencyOverhead
{
    /// <summary><c>cosim</c> or <c>csynth</c>, the same for both.</summary>
    public required string Basis { get; init; }

    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public OverheadFigure? MaxCycles { get; init; }

    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public OverheadFigure? AvgCycles { get; init; }

    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public OverheadFigure? MaxMs { get; init; }

    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public OverheadFigure? AvgMs { get; init; }
}
