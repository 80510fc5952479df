namespace Xai.Amd.Scripts;

/// <summary>Diagnostic codes of generated vendor scripts (range XAI5510-XAI5549).</summary>
public static class ScriptDiagnosticCodes
{
    /// <summary>An HLS project field is missing or invalid.</summary>
    public const string BadHlsSpec = "XAI5510";

    /// <summary>A value cannot be passed to Vitis HLS unchanged (it would be split at whitespace).</summary>
    public const string HlsValueNotRepresentable = "XAI5511";

    /// <summary>A value cannot be written to hls_config.cfg unchanged.</summary>
    public const string ConfigValueNotRepresentable = "XAI5520";

    /// <summary>A Vivado design field is missing or invalid.</summary>
    public const string BadVivadoSpec = "XAI5530";

    /// <summary>The board names a processing-system port the script writer does not know.</summary>
    public const string UnknownPsPort = "XAI5531";

    /// <summary>A JTAG programming field is missing or invalid.</summary>
    public const string BadProgramSpec = "XAI5540";
}
