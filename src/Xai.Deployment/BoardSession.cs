using Xai.Boards;

namespace Xai.Deployment;

/// <summary>
/// A connection to one board, checked to be the board named: the SSH host key against the
/// known-hosts file (never accept-any), then the CPU architecture and the device-tree model.
/// A stand-in (a loopback sshd whose root holds <c>xai-standin.json</c>) says so: <see cref="IsStandIn"/>.
/// </summary>
public sealed partial class BoardSession : IDisposable
{
    public BoardEndpoint Endpoint { get; }

    public Board Board { get; }

    /// <summary><c>uname -m</c> of the board (armv7l, aarch64); a stand-in's declared one.</summary>
    public string Architecture { get; }

    /// <summary><c>/proc/device-tree/model</c>; a stand-in's declared one.</summary>
    public string DeviceTreeModel { get; }

    /// <summary>The host key's <c>SHA256:…</c> fingerprint (as ssh-keygen -lf prints it).</summary>
    public string HostKeyFingerprint { get; }

    /// <summary>True when the board declared itself a stand-in (no PL: results carry backend csim).</summary>
    public bool IsStandIn { get; }

    /// <summary>Directory on the board under which overlays are installed (<c>current</c> links to the live one).</summary>
    public string RemoteRoot { get; }
}
