namespace Xai.Planning;

/// <summary>
/// The number formats of one instantiation of the design: activation, weight, accumulator and
/// gradient formats and, per gradient boundary b, the exponent E_b (stored gradient = true
/// gradient × 2^E_b: a shift in hardware, undone when the relevance is read out); likewise per
/// activation boundary b (0 = network input, L = logits) the exponent A_b (stored activation =
/// true activation × 2^A_b; the host scales the input by 2^A_0 and the logits by 2^-A_L); and per
/// layer l the exponent W_l of its parameter block (stored weight or bias = true × 2^W_l: the weight
/// image holds them so, and the layer's output shifts by -W_l).
/// </summary>
public sealed record NumericsPlan(
    string Name,
    NumberFormat Activation,
    NumberFormat Weight,
    NumberFormat Accumulator,
    NumberFormat Gradient,
    NumberFormat GradientAccumulator,
    IReadOnlyList<int> GradientExponents,
    IReadOnlyList<int> ActivationExponents,
    IReadOnlyList<int> WeightExponents)
{
    /// <summary>The paper's choice: one <c>ap_fixed&lt;16,8&gt;</c> for everything, no scaling.</summary>
    public static NumericsPlan PaperFaithful(int boundaries) => new(
        "paper",
        new NumberFormat(16, 8),
        new NumberFormat(16, 8),
        new NumberFormat(32, 16),
        new NumberFormat(16, 8),
        new NumberFormat(32, 16),
        Enumerable.Repeat(0, boundaries).ToArray(),
        Enumerable.Repeat(0, boundaries).ToArray(),
        Enumerable.Repeat(0, boundaries - 1).ToArray());
}
