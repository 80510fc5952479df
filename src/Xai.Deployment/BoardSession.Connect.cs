using Xai.Boards;

namespace Xai.Deployment;

public sealed partial class BoardSession
{
    private BoardSession(BoardEndpoint endpoint, Board board, string architecture, string model, string fingerprint, bool standIn, string remoteRoot)
    {
        Endpoint = endpoint;
        Board = board;
        Architecture = architecture;
        DeviceTreeModel = model;
        HostKeyFingerprint = fingerprint;
        IsStandIn = standIn;
        RemoteRoot = remoteRoot;
    }

    /// <summary>Connects and checks host key, architecture and device-tree model.</summary>
    /// <exception cref="Diagnostics.XaiException">XAI7100–XAI7109 (see README).</exception>
    public static BoardSession Connect(BoardEndpoint endpoint, Board expectedBoard, CancellationToken cancel) =>
        throw new NotImplementedException();

    public void Dispose()
    {
    }
}
