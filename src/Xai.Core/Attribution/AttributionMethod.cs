namespace Xai.Attribution;

/// <summary>
/// The gradient-backpropagation attribution methods of the paper. They differ only at ReLU
/// layers in the backward pass (paper Eq. 3-5).
/// </summary>
public enum AttributionMethod
{
    /// <summary>Plain gradient: R_in = 1[x &gt; 0] * R_out (Eq. 3). Needs the forward ReLU mask.</summary>
    Saliency,

    /// <summary>R_in = relu(R_out) (Eq. 4). Needs no forward ReLU mask.</summary>
    DeconvNet,

    /// <summary>R_in = 1[x &gt; 0] * relu(R_out) (Eq. 5). Needs the forward ReLU mask.</summary>
    GuidedBackprop,
}
