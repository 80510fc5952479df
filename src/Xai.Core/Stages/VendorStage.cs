namespace Xai.Stages;

/// <summary>The build stages that run AMD tools, in build order.</summary>
public enum VendorStage
{
    /// <summary>Vitis HLS: C simulation of the testbench (when there is one), C synthesis, IP export.</summary>
    Synthesize,

    /// <summary>Vitis HLS: C/RTL co-simulation of the synthesized tops.</summary>
    CoSimulate,

    /// <summary>Vivado: block design with the HLS IP, bitstream, hardware handoff, XSA.</summary>
    Bitstream,
}

/// <summary>How a vendor stage ended.</summary>
/// <param name="Succeeded">Every tool run was judged a success (<see cref="Amd.Toolchain.ToolRunVerdict"/>).</param>
/// <param name="Diagnostics">Errors and warnings to report (vendor log lines are streamed separately, as they come).</param>
/// <param name="Summary">One line for the report's stage table, e.g. "vitis_hls 2023.2, classic flow: xai_top (CSim, CSynth, Export)".</param>
public sealed record VendorStageOutcome(bool Succeeded, IReadOnlyList<Diagnostics.XaiDiagnostic> Diagnostics, string Summary);
