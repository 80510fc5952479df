namespace Xai.Planning;

/// <summary>
/// A signed fixed-point format <c>ap_fixed&lt;W, I, Q, O&gt;</c>: <c>W</c> bits of which <c>I</c>
/// are integer bits including the sign (I may be negative or exceed W), quantized by truncation
/// (AP_TRN, ap_fixed's default) or rounding (AP_RND), wrapping (AP_WRAP, the default) or
/// saturating (AP_SAT) on overflow.
/// </summary>
public readonly record struct NumberFormat(int Width, int IntegerBits, bool Round = false, bool Saturate = false)
{
    public int FractionBits => Width - IntegerBits;

    /// <summary>Largest representable value, 2^(I-1) - 2^-F.</summary>
    public double Max => Math.Pow(2, IntegerBits - 1) - Math.Pow(2, -FractionBits);

    public double Resolution => Math.Pow(2, -FractionBits);

    public string ToCpp() => Round || Saturate
        ? $"xai::fixed_t<{Width}, {IntegerBits}, {(Round ? "xai::AP_RND" : "xai::AP_TRN")}, {(Saturate ? "xai::AP_SAT" : "xai::AP_WRAP")}>"
        : $"xai::fixed_t<{Width}, {IntegerBits}>";

    public override string ToString() => Round || Saturate
        ? $"ap_fixed<{Width},{IntegerBits},{(Round ? "AP_RND" : "AP_TRN")},{(Saturate ? "AP_SAT" : "AP_WRAP")}>"
        : $"ap_fixed<{Width},{IntegerBits}>";

    /// <summary>Fewest integer bits (sign included) that hold ±<paramref name="maxAbs"/>, plus <paramref name="guardBits"/>.</summary>
    public static int IntegerBitsFor(double maxAbs, int guardBits)
    {
        if (!(maxAbs > 0) || double.IsInfinity(maxAbs))
        {
            return 1 + guardBits;
        }

        // 2^(I-1) > maxAbs  <=>  I = floor(log2(maxAbs)) + 2
        return (int)Math.Floor(Math.Log2(maxAbs)) + 2 + guardBits;
    }

    /// <summary>
    /// Quantizes a value as ap_fixed does on assignment from a double: AP_TRN floors, AP_RND adds
    /// half an LSB then floors (ties toward plus infinity); AP_WRAP keeps the low W bits,
    /// AP_SAT clamps to the representable range.
    /// </summary>
    public long QuantizeToRaw(double value)
    {
        var scaled = Math.Floor(value * Math.Pow(2, FractionBits) + (Round ? 0.5 : 0));
        var max = (1L << (Width - 1)) - 1;
        var min = -(1L << (Width - 1));
        if (Saturate)
        {
            return (long)Math.Clamp(scaled, min, max);
        }

        // Values far out of range never occur for weights; clamping to ±2^62 keeps the cast defined.
        var raw = (long)Math.Clamp(scaled, long.MinValue / 2, long.MaxValue / 2);
        var shift = 64 - Width;
        return (raw << shift) >> shift;
    }
}
