namespace Xai.Reporting.Model;

/// <summary>
/// report.json's <c>hardware</c>: the normalized report of each top the vendor stages built
/// (<c>fpbp</c>: xai_top; <c>fp</c>: xai_top_fp), the tools that made them and, when both describe
/// this design on the same basis, what BP adds over FP.
/// </summary>
public sealed record HardwareSection
{
    public const string NoticeText =
        "Every figure here was read from a vendor tool's own report file (files/sources name them); the SDK estimates none. " +
        "matchesDesign=false marks reports whose top function or part is not this design's.";

    public string Notice { get; init; } = NoticeText;

    /// <summary>The attribution method the synthesized top computes.</summary>
    public required string Method { get; init; }

    /// <summary>The number-format profile of that method (e.g. <c>planned-Saliency</c>).</summary>
    public required string NumericsProfile { get; init; }

    /// <summary>The vendor stages that ran in this build.</summary>
    public required List<string> StagesRun { get; init; }

    /// <summary>The tools found; null when they were never located.</summary>
    public required VendorTools? Tools { get; init; }

    /// <summary>xai_top (forward and backward pass).</summary>
    public required HardwareTopRecord? Fpbp { get; init; }

    /// <summary>xai_top_fp (forward pass only), with XaiBuildInferenceVariant.</summary>
    public required HardwareTopRecord? Fp { get; init; }

    public required BpOverhead? BpOverhead { get; init; }

    /// <summary>The planner's latency model against each top's reported latency (empty when no report gives one).</summary>
    public List<LatencyModelCheck> LatencyModel { get; init; } = [];
}
