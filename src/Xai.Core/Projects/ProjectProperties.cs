namespace Xai.Projects;

/// <summary>
/// A project's Xai properties exactly as the user wrote them (strings, possibly empty), before
/// validation. Hosts fill this from MSBuild properties or cmdlet parameters.
/// </summary>
public sealed record ProjectProperties
{
    /// <summary>The project file, named in every diagnostic.</summary>
    public required string ProjectFile { get; init; }

    /// <summary><c>XaiModel</c>: path of the ONNX model, relative to the project directory.</summary>
    public string Model { get; init; } = "";

    /// <summary><c>XaiBoard</c>: a board id from <c>boards/</c>.</summary>
    public string Board { get; init; } = "";

    /// <summary><c>XaiMethods</c>: attribution methods, separated by <c>;</c>.</summary>
    public string Methods { get; init; } = "";

    /// <summary><c>XaiNumerics</c>: <c>PerTensor</c> or <c>PaperFaithful</c>.</summary>
    public string Numerics { get; init; } = "";

    /// <summary><c>XaiConvParallelism</c>: <c>N_OHxN_OW</c>, empty for the board default.</summary>
    public string ConvParallelism { get; init; } = "";

    /// <summary><c>XaiFcTile</c>: 16 or 32, empty for the board default.</summary>
    public string FcTile { get; init; } = "";

    /// <summary><c>XaiDoubleBuffer</c>: <c>true</c> or <c>false</c>, empty for false.</summary>
    public string DoubleBuffer { get; init; } = "";

    /// <summary><c>XaiPackDenseWeights</c>: <c>true</c> or <c>false</c>, empty for false.</summary>
    public string PackDenseWeights { get; init; } = "";

    /// <summary><c>XaiFaithfulnessSteps</c>: points of the deletion and insertion curves less one, empty for 10, 0 for none.</summary>
    public string FaithfulnessSteps { get; init; } = "";

    /// <summary><c>XaiIgSteps</c>: Integrated Gradients' steps, empty for 32.</summary>
    public string IgSteps { get; init; } = "";

    /// <summary><c>XaiSmoothGradSamples</c>: SmoothGrad's noisy passes, empty for 16.</summary>
    public string SmoothGradSamples { get; init; } = "";

    /// <summary><c>XaiSmoothGradSigma</c>: SmoothGrad's noise σ in the input's units, empty for 0.15.</summary>
    public string SmoothGradSigma { get; init; } = "";

    /// <summary><c>XaiGradCamLayer</c>: the convolution block Grad-CAM explains, empty for the last.</summary>
    public string GradCamLayer { get; init; } = "";

    /// <summary><c>XaiIgBaseline</c>: Integrated Gradients' baseline image (a PNG, relative to the project), empty for zeros.</summary>
    public string IgBaseline { get; init; } = "";

    /// <summary><c>XaiPassSums</c>: <c>Auto</c>, <c>OnChip</c> or <c>OffChip</c> (the multi-pass methods' buffers), empty for Auto.</summary>
    public string PassSums { get; init; } = "";

    /// <summary><c>XaiClockMHz</c>: accelerator clock, empty for the board default.</summary>
    public string ClockMHz { get; init; } = "";

    /// <summary><c>XaiTargetClass</c>: class to explain, empty for the predicted class.</summary>
    public string TargetClass { get; init; } = "";

    /// <summary><c>XaiFidelityImages</c>: how many dataset test images to measure fidelity on.</summary>
    public string FidelityImages { get; init; } = "";

    /// <summary><c>XaiHlsFlow</c>: <c>Auto</c>, <c>Classic</c> or <c>Unified</c>; checked here so a typo fails before hours of work.</summary>
    public string HlsFlow { get; init; } = "";

    /// <summary><c>XaiLabelsFile</c>: CSV of true classes, empty for none.</summary>
    public string LabelsFile { get; init; } = "";

    /// <summary><c>XaiClassNamesFile</c>: class names, one per line, empty for none.</summary>
    public string ClassNamesFile { get; init; } = "";
}
