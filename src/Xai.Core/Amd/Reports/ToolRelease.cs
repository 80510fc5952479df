using System.Text.RegularExpressions;
using Xai.Amd.Toolchain;

namespace Xai.Amd.Reports;

/// <summary>A vendor tool and the release a report says made it, e.g. <c>Vivado</c> <c>2023.2</c> or <c>Vitis HLS</c> <c>2022.1</c>.</summary>
public sealed partial record ToolRelease(string Name, ToolVersion Version)
{
    /// <summary>
    /// Reads the form Vivado writes in report headers and HLS in export reports:
    /// <c>Vivado v.2023.2 (win64) Build …</c>, <c>Xilinx Vivado v.2018.3</c>. Null when the text has no <c>v.YYYY.R</c> release.
    /// </summary>
    public static ToolRelease? FromBanner(string text)
    {
        var match = BannerPattern().Match(text);
        return match.Success ? Of(match.Groups["name"].Value.Trim(), match.Groups["version"].Value) : null;
    }

    /// <summary>The tool <paramref name="name"/> at release <paramref name="version"/> (<c>YYYY.R</c> or <c>YYYY.R.U</c>); null when that is no release.</summary>
    public static ToolRelease? Of(string name, string version) =>
        ToolVersion.TryParse(version, out var parsed) ? new ToolRelease(name, parsed) : null;

    public override string ToString() => $"{Name} {Version}";

    [GeneratedRegex(@"^\s*(?:Xilinx\s+)?(?<name>[A-Za-z][A-Za-z ]*?)\s+v\.?(?<version>\d{4}\.\d+(?:\.\d+)?)")]
    private static partial Regex BannerPattern();
}
