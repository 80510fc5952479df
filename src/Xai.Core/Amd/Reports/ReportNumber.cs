using System.Globalization;

namespace Xai.Amd.Reports;

/// <summary>
/// Number syntax shared by the vendor reports: invariant culture, and the words the tools print
/// when a value is not known (<c>undef</c> in csynth.xml, <c>?</c> in text reports, <c>NA</c> in cosim and Vivado).
/// </summary>
internal static class ReportNumber
{
    /// <summary>True for the placeholders the tools print instead of a number.</summary>
    public static bool IsUnknown(string text) =>
        text.Trim() is "undef" or "?" or "NA" or "N/A" or "";

    public static bool TryParseWhole(string text, out long value) =>
        long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    public static bool TryParseReal(string text, out double value) =>
        double.TryParse(text.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
}
