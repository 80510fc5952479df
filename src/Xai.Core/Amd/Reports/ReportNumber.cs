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

    /// <summary>
    /// A whole number of cycles or a range <c>a ~ b</c> (Vitis HLS prints ranges for intervals and
    /// latencies that depend on data, e.g. <c>42 ~ 105</c>); a single number is the range n ~ n.
    /// </summary>
    public static bool TryParseCycleBounds(string text, out long low, out long high)
    {
        var parts = text.Split('~');
        low = high = 0;
        var ok = parts.Length switch
        {
            1 => TryParseWhole(parts[0], out low) && (high = low) >= 0,
            2 => TryParseWhole(parts[0], out low) && TryParseWhole(parts[1], out high),
            _ => false,
        };
        return ok && low >= 0 && high >= low;
    }

    public static bool TryParseReal(string text, out double value) =>
        double.TryParse(text.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
}
