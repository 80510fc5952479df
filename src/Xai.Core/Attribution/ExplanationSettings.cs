namespace Xai.Attribution;

/// <summary>
/// Parameters of the methods built from passes (hls-lib's explain_config): Integrated Gradients' steps,
/// SmoothGrad's samples and noise σ (in the input's real units), the noise generator's seed, the
/// block whose output Grad-CAM explains (XaiGradCamLayer; null: the last convolution block, which the
/// planner writes into the plan), and Integrated Gradients' baseline image (XaiIgBaseline, a full path;
/// null: zeros), and where the multi-pass methods keep their pass input and sums (XaiPassSums; the planner
/// resolves <see cref="PassSumsPlacement.Auto"/>, so a plan holds OnChip or OffChip).
/// </summary>
public sealed record ExplanationSettings(int IgSteps = ExplanationSettings.DefaultIgSteps, int SmoothGradSamples = ExplanationSettings.DefaultSmoothGradSamples,
    double SmoothGradSigma = ExplanationSettings.DefaultSmoothGradSigma, uint NoiseSeed = ExplanationSettings.DefaultNoiseSeed, string? GradCamLayer = null,
    string? IgBaseline = null, PassSumsPlacement PassSums = PassSumsPlacement.Auto)
{
    public const int DefaultIgSteps = 32;
    public const int DefaultSmoothGradSamples = 16;
    public const double DefaultSmoothGradSigma = 0.15;
    public const uint DefaultNoiseSeed = 0x2545F491u;

    /// <summary>
    /// Most passes whose gradients the accumulator sums without overflow in every profile the C
    /// simulation builds: the paper's <c>ap_fixed&lt;32,16&gt;</c> over <c>&lt;16,8&gt;</c> has 8 bits of
    /// headroom (the planned profile's 48-bit accumulator has 17). hls-lib checks it again at compile time.
    /// </summary>
    public const int MaxPasses = 256;

    public static ExplanationSettings Default { get; } = new();
}
