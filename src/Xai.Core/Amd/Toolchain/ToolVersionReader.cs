using System.Text.RegularExpressions;

namespace Xai.Amd.Toolchain;

/// <summary>
/// Reads a tool's release from what is observable without a licence: the text the tool prints
/// for <c>-version</c>, or the install directory it lives in (<c>.../Vitis_HLS/2023.2/bin</c>,
/// <c>.../2025.1/Vitis/bin</c>).
/// </summary>
public static partial class ToolVersionReader
{
    // "vitis_hls v2022.1 (64-bit)", "Vivado v2023.2 (64-bit)", "****** v++ v2023.2 (64-bit)",
    // "Vivado(TM) HLS - ... v2019.2 (64-bit)". The 'v' must start a word, so "Tool Version Limit:
    // 2023.10" and "SW Build 4029153" never match.
    [GeneratedRegex(@"(?<![A-Za-z0-9_.])v(?<version>\d{4}\.\d{1,2}(?:\.\d{1,2})?)(?![0-9.])")]
    private static partial Regex VersionWord();

    /// <summary>
    /// The release announced by a tool's <c>-version</c> output, or null when the text holds none.
    /// The first line naming a release wins: the banner comes first, build and copyright lines after.
    /// </summary>
    public static ToolVersion? FromVersionOutput(string? output)
    {
        if (string.IsNullOrEmpty(output))
        {
            return null;
        }

        foreach (var line in output.Split('\n'))
        {
            foreach (Match match in VersionWord().Matches(line))
            {
                if (ToolVersion.TryParse(match.Groups["version"].Value, out var version))
                {
                    return version;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The release named by the nearest ancestor directory of <paramref name="path"/> that is a
    /// version (<c>2023.2</c>), or null when none is. Both separators are accepted so that Windows
    /// paths read the same on every host.
    /// </summary>
    public static ToolVersion? FromInstallPath(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        var segments = path.Split('/', '\\');
        for (var i = segments.Length - 1; i >= 0; i--)
        {
            if (ToolVersion.TryParse(segments[i], out var version))
            {
                return version;
            }
        }

        return null;
    }
}
