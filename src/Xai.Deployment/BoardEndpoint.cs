namespace Xai.Deployment;

/// <summary>Where a board is and how to log in to it.</summary>
/// <param name="HostName">Host name or address of the board.</param>
/// <param name="Port">SSH port.</param>
/// <param name="UserName">Login; PYNQ images use <c>xilinx</c>.</param>
/// <param name="KeyFile">OpenSSH private key file; null uses ~/.ssh/id_ed25519, then ~/.ssh/id_rsa.</param>
/// <param name="KnownHostsFile">OpenSSH known-hosts file the host key is checked against; null means ~/.ssh/known_hosts.</param>
/// <param name="TrustHostKeyFingerprint">
/// <c>SHA256:…</c> as <c>ssh-keygen -lf</c> prints it. Needed to accept a host that is not in the
/// known-hosts file yet (it is then added there); never used to override a known host's different key.
/// </param>
/// <param name="ConnectTimeout">How long to wait for the TCP connection and SSH handshake; null means 10 s.</param>
/// <param name="Transport">SSH (the default) or JTAG.</param>
public sealed record BoardEndpoint(
    string HostName,
    int Port = 22,
    string UserName = "xilinx",
    string? KeyFile = null,
    string? KnownHostsFile = null,
    string? TrustHostKeyFingerprint = null,
    TimeSpan? ConnectTimeout = null,
    BoardTransport Transport = BoardTransport.Ssh)
{
    public static readonly TimeSpan DefaultConnectTimeout = TimeSpan.FromSeconds(10);

    public string EffectiveKnownHostsFile => KnownHostsFile ?? Path.Combine(Home, ".ssh", "known_hosts");

    public TimeSpan EffectiveConnectTimeout => ConnectTimeout ?? DefaultConnectTimeout;

    /// <summary>host:port as messages name it.</summary>
    public override string ToString() => $"{UserName}@{HostName}:{Port}";

    internal static string Home => Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
}
