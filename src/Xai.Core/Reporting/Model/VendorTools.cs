namespace Xai.Reporting.Model;

/// <summary>The vendor tools a build found, the provenance of every hardware figure.</summary>
public sealed record VendorTools
{
    public required ToolchainStatus Hls { get; init; }

    public required ToolchainStatus Vivado { get; init; }
}
