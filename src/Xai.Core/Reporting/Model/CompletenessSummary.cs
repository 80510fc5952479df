namespace Xai.Reporting.Model;

/// <summary>
/// Integrated Gradients' completeness gap on the project's images, |Σ R − (F_c(x) − F_c(x'))| / |F_c(x) − F_c(x')|,
/// x' the baseline: in float it is the Riemann sum's error (XaiIgSteps), in the planned formats that and the rounding.
/// </summary>
public sealed record CompletenessSummary
{
    public required int Images { get; init; }

    /// <summary>x': <c>zeros</c>, or the file name of XaiIgBaseline's image.</summary>
    public required string Baseline { get; init; }
    public required double? FloatMedian { get; init; }
    public required double? FloatMax { get; init; }
    public required double? PlannedMedian { get; init; }
    public required double? PlannedMax { get; init; }
}
