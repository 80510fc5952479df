namespace Xai.Amd.Toolchain;

/// <summary>The AMD executables the SDK drives.</summary>
public enum VendorTool
{
    /// <summary><c>vitis_hls</c>: classic Tcl HLS driver, 2020.1 to 2024.2.</summary>
    VitisHls,

    /// <summary><c>v++</c>: unified compiler; <c>v++ -c --mode hls</c> runs C synthesis (2023.2 on).</summary>
    VPlusPlus,

    /// <summary><c>vitis-run</c>: unified runner for csim, cosim, package, impl and legacy Tcl (2023.2 on).</summary>
    VitisRun,

    /// <summary><c>vivado</c>: block design, bitstream, XSA and JTAG programming.</summary>
    Vivado,
}
