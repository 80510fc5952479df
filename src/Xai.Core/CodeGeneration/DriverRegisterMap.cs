using System.Globalization;
using System.Text.RegularExpressions;
using Xai.Diagnostics;

namespace Xai.CodeGeneration;

/// <summary>
/// The s_axilite register offsets of an HLS top, read from the driver header Vitis HLS exports
/// (<c>x&lt;top&gt;_hw.h</c>: <c>#define X&lt;TOP&gt;_&lt;BUNDLE&gt;_ADDR_&lt;NAME&gt; 0x..</c>), so the board-side
/// runner never hard-codes them. Each m_axi argument's address register is <c>&lt;ARG&gt;_DATA</c>
/// (64 bits on a 64-bit address map: two words); <c>AP_CTRL</c> holds ap_start/ap_done/ap_idle and
/// <c>AP_RETURN</c> the return value.
/// </summary>
public sealed partial record DriverRegisterMap(string TopFunction, IReadOnlyDictionary<string, int> Offsets, IReadOnlyDictionary<string, int> Bits)
{
    [GeneratedRegex(@"^\s*#define\s+X(?<top>[A-Z0-9_]+?)_(?<bundle>[A-Z0-9_]+?)_(?<kind>ADDR|BITS)_(?<name>[A-Z0-9_]+)\s+(?<value>0x[0-9A-Fa-f]+|\d+)\s*$", RegexOptions.Multiline)]
    private static partial Regex Define();

    /// <summary>Parses the registers of <paramref name="top"/>'s <paramref name="bundle"/> and checks the ones <paramref name="required"/> are there.</summary>
    public static DriverRegisterMap Parse(string headerText, string top, string bundle, IEnumerable<string> required, string headerPath)
    {
        var prefix = $"{top}_{bundle}".ToUpperInvariant();
        var offsets = new Dictionary<string, int>(StringComparer.Ordinal);
        var bits = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (Match m in Define().Matches(headerText))
        {
            if (!string.Equals($"{m.Groups["top"].Value}_{m.Groups["bundle"].Value}", prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var text = m.Groups["value"].Value;
            var value = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
                ? int.Parse(text.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture)
                : int.Parse(text, CultureInfo.InvariantCulture);
            (m.Groups["kind"].Value == "ADDR" ? offsets : bits)[m.Groups["name"].Value] = value;
        }

        var missing = required.Where(r => !offsets.ContainsKey(r)).ToList();
        if (missing.Count > 0)
        {
            throw new XaiException(DiagnosticCatalog.DriverRegisterMissing,
                $"The driver header defines no X{prefix}_ADDR_{string.Join($", X{prefix}_ADDR_", missing)}; it must be the one Vitis HLS exported for top '{top}' (bundle '{bundle}').",
                headerPath);
        }

        return new DriverRegisterMap(top, offsets, bits);
    }

    /// <summary>The data register of argument <paramref name="argument"/> (an m_axi offset or a scalar).</summary>
    public static string DataRegister(string argument) => argument.ToUpperInvariant() + "_DATA";
}
