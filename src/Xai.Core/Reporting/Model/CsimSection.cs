using Newtonsoft.Json;

namespace Xai.Reporting.Model;

/// <summary>report.json's <c>csim</c>: the bit-accurate C simulation of the project's images, with fidelity against float.</summary>
public sealed record CsimSection
{
    public required int Images { get; init; }

    /// <summary>Share of labelled images whose predicted class is the label; null without labels.</summary>
    public required double? Accuracy { get; init; }

    public required int LabeledImages { get; init; }

    /// <summary>XaiTargetClass; null: each image explains its predicted class.</summary>
    public required int? TargetClass { get; init; }

    /// <summary>Wall time per image of the whole run: every method in the float, planned and paper formats.</summary>
    public required double? SecondsPerImage { get; init; }

    /// <summary>Method → wall time per image of its explanation in the planned formats (all its passes).</summary>
    public required Dictionary<string, double?> PlannedSecondsPerImage { get; init; }

    /// <summary>Method → planned formats against float.</summary>
    public required Dictionary<string, FidelitySummary> Fidelity { get; init; }

    /// <summary>Method → the paper's <c>ap_fixed&lt;16,8&gt;</c> against float.</summary>
    public required Dictionary<string, FidelitySummary> FidelityPaper { get; init; }

    public required List<CsimImage> PerImage { get; init; }

    /// <summary>Present only when the project computes Integrated Gradients.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public CompletenessSummary? Completeness { get; init; }

    /// <summary>Deletion and insertion curves per method; absent with XaiFaithfulnessSteps = 0.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public FaithfulnessSummary? Faithfulness { get; init; }

    /// <summary>Present only with XaiFidelityImages &gt; 0 and the dataset installed.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public DatasetFidelity? FidelityTestSet { get; init; }
}
