namespace Xai.Deployment;

/// <summary>What <see cref="OverlayInstaller.Install"/> left on the board.</summary>
/// <param name="RemoteDirectory">The overlay's directory on the board (the <c>current</c> link points at it).</param>
/// <param name="Sha256">SHA-256 (lower-case hex) of each copied file, by file name, as verified on the board.</param>
/// <param name="FpgaManagerState">What <c>/sys/class/fpga_manager/fpga0/state</c> read after loading ("operating"); "jtag" for JTAG programming.</param>
/// <param name="Bitstream">The .bit file name.</param>
/// <param name="Part">The part from the .bit header.</param>
/// <param name="IsStandIn">Installed on a board stand-in: the PL was not really programmed.</param>
public sealed record InstalledOverlay(
    string RemoteDirectory,
    IReadOnlyDictionary<string, string> Sha256,
    string FpgaManagerState,
    string Bitstream,
    string Part,
    bool IsStandIn);
