namespace Xai.Reporting.Model;

/// <summary>Fidelity on the first XaiFidelityImages Fashion-MNIST test images (numbers only, no maps).</summary>
public sealed record DatasetFidelity
{
    public required string Dataset { get; init; }

    public required string Directory { get; init; }

    public required int Images { get; init; }

    public required double AccuracyFloat { get; init; }

    public required double AccuracyPlanned { get; init; }

    public required double Seconds { get; init; }

    public required Dictionary<string, FidelitySummary> Fidelity { get; init; }

    public required Dictionary<string, FidelitySummary> FidelityPaper { get; init; }

    /// <summary>
    /// Float on each image as the planned formats store it (only the input rounded to its format) against float, per
    /// method: how far the network's own map moves under that one rounding. A reference for the planned figures
    /// (which round the input and every layer after it), not a bound on them.
    /// </summary>
    public required Dictionary<string, FidelitySummary> FidelityRoundedInput { get; init; }

    /// <summary>
    /// Grad-CAM compared at its block's resolution, before upsampling (the design's own layer map in each profile):
    /// planned against float. Null when the build has no GradCam.
    /// </summary>
    public FidelitySummary? GradCamNative { get; init; }

    /// <summary>As <see cref="GradCamNative"/>, the paper's format against float.</summary>
    public FidelitySummary? GradCamNativePaper { get; init; }

    /// <summary>As <see cref="GradCamNative"/>, float on the rounded input against float (<see cref="FidelityRoundedInput"/>).</summary>
    public FidelitySummary? GradCamNativeRoundedInput { get; init; }
}
