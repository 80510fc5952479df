using Newtonsoft.Json;
using Xai.Amd.Reports;

namespace Xai.Reporting.Model;

/// <summary>What the vendor stages learnt about one top: the normalized report of its files, and whether it is this design's.</summary>
public sealed record HardwareTopRecord
{
    /// <summary>The top function the SDK asked for.</summary>
    public required string Top { get; init; }

    /// <summary>The last vendor stage that refreshed this record.</summary>
    public required string Stage { get; init; }

    /// <summary>The tool and flow that ran, e.g. <c>vitis_hls 2023.2, classic flow</c>.</summary>
    public required string ProducedBy { get; init; }

    public required List<string> CollectedFrom { get; init; }

    /// <summary>False when the reports name another top or part, or could not be read.</summary>
    public required bool MatchesDesign { get; init; }

    /// <summary>How the reports differ from this design, when they do.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public string? Mismatch { get; init; }

    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public HardwareReport? Report { get; init; }

    /// <summary>Why the reports could not be read (<c>XAInnnn: message</c>).</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public string? Error { get; init; }
}
