using System.Net.Sockets;
using Newtonsoft.Json.Linq;
using Renci.SshNet;
using Renci.SshNet.Common;
using Xai.Boards;
using Xai.Diagnostics;

namespace Xai.Deployment;

public sealed partial class BoardSession
{
    // The probe runs before anything is installed. XAI_BOARD_ROOT is set only by the stand-in's
    // sshd (SetEnv) and its xai-standin.json declares what it stands in for; a real board has neither.
    private const string ProbeScript =
        "r=\"${XAI_BOARD_ROOT:-}\"; echo \"arch=$(uname -m)\"; echo \"home=$HOME\"; echo \"uid=$(id -u)\"; " +
        "if [ -n \"$r\" ] && [ -f \"$r/xai-standin.json\" ]; then echo \"root=$r\"; echo 'standin<<'; cat \"$r/xai-standin.json\"; echo; echo '>>standin'; " +
        "else printf 'model='; tr -d '\\000' < /proc/device-tree/model 2>/dev/null; echo; " +
        "if [ -x /usr/local/share/pynq-venv/bin/python3 ]; then echo python=/usr/local/share/pynq-venv/bin/python3; else echo \"python=$(command -v python3)\"; fi; fi";

    private readonly SshClient? _ssh;
    private SftpClient? _sftp;

    private BoardSession(BoardEndpoint endpoint, Board board, string architecture, string model, string fingerprint, bool standIn, string remoteRoot, SshClient? ssh, string python)
    {
        Endpoint = endpoint;
        Board = board;
        Architecture = architecture;
        DeviceTreeModel = model;
        HostKeyFingerprint = fingerprint;
        IsStandIn = standIn;
        RemoteRoot = remoteRoot;
        _ssh = ssh;
        Python = python;
    }

    /// <summary>How the runner is started on the board (the PYNQ venv's python, under sudo -n when not root).</summary>
    internal string Python { get; }

    /// <summary>Connects and checks host key, architecture and device-tree model.</summary>
    /// <exception cref="XaiException">XAI7100–XAI7109 (see README).</exception>
    public static BoardSession Connect(BoardEndpoint endpoint, Board expectedBoard, CancellationToken cancel)
    {
        if (string.IsNullOrWhiteSpace(endpoint.HostName) || endpoint.Port is < 1 or > 65535)
        {
            throw new XaiException(DiagnosticCatalog.EndpointInvalid, $"HostName must be a host name or address and Port 1 to 65535; got '{endpoint.HostName}' port {endpoint.Port}.");
        }

        if (endpoint.Transport == BoardTransport.Jtag)
        {
            // Nothing runs on the board's CPU over JTAG: no probe, programming only (OverlayInstaller).
            return new BoardSession(endpoint, expectedBoard, "", "", "", false, "", null, "");
        }

        var key = LoadKey(endpoint);
        var known = KnownHosts.Load(endpoint.EffectiveKnownHostsFile);
        var info = new ConnectionInfo(endpoint.HostName, endpoint.Port, endpoint.UserName, new PrivateKeyAuthenticationMethod(endpoint.UserName, key))
        {
            Timeout = endpoint.EffectiveConnectTimeout,
        };
        var client = new SshClient(info);
        var verdict = HostKeyVerdict.Unknown;
        string? fingerprint = null;
        (string Type, byte[] Key)? offered = null;
        client.HostKeyReceived += (_, e) =>
        {
            fingerprint = KnownHosts.Fingerprint(e.HostKey);
            offered = (e.HostKeyName, e.HostKey);
            verdict = known.Check(endpoint.HostName, endpoint.Port, e.HostKeyName, e.HostKey);
            e.CanTrust = verdict == HostKeyVerdict.Known
                || (verdict == HostKeyVerdict.Unknown && endpoint.TrustHostKeyFingerprint is { } trusted && string.Equals(trusted.Trim(), fingerprint, StringComparison.Ordinal));
        };

        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel))
        {
            timeout.CancelAfter(endpoint.EffectiveConnectTimeout);
            try
            {
                client.ConnectAsync(timeout.Token).GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is not XaiException)
            {
                client.Dispose();
                if (cancel.IsCancellationRequested)
                {
                    throw new OperationCanceledException(cancel);
                }

                throw ConnectError(endpoint, known, e, verdict, fingerprint, offered?.Type);
            }
        }

        if (verdict == HostKeyVerdict.Unknown && offered is { } accepted)
        {
            known.Add(endpoint.HostName, endpoint.Port, accepted.Type, accepted.Key);
        }

        try
        {
            return Probe(endpoint, expectedBoard, client, fingerprint!, cancel);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static PrivateKeyFile LoadKey(BoardEndpoint endpoint)
    {
        var candidates = endpoint.KeyFile is { } k
            ? [k]
            : new[] { "id_ed25519", "id_ecdsa", "id_rsa" }.Select(n => Path.Combine(BoardEndpoint.Home, ".ssh", n)).ToArray();
        var path = candidates.FirstOrDefault(File.Exists)
            ?? throw new XaiException(DiagnosticCatalog.KeyFileUnusable,
                endpoint.KeyFile is null
                    ? "No KeyFile was given and none of ~/.ssh/id_ed25519, id_ecdsa, id_rsa exists: pass the private key the board's authorized_keys accepts."
                    : "KeyFile does not exist: pass an OpenSSH private key file.",
                endpoint.KeyFile);
        try
        {
            return new PrivateKeyFile(path);
        }
        catch (Exception e) when (e is SshException or IOException or InvalidOperationException or ArgumentException or NotSupportedException)
        {
            throw new XaiException(DiagnosticCatalog.KeyFileUnusable, $"KeyFile is not a usable private key without passphrase ({e.Message}).", path, inner: e);
        }
    }

    private static XaiException ConnectError(BoardEndpoint endpoint, KnownHosts known, Exception e, HostKeyVerdict verdict, string? fingerprint, string? keyType)
    {
        var where = $"{endpoint.HostName} port {endpoint.Port}";
        if (fingerprint is not null && verdict == HostKeyVerdict.Mismatch)
        {
            return new XaiException(DiagnosticCatalog.HostKeyMismatch,
                $"The host key of {where} ({keyType} {fingerprint}) differs from the one {known.Path} lists for it: the board was re-imaged or this is not the board. Nothing was sent. If the change is expected, remove the old line (ssh-keygen -R '{KnownHosts.HostPattern(endpoint.HostName, endpoint.Port)}' -f {known.Path}) and connect with TrustHostKeyFingerprint.",
                known.Path, inner: e);
        }

        if (fingerprint is not null && verdict == HostKeyVerdict.Unknown && e is SshConnectionException)
        {
            var others = known.KeyTypesFor(endpoint.HostName, endpoint.Port);
            var given = endpoint.TrustHostKeyFingerprint is { } t ? $" TrustHostKeyFingerprint '{t}' does not match it." : "";
            return new XaiException(DiagnosticCatalog.HostKeyUnknown,
                $"{where} is not in {known.Path}{(others.Count > 0 ? $" with a {keyType} key (only {string.Join(", ", others)})" : "")}. Its host key is {keyType} {fingerprint}: check it on the board's console (ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub) and pass it as TrustHostKeyFingerprint to accept and remember it.{given}",
                known.Path, inner: e);
        }

        return e switch
        {
            SshAuthenticationException => new XaiException(DiagnosticCatalog.KeyRejected,
                $"{where} rejected user '{endpoint.UserName}' with key {endpoint.KeyFile ?? "(default key)"}: add its .pub to ~{endpoint.UserName}/.ssh/authorized_keys on the board ({e.Message}).", endpoint.KeyFile, inner: e),
            SocketException or SshOperationTimeoutException or OperationCanceledException or TimeoutException => new XaiException(DiagnosticCatalog.Unreachable,
                $"Cannot reach {where} within {endpoint.EffectiveConnectTimeout.TotalSeconds:0.#} s ({e.Message}): check the board is powered, on the network and running sshd, and the host name and port.", inner: e),
            _ => new XaiException(DiagnosticCatalog.SshFailure, $"SSH to {where} failed: {e.Message}", inner: e),
        };
    }

    private static BoardSession Probe(BoardEndpoint endpoint, Board expected, SshClient client, string fingerprint, CancellationToken cancel)
    {
        var run = RemoteCommand.Run(client, ProbeScript, cancel);
        var lines = run.Output.Split('\n');
        string Value(string key) => lines.FirstOrDefault(l => l.StartsWith(key + "=", StringComparison.Ordinal))?[(key.Length + 1)..].Trim() ?? "";
        var measuredArch = Value("arch");
        if (run.ExitCode != 0 || measuredArch.Length == 0)
        {
            throw new XaiException(DiagnosticCatalog.BoardProbeFailed, $"The board probe (uname, device-tree model) failed on {endpoint} (exit {run.ExitCode}): {run.Error.Trim()}");
        }

        var start = run.Output.IndexOf("standin<<", StringComparison.Ordinal);
        bool standIn = start >= 0;
        string arch = measuredArch, model = Value("model"), python = Value("python"), root;
        if (standIn)
        {
            var end = run.Output.IndexOf(">>standin", StringComparison.Ordinal);
            JObject declared;
            try
            {
                declared = JObject.Parse(run.Output[(start + "standin<<".Length)..end]);
            }
            catch (Newtonsoft.Json.JsonException e)
            {
                throw new XaiException(DiagnosticCatalog.BoardProbeFailed, $"The stand-in's xai-standin.json is not JSON: {e.Message}", inner: e);
            }

            arch = (string?)declared["architecture"] ?? "";
            model = (string?)declared["deviceTreeModel"] ?? "";
            python = (string?)declared["python"] ?? "python3";
            root = Value("root") + "/overlays";
        }
        else
        {
            root = Value("home") + "/xai";
            if (Value("uid") != "0")
            {
                // PYNQ needs root for /dev/mem; sudo -n fails at once (no prompt) when a password is required.
                python = "sudo -n " + python;
            }
        }

        var wanted = BoardIdentity.ArchitectureOf(expected);
        if (!string.Equals(arch, wanted, StringComparison.Ordinal))
        {
            throw new XaiException(DiagnosticCatalog.ArchitectureMismatch,
                $"{endpoint} reports CPU architecture '{arch}'{(standIn ? " (declared by a stand-in)" : "")}, but board '{expected.Id}' ({expected.Family}) has '{wanted}': this is not a {expected.DisplayName}.", expected.SourceFile);
        }

        if (!BoardIdentity.ModelMatches(expected, model))
        {
            throw new XaiException(DiagnosticCatalog.DeviceTreeMismatch,
                $"{endpoint} has device-tree model '{model}', which names none of {string.Join(", ", BoardIdentity.ModelTokens(expected).Select(t => $"'{t}'"))} expected for board '{expected.Id}'.", expected.SourceFile);
        }

        return new BoardSession(endpoint, expected, arch, model, fingerprint, standIn, root, client, python);
    }

    internal SshClient Ssh => _ssh ?? throw new XaiException(DiagnosticCatalog.BackendUnavailable, $"The session to {Endpoint} uses JTAG: nothing runs on the board's CPU (connect with Transport Ssh).");

    internal SftpClient Sftp
    {
        get
        {
            if (_sftp is null)
            {
                _sftp = new SftpClient(Ssh.ConnectionInfo);
                _sftp.Connect();
            }

            return _sftp;
        }
    }

    /// <summary>Runs a shell command on the board.</summary>
    internal RemoteCommand.Result Run(string command, CancellationToken cancel, string? pidFile = null) => RemoteCommand.Run(Ssh, command, cancel, pidFile);

    public void Dispose()
    {
        _sftp?.Dispose();
        _ssh?.Dispose();
    }
}
