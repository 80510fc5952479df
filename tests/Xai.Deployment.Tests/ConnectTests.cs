using Xai.Diagnostics;

namespace Xai.Deployment.Tests;

/// <summary>BoardSession.Connect over real SSH against the stand-in: the checks that make a session trustworthy.</summary>
public sealed class ConnectTests(BoardStandIn standIn) : IClassFixture<BoardStandIn>
{
    [Fact]
    public void ConnectsToTheStandInAndSaysItIsOne()
    {
        using var session = standIn.Connect();
        Assert.True(session.IsStandIn);
        Assert.Equal("armv7l", session.Architecture);
        Assert.Contains("Pynq-Z2", session.DeviceTreeModel);
        Assert.Contains("stand-in", session.DeviceTreeModel);
        Assert.Equal(standIn.Fingerprint, session.HostKeyFingerprint);
        Assert.Equal(standIn.Root + "/overlays", session.RemoteRoot);
    }

    [Fact]
    public void UnknownHostNeedsItsFingerprintThenIsRemembered()
    {
        var knownHosts = Path.Combine(standIn.Directory, $"known-{Guid.NewGuid():N}");
        var e = Assert.Throws<XaiException>(() => BoardSession.Connect(standIn.Endpoint(knownHosts), standIn.Board(), CancellationToken.None));
        Assert.Equal("XAI7100", e.Code);
        Assert.Contains(standIn.Fingerprint, e.Message);
        Assert.False(File.Exists(knownHosts));

        var wrong = Assert.Throws<XaiException>(() => BoardSession.Connect(standIn.Endpoint(knownHosts, trust: "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"), standIn.Board(), CancellationToken.None));
        Assert.Equal("XAI7100", wrong.Code);

        using (BoardSession.Connect(standIn.Endpoint(knownHosts, trust: standIn.Fingerprint), standIn.Board(), CancellationToken.None))
        {
        }

        Assert.Contains($"[127.0.0.1]:{standIn.Port} ssh-ed25519 ", File.ReadAllText(knownHosts));
        using var again = BoardSession.Connect(standIn.Endpoint(knownHosts), standIn.Board(), CancellationToken.None);
        Assert.Equal(standIn.Fingerprint, again.HostKeyFingerprint);
    }

    [Fact]
    public void AnotherKeyForAKnownHostIsRefusedEvenWithATrustedFingerprint()
    {
        var impostor = standIn.NewKey($"impostor-{Guid.NewGuid():N}");
        var knownHosts = Path.Combine(standIn.Directory, $"known-{Guid.NewGuid():N}");
        var pub = File.ReadAllText(impostor + ".pub").Split(' ');
        File.WriteAllText(knownHosts, $"[127.0.0.1]:{standIn.Port} {pub[0]} {pub[1]}\n");
        var e = Assert.Throws<XaiException>(() => BoardSession.Connect(standIn.Endpoint(knownHosts, trust: standIn.Fingerprint), standIn.Board(), CancellationToken.None));
        Assert.Equal("XAI7101", e.Code);
        Assert.Contains("differs", e.Message);
    }

    [Fact]
    public void AKeyTheBoardDoesNotAuthorizeIsRejected()
    {
        var stranger = standIn.NewKey($"stranger-{Guid.NewGuid():N}");
        var e = Assert.Throws<XaiException>(() => BoardSession.Connect(standIn.Endpoint(keyFile: stranger), standIn.Board(), CancellationToken.None));
        Assert.Equal("XAI7102", e.Code);
        Assert.Contains("authorized_keys", e.Message);
    }

    [Fact]
    public void AnUnreachableHostTimesOutNamingHostAndPort()
    {
        // A TCP port nobody listens on: refused at once, reported like a timeout (host and port named).
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var e = Assert.Throws<XaiException>(() => BoardSession.Connect(standIn.Endpoint(port: port), standIn.Board(), CancellationToken.None));
        Assert.Equal("XAI7103", e.Code);
        Assert.Contains($"127.0.0.1 port {port}", e.Message);

        // A blackholed address (TEST-NET-1): nothing answers; the connect timeout ends it.
        var endpoint = standIn.Endpoint() with { HostName = "192.0.2.1", ConnectTimeout = TimeSpan.FromSeconds(1) };
        var started = DateTime.UtcNow;
        var t = Assert.Throws<XaiException>(() => BoardSession.Connect(endpoint, standIn.Board(), CancellationToken.None));
        Assert.Equal("XAI7103", t.Code);
        Assert.Contains($"192.0.2.1 port {standIn.Port}", t.Message);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void TheBoardMustBeTheOneNamed()
    {
        var e = Assert.Throws<XaiException>(() => BoardSession.Connect(standIn.Endpoint(), standIn.Board("ultra96-v2"), CancellationToken.None));
        Assert.Equal("XAI7105", e.Code);
        Assert.Contains("aarch64", e.Message);
        Assert.Contains("armv7l", e.Message);
    }
}
