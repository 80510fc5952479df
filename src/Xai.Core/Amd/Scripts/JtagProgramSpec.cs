using Xai.Boards;

namespace Xai.Amd.Scripts;

/// <summary>Programming a board's PL over JTAG with Vivado's hardware manager.</summary>
public sealed record JtagProgramSpec
{
    /// <summary>The board; its <see cref="JtagFacts.Device"/> names the device on the chain.</summary>
    public required Board Board { get; init; }

    /// <summary>The bitstream to load.</summary>
    public required string BitFile { get; init; }

    /// <summary>hw_server to connect to (<c>host:port</c>); null for the local default (localhost:3121).</summary>
    public string? HardwareServerUrl { get; init; }
}
