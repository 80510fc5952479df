namespace Xai.Reporting.Model;

/// <summary>One simulated image: its classes, logits and, per method, the relevance map and heatmap.</summary>
public sealed record CsimImage
{
    /// <summary>The image's full path as the project named it.</summary>
    public required string File { get; init; }

    public required string Stem { get; init; }

    /// <summary>The input as a PNG, relative to the output directory.</summary>
    public required string Input { get; init; }

    /// <summary>The true class; null when unlabelled.</summary>
    public required int? Label { get; init; }

    /// <summary>The class the planned fixed-point design predicts.</summary>
    public required int Class { get; init; }

    public required int FloatClass { get; init; }

    /// <summary>Logits of the planned design, in real units; null entries were not finite.</summary>
    public required List<double?> Logits { get; init; }

    public required List<double?> FloatLogits { get; init; }

    /// <summary>
    /// When the model file ended in Softmax or LogSoftmax (dropped from the hardware): the probabilities it
    /// would give, softmax of <see cref="Logits"/>; null when the model ends in the logits.
    /// </summary>
    public required List<double?>? Probabilities { get; init; }

    /// <summary>The same of <see cref="FloatLogits"/>.</summary>
    public required List<double?>? FloatProbabilities { get; init; }

    /// <summary>Method → its outputs for this image.</summary>
    public required Dictionary<string, CsimImageMethod> Methods { get; init; }
}
