namespace Xai.Amd.Toolchain;

/// <summary>How HLS is driven.</summary>
public enum HlsFlow
{
    /// <summary>A Tcl script run by <c>vitis_hls -f</c> (up to 2024.2) or <c>vitis-run --mode hls --tcl</c> (2023.2 on).</summary>
    Classic,

    /// <summary><c>hls_config.cfg</c> run by <c>v++ -c --mode hls</c> and <c>vitis-run --mode hls --csim/--cosim/--package</c> (2023.2 on).</summary>
    Unified,
}
