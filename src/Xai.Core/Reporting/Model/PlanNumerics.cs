namespace Xai.Reporting.Model;

/// <summary>The number formats: the planned ones per method and the paper's, simulated beside them.</summary>
public sealed record PlanNumerics
{
    /// <summary><c>PerTensor</c> or <c>PaperFaithful</c>.</summary>
    public required string Scheme { get; init; }

    /// <summary>Method → its formats.</summary>
    public required Dictionary<string, FormatProfile> Planned { get; init; }

    public required FormatProfile Paper { get; init; }

    /// <summary>How many images the formats were sized from; null without calibration.</summary>
    public required int? CalibrationImages { get; init; }
}
