using System.Diagnostics;
using Newtonsoft.Json.Linq;
using Xai.Boards;
using Xai.Core.Tests;

namespace Xai.Deployment.Tests;

/// <summary>
/// The loopback OpenSSH board stand-in (tests/board-standin/start-board-standin.sh): a real sshd on
/// 127.0.0.1 with throwaway keys, for a Pynq-Z2. Stopped (its sshd only) on dispose.
/// </summary>
public sealed class BoardStandIn : IDisposable
{
    public BoardStandIn()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("xai-standin-").FullName;
        var start = Script("start-board-standin.sh", "--board", "pynq-z2", Directory);
        if (start.ExitCode != 0)
        {
            throw new InvalidOperationException($"The board stand-in did not start (is openssh-server installed?): {start.Error}");
        }

        Info = JObject.Parse(File.ReadAllText(Path.Combine(Directory, "standin.json")));
        Catalog = BoardCatalog.Load(RepositoryLayout.Boards);
    }

    public string Directory { get; }

    public JObject Info { get; }

    public BoardCatalog Catalog { get; }

    public int Port => (int)Info["port"]!;

    public string Root => (string)Info["root"]!;

    public string Fingerprint => (string)Info["hostKeyFingerprint"]!;

    public Board Board(string id = "pynq-z2") => Catalog.TryGet(id, out var b) ? b : throw new ArgumentException(id);

    public BoardEndpoint Endpoint(string? knownHosts = null, string? keyFile = null, string? trust = null, int? port = null) => new(
        "127.0.0.1", port ?? Port, (string)Info["user"]!, keyFile ?? (string)Info["keyFile"]!, knownHosts ?? (string)Info["knownHostsFile"]!, trust, TimeSpan.FromSeconds(5));

    public BoardSession Connect() => BoardSession.Connect(Endpoint(), Board(), CancellationToken.None);

    /// <summary>A fresh ed25519 key pair in the stand-in's directory (private key path).</summary>
    public string NewKey(string name)
    {
        var path = Path.Combine(Directory, name);
        File.Delete(path);
        File.Delete(path + ".pub");
        var run = Run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", path);
        Assert.Equal(0, run.ExitCode);
        return path;
    }

    public static (int ExitCode, string Output, string Error) Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var p = Process.Start(start)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, output.Result, error.Result);
    }

    private static (int ExitCode, string Output, string Error) Script(string name, params string[] args) =>
        Run("bash", [Path.Combine(DeployableBuild.StandInDirectory, name), .. args]);

    public void Dispose()
    {
        Script("stop-board-standin.sh", Directory);
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
