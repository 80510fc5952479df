namespace Xai.Deployment;

/// <summary>
/// Installs a build on a board: refuses a bitstream for another part before copying anything,
/// copies into a staging directory, verifies SHA-256 on the board, switches the <c>current</c>
/// link atomically (an interrupted copy leaves the previous overlay live), loads it with the
/// runner's <c>load</c> command (PYNQ Overlay) and checks fpga_manager reads "operating".
/// </summary>
public static partial class OverlayInstaller
{
}

public static partial class OverlayInstaller
{
    /// <exception cref="Diagnostics.XaiException">XAI7201/7202 no bitstream or .hwh; XAI7206/7207 wrong part; XAI73xx copy, checksum, load.</exception>
    public static InstalledOverlay Install(BoardSession session, BuildArtifacts build, IProgress<DeploymentProgress>? progress, CancellationToken cancel) =>
        throw new NotImplementedException();
}
