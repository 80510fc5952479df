namespace Xai.Attribution;

/// <summary>
/// Where the multi-pass methods (Input × Gradient, Integrated Gradients, SmoothGrad) keep each pass's input and the
/// running sums of the passes' gradients (XaiPassSums; hls-lib's explain_config::sums_off_chip): two 16-bit words and
/// one accumulator word per input element.
/// </summary>
public enum PassSumsPlacement
{
    /// <summary>On chip when the design fits the board with them there, else off chip when that fits, else on chip for the fit check to report (Planning.PassSumsChoice).</summary>
    Auto,

    /// <summary>Local arrays in the top: BRAM, no DRAM traffic beyond the passes' own.</summary>
    OnChip,

    /// <summary>
    /// In the host's DRAM: the pass input behind the top's <c>pass_input</c> port, the sums behind its <c>sums</c> port
    /// (power-of-two words), the pass's gradient in the relevance buffer. Their BRAM is one chunk of sums; each pass
    /// streams them through the accelerator's AXI masters (FpgaLatency.MethodLatency counts it).
    /// </summary>
    OffChip,
}
