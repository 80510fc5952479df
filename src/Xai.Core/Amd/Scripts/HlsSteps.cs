namespace Xai.Amd.Scripts;

/// <summary>HLS steps a script or run performs, in the fixed order csim, csynth, cosim, export.</summary>
[Flags]
public enum HlsSteps
{
    None = 0,

    /// <summary>C simulation of the testbench (<c>csim_design</c>, <c>vitis-run --csim</c>).</summary>
    CSim = 1,

    /// <summary>C synthesis (<c>csynth_design</c>, <c>v++ -c --mode hls</c>).</summary>
    CSynth = 2,

    /// <summary>C/RTL co-simulation (<c>cosim_design</c>, <c>vitis-run --cosim</c>); needs a synthesized solution.</summary>
    CoSim = 4,

    /// <summary>Packaging as a Vivado IP (<c>export_design -format ip_catalog</c>, <c>vitis-run --package</c>); needs a synthesized solution.</summary>
    Export = 8,

    All = CSim | CSynth | CoSim | Export,
}
