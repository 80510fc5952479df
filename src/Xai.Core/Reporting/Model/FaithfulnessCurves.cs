namespace Xai.Reporting.Model;

/// <summary>
/// One ranking's deletion and insertion curves, averaged over the project's images: the explained class's
/// logit (real units, planned formats) after removing or revealing each tenth (or XaiFaithfulnessSteps-th)
/// of the pixels, and the area under each curve (its mean height over the fraction 0 to 1).
/// </summary>
public sealed record FaithfulnessCurves
{
    /// <summary>Mean area under the deletion curve: lower means the ranking found what the network depends on.</summary>
    public required double? DeletionArea { get; init; }

    /// <summary>Mean area under the insertion curve: higher is better.</summary>
    public required double? InsertionArea { get; init; }

    /// <summary>Mean logit at fraction k / steps removed, k = 0 .. steps.</summary>
    public required List<double?> Deletion { get; init; }

    /// <summary>Mean logit at fraction k / steps revealed on the zero baseline, k = 0 .. steps.</summary>
    public required List<double?> Insertion { get; init; }
}
