namespace Xai.Projects;

/// <summary>How number formats are chosen for the fixed-point datapath.</summary>
public enum NumericsScheme
{
    /// <summary>
    /// Each tensor (activations, weights, gradients, accumulators) gets its own 16-bit format,
    /// gradients with per-layer power-of-two scaling: keeps attribution fidelity (see numerics notes).
    /// </summary>
    PerTensor,

    /// <summary>One <c>ap_fixed&lt;16,8&gt;</c> for everything, as in the paper; kept for comparison.</summary>
    PaperFaithful,
}
