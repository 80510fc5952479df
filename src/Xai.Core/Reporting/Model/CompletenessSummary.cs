namespace Xai.Reporting.Model;

/// <summary>
/// Integrated Gradients' completeness gap on the project's images, |Σ R − (F_c(x) − F_c(0))| / |F_c(x) − F_c(0)|:
/// in float it is the Riemann sum's error (XaiIgSteps), in the planned formats that and the rounding.
/// </summary>
public sealed record CompletenessSummary
{
    public required int Images { get; init; }
    public required double? FloatMedian { get; init; }
    public required double? FloatMax { get; init; }
    public required double? PlannedMedian { get; init; }
    public required double? PlannedMax { get; init; }
}
