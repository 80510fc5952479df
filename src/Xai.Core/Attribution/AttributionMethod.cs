namespace Xai.Attribution;

/// <summary>
/// The attribution methods. The paper's three differ only at ReLU layers in the backward pass
/// (paper Eq. 3-5); the others are passes of the same engine with the Saliency rule
/// (<see cref="ExplanationSchedule"/>; hls-lib's xai/explain.h has Captum's conventions beside each).
/// </summary>
public enum AttributionMethod
{
    /// <summary>Plain gradient: R_in = 1[x &gt; 0] * R_out (Eq. 3). Needs the forward ReLU mask.</summary>
    Saliency,

    /// <summary>R_in = relu(R_out) (Eq. 4). Needs no forward ReLU mask.</summary>
    DeconvNet,

    /// <summary>R_in = 1[x &gt; 0] * relu(R_out) (Eq. 5). Needs the forward ReLU mask.</summary>
    GuidedBackprop,

    /// <summary>x ⊙ ∂F/∂x (captum.attr.InputXGradient): one FP + BP.</summary>
    InputXGradient,

    /// <summary>
    /// (x − x') ⊙ mean of ∂F/∂x at x' + ((k + ½)/m)·(x − x'), k = 0..m−1 (captum.attr.IntegratedGradients,
    /// baseline x' zeros or XaiIgBaseline's image, method 'riemann_middle', n_steps = XaiIgSteps): one FP, then m FP + BP.
    /// </summary>
    IntegratedGradients,

    /// <summary>
    /// Mean of ∂F/∂x at x + σ·z_k over n samples (NoiseTunnel(Saliency(abs=False)), 'smoothgrad',
    /// stdevs = XaiSmoothGradSigma, nt_samples = XaiSmoothGradSamples); z from the design's seeded
    /// generator, so the C simulation and the hardware draw the same noise: one FP, then n FP + BP.
    /// </summary>
    SmoothGrad,

    /// <summary>
    /// ReLU(Σ_c mean(∂F/∂A_c)·A_c) on the output A of the block XaiGradCamLayer names (the last convolution by default),
    /// upsampled bilinearly to the image (captum.attr.LayerGradCam with relu_attributions=True, then
    /// LayerAttribution.interpolate 'bilinear'): one FP and a BP that stops at the block.
    /// </summary>
    GradCam,

    /// <summary>
    /// Guided Backprop × the Grad-CAM map, the map scaled per image by the power of two that brings its maximum into
    /// [½, 1) (captum.attr.GuidedGradCam with interpolate_mode 'bilinear', times that power): two FP + BP on one engine.
    /// </summary>
    GuidedGradCam,
}
