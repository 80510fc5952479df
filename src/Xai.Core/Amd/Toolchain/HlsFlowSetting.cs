using Xai.Diagnostics;

namespace Xai.Amd.Toolchain;

/// <summary>The user's choice of HLS flow (<c>XaiHlsFlow</c>): automatic from the release, or forced.</summary>
public enum HlsFlowSetting
{
    Auto,
    Classic,
    Unified,
}

/// <summary>Reads <see cref="HlsFlowSetting"/> from a property value.</summary>
public static class HlsFlowSettingParser
{
    public const string Property = "XaiHlsFlow";

    /// <summary>Empty means <see cref="HlsFlowSetting.Auto"/>; case is ignored.</summary>
    /// <exception cref="XaiException">XAI5503 for any other value.</exception>
    public static HlsFlowSetting Parse(string? value, string? projectFile = null)
    {
        var text = value?.Trim() ?? "";
        return text.ToLowerInvariant() switch
        {
            "" or "auto" => HlsFlowSetting.Auto,
            "classic" => HlsFlowSetting.Classic,
            "unified" => HlsFlowSetting.Unified,
            _ => throw new XaiException(DiagnosticCatalog.BadFlowSetting,
                $"Property {Property} is '{text}'; allowed: Auto (or empty), Classic, Unified.", projectFile),
        };
    }
}
