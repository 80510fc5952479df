using Xai.Planning;

namespace Xai.Attribution;

/// <summary>
/// What a method asks of the engine (hls-lib's explanation_traits): the ReLU rule of its passes,
/// the FP + BP passes, whether an FP on the image itself comes first (for the class every pass
/// explains), whether the attribution is the input times the mean gradient, and whether it is a
/// layer map (Grad-CAM's driver; its gradient pass stops its BP at the block: FpgaLatency.MethodLatency).
/// </summary>
public sealed record ExplanationSchedule(AttributionMethod Rule, int BackwardPasses, bool ClassForward, bool TimesInput, bool LayerMapped = false)
{
    /// <summary>Network passes in all: the FP + BP passes and the FP for the class.</summary>
    public int ForwardPasses => BackwardPasses + (ClassForward ? 1 : 0);

    /// <summary>The multi-pass driver runs it (pass input, gradient and sum buffers, on chip unless <see cref="SumsOffChip"/>).</summary>
    public bool MultiPass => !LayerMapped && (BackwardPasses > 1 || TimesInput || ClassForward);

    /// <summary>
    /// Integrated Gradients from a baseline image: the attribution is (x − x') ⊙ the mean gradient, with x' a ROM
    /// on chip. Its exponent is x ⊙ g's: images and baseline are pixel / 255, never negative, so |x − x'| stays
    /// within x's bound (the generated header says inputs_nonnegative; hls-lib's input_difference_bits is 0).
    /// </summary>
    public bool FromBaseline { get; init; }

    /// <summary>
    /// The multi-pass driver keeps its pass input and sums in DRAM (XaiPassSums resolved to OffChip by the plan): no
    /// BRAM for them, and each pass streams them (hls-lib's explain_config::sums_off_chip).
    /// </summary>
    public bool SumsOffChip { get; init; }

    /// <summary>Grad-CAM's block output, channels and pixels, that the on-chip map is formed from (set by the plan).</summary>
    public (int Channels, int Pixels)? LayerMap { get; init; }

    public static ExplanationSchedule For(AttributionMethod method, ExplanationSettings settings) => method switch
    {
        AttributionMethod.InputXGradient => new(AttributionMethod.Saliency, 1, false, true),
        AttributionMethod.IntegratedGradients => new(AttributionMethod.Saliency, settings.IgSteps, true, true) { FromBaseline = settings.IgBaseline is not null },
        AttributionMethod.SmoothGrad => new(AttributionMethod.Saliency, settings.SmoothGradSamples, true, false),
        // Rule: that of the pass writing the relevance (Guided Grad-CAM's other pass runs Saliency's, on the same engine).
        AttributionMethod.GradCam => new(AttributionMethod.Saliency, 1, false, false, LayerMapped: true),
        AttributionMethod.GuidedGradCam => new(AttributionMethod.GuidedBackprop, 2, false, false, LayerMapped: true),
        _ => new(method, 1, false, false),
    };

    /// <summary>
    /// Exponent of the attribution the design writes (stored = true × 2^e), hls-lib's attribution_exp:
    /// the input-gradient exponent, and for x ⊙ g also the image's, less the image's headroom (I − 1,
    /// <paramref name="imageIntegerBits"/> = I: <see cref="ImageRange"/>), since g is multiplied by x·2^−(I−1)
    /// (or by (x − x')·2^−(I−1): <see cref="FromBaseline"/>).
    /// Grad-CAM's maps come scaled per image by a power of two into the gradient format's top binade: I_grad − 1.
    /// </summary>
    public int AttributionExponent(NumericsPlan profile, int imageIntegerBits) =>
        LayerMapped ? profile.Gradient.IntegerBits - 1 // the map scaled per image into the format's top binade
        : profile.GradientExponents[0] + (TimesInput ? profile.ActivationExponents[0] - (imageIntegerBits - 1) : 0);
}
