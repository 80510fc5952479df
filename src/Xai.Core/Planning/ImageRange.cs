namespace Xai.Planning;

/// <summary>
/// Integer bits (sign included) the stored image needs in a profile: from calibration's largest input
/// times 2^A_0, capped at the activation format's. x ⊙ g is formed as g × (x × 2^−(bits − 1)), so with the
/// paper's <c>ap_fixed&lt;16,8&gt;</c> and images in [0, 1] it shifts by 1, not by 7 (which left a
/// 2^−1 step in the attribution).
/// </summary>
public static class ImageRange
{
    public static int IntegerBits(DesignPlan plan, NumericsPlan profile) =>
        plan.Calibration is { InputMax: > 0 } c
            ? Math.Min(profile.Activation.IntegerBits, NumberFormat.IntegerBitsFor(c.InputMax * Math.Pow(2, profile.ActivationExponents[0]), guardBits: 0))
            : profile.Activation.IntegerBits;
}
