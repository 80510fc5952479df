namespace Xai.Reporting.Model;

/// <summary>One figure of FP and of FP+BP, their difference and the difference relative to FP (null when FP is 0).</summary>
public sealed record OverheadFigure(double Fp, double Fpbp, double Delta, double? Relative)
{
    public static OverheadFigure Between(double fp, double fpbp) =>
        new(fp, fpbp, fpbp - fp, fp == 0 ? null : Math.Round((fpbp - fp) / fp, 4));
}
