using Xai.Diagnostics;

namespace Xai.Amd.Toolchain;

/// <summary>Where a located tool came from.</summary>
public enum ToolOrigin
{
    /// <summary>Not found anywhere.</summary>
    None,

    /// <summary>The project property named in <see cref="VendorToolFacts.Property"/>.</summary>
    Property,

    /// <summary>An install root named by an environment variable (<c>XILINX_HLS</c>, ...).</summary>
    EnvironmentVariable,

    /// <summary>A directory on PATH.</summary>
    SearchPath,
}

/// <summary>How a tool's version was learnt.</summary>
public enum VersionOrigin
{
    Unknown,

    /// <summary>Parsed from the tool's own <c>-version</c> output (authoritative).</summary>
    VersionOutput,

    /// <summary>Read from the install directory name (<c>.../2023.2/...</c>).</summary>
    InstallDirectory,
}

/// <summary>The outcome of looking for one tool: where it is and which release, or how to point the SDK at it.</summary>
/// <param name="Facts">Which tool was looked for.</param>
/// <param name="ExecutablePath">Full path of the executable, null when not found.</param>
/// <param name="Origin">Where it was found.</param>
/// <param name="OriginDetail">The property or variable name, or the PATH directory.</param>
/// <param name="Version">Its release when known.</param>
/// <param name="VersionOrigin">How <paramref name="Version"/> was learnt.</param>
/// <param name="Searched">Every place looked at, in order, for the not-found message.</param>
public sealed record ToolLocation(
    VendorToolFacts Facts,
    string? ExecutablePath,
    ToolOrigin Origin,
    string? OriginDetail,
    ToolVersion? Version,
    VersionOrigin VersionOrigin,
    IReadOnlyList<string> Searched)
{
    public bool Found => ExecutablePath is not null;

    public VendorTool Tool => Facts.Tool;

    /// <summary>
    /// For an absent tool, a warning saying where the SDK looked and how to point it at the tool;
    /// a host that needs the tool (an explicitly requested stage) reports it as an error instead.
    /// </summary>
    public XaiDiagnostic? NotFound => Found
        ? null
        : XaiDiagnostic.Warning(
            DiagnosticCatalog.ToolNotFound,
            $"{Facts.ExecutableName} was not found (looked in: {(Searched.Count == 0 ? "nowhere" : string.Join("; ", Searched))}). To use it, {Facts.HowToPoint}.");

    public override string ToString() => Found
        ? $"{Facts.ExecutableName} {Version?.ToString() ?? "(version unknown)"} at {ExecutablePath} (via {Origin}{(OriginDetail is null ? "" : " " + OriginDetail)})"
        : $"{Facts.ExecutableName}: not found";
}
