using Xai.Boards;

namespace Xai.Amd.Scripts;

/// <summary>
/// A Vivado project that puts the HLS accelerator beside the board's processing system and builds
/// the bitstream, the hardware handoff and the XSA.
/// </summary>
public sealed record VivadoDesignSpec
{
    /// <summary>The board: part, board part, PS IP and ports.</summary>
    public required Board Board { get; init; }

    /// <summary>Directory holding the packaged HLS IP (e.g. <c>&lt;solution&gt;/impl/ip</c>).</summary>
    public required string IpRepositoryDirectory { get; init; }

    /// <summary>The HLS IP's VLNV.</summary>
    public required HlsIpIdentity Ip { get; init; }

    /// <summary>Cell name of the accelerator; PYNQ exposes it as <c>overlay.&lt;name&gt;</c>.</summary>
    public string? IpInstanceName { get; init; }

    /// <summary>The accelerator's s_axilite interface (<c>s_axi_&lt;bundle&gt;</c>).</summary>
    public string ControlInterface { get; init; } = "s_axi_control";

    /// <summary>The accelerator's m_axi interfaces (<c>m_axi_&lt;bundle&gt;</c>), all routed to the PS slave port.</summary>
    public IReadOnlyList<string> MasterInterfaces { get; init; } = ["m_axi_gmem"];

    /// <summary>Connect the accelerator's <c>interrupt</c> pin to the PS.</summary>
    public bool ConnectInterrupt { get; init; }

    /// <summary>PL clock in MHz (the HLS clock).</summary>
    public required double ClockMHz { get; init; }

    /// <summary>Directory of the Vivado project (created).</summary>
    public required string ProjectDirectory { get; init; }

    /// <summary>Vivado project name.</summary>
    public string ProjectName { get; init; } = "xai_vivado";

    /// <summary>Block design name; the HDL top is <c>&lt;name&gt;_wrapper</c>.</summary>
    public string BlockDesignName { get; init; } = "design_1";

    /// <summary>Where the .bit, .hwh and .xsa are copied.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Base name of the outputs; the .bit and .hwh share it as PYNQ's Overlay requires.</summary>
    public required string OutputBaseName { get; init; }

    /// <summary>Parallel jobs for synthesis and implementation.</summary>
    public int Jobs { get; init; } = 2;

    public string EffectiveInstanceName => IpInstanceName ?? Ip.Name + "_0";

    public string BitFile => Path.Combine(Path.GetFullPath(OutputDirectory), OutputBaseName + ".bit");

    public string HwhFile => Path.Combine(Path.GetFullPath(OutputDirectory), OutputBaseName + ".hwh");

    public string XsaFile => Path.Combine(Path.GetFullPath(OutputDirectory), OutputBaseName + ".xsa");

    public IReadOnlyList<string> ExpectedOutputs => [BitFile, HwhFile, XsaFile];
}
