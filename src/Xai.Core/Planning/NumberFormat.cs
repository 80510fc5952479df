namespace Xai.Planning;

/// <summary>
/// A signed fixed-point format <c>ap_fixed&lt;W, I&gt;</c> (AP_TRN, AP_WRAP): <c>W</c> bits of which
/// <c>I</c> are integer bits including the sign; I may be negative or exceed W.
/// </summary>
public readonly record struct NumberFormat(int Width, int IntegerBits)
{
    public int FractionBits => Width - IntegerBits;

    /// <summary>Largest representable value, 2^(I-1) - 2^-F.</summary>
    public double Max => Math.Pow(2, IntegerBits - 1) - Math.Pow(2, -FractionBits);

    public double Resolution => Math.Pow(2, -FractionBits);

    public string ToCpp() => $"xai::fixed_t<{Width}, {IntegerBits}>";

    public override string ToString() => $"ap_fixed<{Width},{IntegerBits}>";

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

    /// <summary>Quantizes as ap_fixed does by default: truncate toward minus infinity, then wrap.</summary>
    public long QuantizeToRaw(double value)
    {
        var scaled = Math.Floor(value * Math.Pow(2, FractionBits));
        var raw = (long)Math.Clamp(scaled, long.MinValue / 2, long.MaxValue / 2);
        var shift = 64 - Width;
        return (raw << shift) >> shift;
    }
}
