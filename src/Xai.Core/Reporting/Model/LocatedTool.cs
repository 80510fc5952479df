using Xai.Amd.Toolchain;

namespace Xai.Reporting.Model;

/// <summary>One executable found: where, its release, and how the SDK found it.</summary>
public sealed record LocatedTool
{
    /// <summary>A <see cref="VendorTool"/> name.</summary>
    public required string Tool { get; init; }

    public required string Executable { get; init; }

    public required string Path { get; init; }

    /// <summary>Null when the release could not be read.</summary>
    public required ToolVersion? Version { get; init; }

    /// <summary>A <see cref="VersionOrigin"/> name.</summary>
    public required string VersionFrom { get; init; }

    /// <summary>The <see cref="ToolOrigin"/> and its detail, e.g. <c>Property XaiVivadoPath</c>.</summary>
    public required string FoundVia { get; init; }
}
