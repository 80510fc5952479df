using Newtonsoft.Json;

namespace Xai.Reporting.Model;

/// <summary>Per resource, FP against FP+BP; a resource only when both reports give it.</summary>
public sealed record ResourceOverhead
{
    /// <summary>The flow stage both counts come from, e.g. <c>hls-estimate</c>.</summary>
    public required string Basis { get; init; }

    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public OverheadFigure? Lut { get; init; }

    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public OverheadFigure? Ff { get; init; }

    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public OverheadFigure? Bram18k { get; init; }

    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public OverheadFigure? Dsp { get; init; }

    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public OverheadFigure? Uram { get; init; }
}
