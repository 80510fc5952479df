namespace Xai.Reporting.Model;

/// <summary>
/// report.json's <c>sanityCheck</c> (<c>dotnet build -t:SanityCheck</c>): the model-randomization check of
/// Adebayo et al. (2018). The top layers' weights are randomized one more layer at a time, and each method's
/// map on the project's images is compared, by Spearman ρ, with its map on the trained model. A map that stays
/// close (ρ near 1) while the model it explains is destroyed does not depend on what the model learned.
/// </summary>
public sealed record SanityCheckSection
{
    public required int Images { get; init; }

    /// <summary>How a layer is randomized.</summary>
    public required string Randomization { get; init; }

    /// <summary>One row per cascade step: the top one layer randomized, then two, ..., then all.</summary>
    public required List<SanityCheckStep> Steps { get; init; }
}

/// <summary>One step of the cascade.</summary>
public sealed record SanityCheckStep
{
    /// <summary>The lowest layer randomized in this step (every layer above it is too).</summary>
    public required string From { get; init; }

    public required int RandomizedLayers { get; init; }

    /// <summary>Method → median ρ over the images between the map on this model and on the trained one.</summary>
    public required Dictionary<string, SanityCheckFigure> Methods { get; init; }
}

/// <summary>Median Spearman ρ (|R| for Saliency and SmoothGrad, signed R for the others) of randomized against trained maps.</summary>
public sealed record SanityCheckFigure
{
    /// <summary>In the planned formats (the design).</summary>
    public required double? Planned { get; init; }

    /// <summary>In float, for reference.</summary>
    public required double? Float { get; init; }
}
