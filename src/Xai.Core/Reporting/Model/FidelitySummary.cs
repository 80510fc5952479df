namespace Xai.Reporting.Model;

/// <summary>How closely one fixed-point profile follows float for one method, over a set of images.</summary>
public sealed record FidelitySummary
{
    public required int Images { get; init; }

    /// <summary>Share of images whose predicted class equals float's; null when undefined.</summary>
    public required double? Top1Agreement { get; init; }

    public required double? SpearmanMedian { get; init; }

    public required double? SpearmanP10 { get; init; }

    public required double? SpearmanMin { get; init; }

    /// <summary>Images whose ρ is undefined (a constant map), left out of the figures above.</summary>
    public required int SpearmanUndefined { get; init; }
}
