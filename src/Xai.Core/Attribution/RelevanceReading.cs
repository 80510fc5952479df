namespace Xai.Attribution;

/// <summary>How a method's relevance map is read: shown and compared as |R| or as signed R.</summary>
public static class RelevanceReading
{
    /// <summary>
    /// The heat map shows |R| for the gradient maps (how sensitive) and for x ⊙ g (Captum's default
    /// 'absolute_value'); DeconvNet, Guided Backprop and Guided Grad-CAM show R's positive part (what speaks
    /// for the class). Grad-CAM's map is never negative: both readings show it as it is.
    /// </summary>
    public static bool ShownAsMagnitude(AttributionMethod method) =>
        method is not (AttributionMethod.DeconvNet or AttributionMethod.GuidedBackprop or AttributionMethod.GuidedGradCam);

    /// <summary>
    /// Fidelity's ρ compares |R| for the plain and the smoothed gradient, whose sign is only a direction,
    /// and signed R for the others, whose sign says for or against the class.
    /// </summary>
    public static bool ComparedAsMagnitude(AttributionMethod method) =>
        method is AttributionMethod.Saliency or AttributionMethod.SmoothGrad;
}
