using System.Text.RegularExpressions;

namespace Xai.Amd.Reports;

/// <summary>A vendor tool and its release, e.g. <c>Vivado</c> <c>2023.2</c> or <c>Vitis HLS</c> <c>2022.1</c>.</summary>
public sealed partial record ToolVersion(string Name, string Version)
{
    /// <summary>
    /// Reads the form Vivado writes in report headers and HLS in export reports:
    /// <c>Vivado v.2023.2 (win64) Build …</c>, <c>Xilinx Vivado v.2018.3</c>. Null when the text has no <c>v.YYYY.N</c>.
    /// </summary>
    public static ToolVersion? FromBanner(string text)
    {
        var match = BannerPattern().Match(text);
        return match.Success ? new ToolVersion(match.Groups["name"].Value.Trim(), match.Groups["version"].Value) : null;
    }

    public override string ToString() => $"{Name} {Version}";

    [GeneratedRegex(@"^\s*(?:Xilinx\s+)?(?<name>[A-Za-z][A-Za-z ]*?)\s+v\.?(?<version>\d{4}\.\d+(?:\.\d+)?)")]
    private static partial Regex BannerPattern();
}
