namespace Xai.Reporting.Model;

/// <summary>
/// report.json's <c>csim.faithfulness</c>: which explanation the network actually depends on. Each method's
/// deletion and insertion curves on the project's images, computed with the fixed-point design (the planned
/// formats' forward pass of the perturbed images), beside the same curves for a random pixel order.
/// </summary>
public sealed record FaithfulnessSummary
{
    public required int Images { get; init; }

    /// <summary>XaiFaithfulnessSteps: the curves have steps + 1 points.</summary>
    public required int Steps { get; init; }

    /// <summary>What a removed pixel becomes: <c>zeros</c> (every channel), Integrated Gradients' baseline.</summary>
    public required string Baseline { get; init; }

    /// <summary>Wall time of the curves' forward passes (all methods and the random order).</summary>
    public required double Seconds { get; init; }

    /// <summary>Method → its curves (pixels ranked by the method's map on each image).</summary>
    public required Dictionary<string, FaithfulnessCurves> Methods { get; init; }

    /// <summary>The same curves for a seeded random order per image, explaining the first method's class.</summary>
    public required FaithfulnessCurves RandomOrder { get; init; }
}
