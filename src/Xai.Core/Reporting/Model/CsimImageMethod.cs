namespace Xai.Reporting.Model;

/// <summary>One method's outputs for one image (paths relative to the output directory).</summary>
public sealed record CsimImageMethod
{
    /// <summary>float32 <c>[C,H,W]</c> .npy in real units.</summary>
    public required string Relevance { get; init; }

    public required string Heatmap { get; init; }

    /// <summary>The heatmap alone, RGBA (alpha = normalised relevance), for laying over the input at any opacity.</summary>
    public required string Layer { get; init; }

    public required int ExplainedClass { get; init; }

    /// <summary>Spearman ρ of this map against float's; null when undefined (a constant map).</summary>
    public required double? SpearmanVsFloat { get; init; }

    /// <summary>Integrated Gradients only: the planned design's completeness gap (<see cref="CompletenessSummary"/>).</summary>
    [Newtonsoft.Json.JsonProperty(NullValueHandling = Newtonsoft.Json.NullValueHandling.Ignore)]
    public double? CompletenessGap { get; init; }

    /// <summary>Area under this image's deletion curve (<see cref="FaithfulnessSummary"/>); null when XaiFaithfulnessSteps is 0.</summary>
    [Newtonsoft.Json.JsonProperty(NullValueHandling = Newtonsoft.Json.NullValueHandling.Ignore)]
    public double? DeletionArea { get; init; }

    /// <summary>Area under this image's insertion curve; null when XaiFaithfulnessSteps is 0.</summary>
    [Newtonsoft.Json.JsonProperty(NullValueHandling = Newtonsoft.Json.NullValueHandling.Ignore)]
    public double? InsertionArea { get; init; }
}
