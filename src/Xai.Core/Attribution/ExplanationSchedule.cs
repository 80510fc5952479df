using Xai.Planning;

namespace Xai.Attribution;

/// <summary>
/// What a method asks of the engine (hls-lib's explanation_traits): the ReLU rule of its passes,
/// the FP + BP passes, whether an FP on the image itself comes first (for the class every pass
/// explains), and whether the attribution is the input times the mean gradient.
/// </summary>
public sealed record ExplanationSchedule(AttributionMethod Rule, int BackwardPasses, bool ClassForward, bool TimesInput)
{
    /// <summary>Network passes in all: the FP + BP passes and the FP for the class.</summary>
    public int ForwardPasses => BackwardPasses + (ClassForward ? 1 : 0);

    public bool MultiPass => BackwardPasses > 1 || TimesInput || ClassForward;

    public static ExplanationSchedule For(AttributionMethod method, ExplanationSettings settings) => method switch
    {
        AttributionMethod.InputXGradient => new(AttributionMethod.Saliency, 1, false, true),
        AttributionMethod.IntegratedGradients => new(AttributionMethod.Saliency, settings.IgSteps, true, true),
        AttributionMethod.SmoothGrad => new(AttributionMethod.Saliency, settings.SmoothGradSamples, true, false),
        _ => new(method, 1, false, false),
    };

    /// <summary>
    /// Exponent of the attribution the design writes (stored = true × 2^e), hls-lib's attribution_exp:
    /// the input-gradient exponent, and for x ⊙ g also the image's, less the image's headroom (I − 1,
    /// <paramref name="imageIntegerBits"/> = I: <see cref="ImageRange"/>), since g is multiplied by x·2^−(I−1).
    /// </summary>
    public int AttributionExponent(NumericsPlan profile, int imageIntegerBits) =>
        profile.GradientExponents[0] + (TimesInput ? profile.ActivationExponents[0] - (imageIntegerBits - 1) : 0);
}
