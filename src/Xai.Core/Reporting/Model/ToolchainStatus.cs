using Newtonsoft.Json;
using Xai.Amd.Toolchain;

namespace Xai.Reporting.Model;

/// <summary>Whether a toolchain (HLS, Vivado) was found, which executables, or why not.</summary>
public sealed record ToolchainStatus
{
    public required bool Available { get; init; }

    /// <summary>Why it is missing and how to point the SDK at it.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public string? Problem { get; init; }

    /// <summary>HLS only: <c>Classic</c> or <c>Unified</c>.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public string? Flow { get; init; }

    /// <summary>HLS only: the release the flow was chosen for.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public ToolVersion? Version { get; init; }

    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public List<LocatedTool>? Tools { get; init; }
}
