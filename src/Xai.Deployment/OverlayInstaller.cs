using System.Security.Cryptography;
using Newtonsoft.Json.Linq;
using Renci.SshNet.Common;
using Xai.Diagnostics;
using Xai.Simulation;
using Code = Xai.CodeGeneration;

namespace Xai.Deployment;

/// <summary>
/// Installs a build on a board: refuses a bitstream for another part before copying anything,
/// copies into a staging directory, verifies SHA-256 on the board, switches the <c>current</c>
/// link atomically (an interrupted copy leaves the previous overlay live), loads it with the
/// runner's <c>load</c> command (PYNQ Overlay) and checks fpga_manager reads "operating".
/// </summary>
public static class OverlayInstaller
{
    /// <exception cref="XaiException">XAI7201/7202 no bitstream or .hwh; XAI7206/7207 wrong part; XAI73xx copy, checksum, load.</exception>
    public static InstalledOverlay Install(BoardSession session, BuildArtifacts build, IProgress<DeploymentProgress>? progress, CancellationToken cancel)
    {
        var (bit, hwh) = build.RequireBitstream();
        var header = CheckPart(session, bit, hwh);
        if (session.Endpoint.Transport == BoardTransport.Jtag)
        {
            return ProgramOverJtag(session, build, bit, header, cancel);
        }

        const string activity = "Install overlay";
        var files = new List<string> { bit, hwh };
        files.AddRange(build.BoardFiles);
        var hashes = files.ToDictionary(f => Path.GetFileName(f), Sha256Of, StringComparer.Ordinal);
        var stem = Path.GetFileNameWithoutExtension(bit);
        var overlayName = $"{stem}-{hashes[Path.GetFileName(bit)][..12]}";
        var root = session.RemoteRoot;
        var staging = $"{root}/.staging-{Guid.NewGuid():N}";
        var final = $"{root}/{overlayName}";
        Check(session.Run($"mkdir -p {Q(staging)}", cancel), "create the staging directory");
        try
        {
            for (var i = 0; i < files.Count; i++)
            {
                cancel.ThrowIfCancellationRequested();
                progress?.Report(new DeploymentProgress(activity, $"copy {Path.GetFileName(files[i])}", 5 + 70 * i / files.Count));
                using var stream = File.OpenRead(files[i]);
                try
                {
                    session.Sftp.UploadFile(stream, $"{staging}/{Path.GetFileName(files[i])}");
                }
                catch (Exception e) when (e is SshException or IOException)
                {
                    throw new XaiException(DiagnosticCatalog.CopyFailed, $"Copying {Path.GetFileName(files[i])} to {session.Endpoint} failed: {e.Message}. The previous overlay is still installed.", files[i], inner: e);
                }
            }

            progress?.Report(new DeploymentProgress(activity, "verify SHA-256 on the board", 78));
            var sums = Check(session.Run($"cd {Q(staging)} && sha256sum -- {string.Join(' ', hashes.Keys.Select(Q))}", cancel), "compute SHA-256 on the board");
            foreach (var line in sums.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var parts = line.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
                var name = parts[1].TrimStart('*', ' ');
                if (!hashes.TryGetValue(name, out var expected) || expected != parts[0])
                {
                    throw new XaiException(DiagnosticCatalog.ChecksumMismatch, $"{name} arrived on {session.Endpoint} with SHA-256 {parts[0]}, not {expected}: the copy is corrupt. The previous overlay is still installed.", name);
                }
            }

            cancel.ThrowIfCancellationRequested();
            progress?.Report(new DeploymentProgress(activity, "switch to the new overlay", 85));
            // rename(2) of a directory and of a symlink are atomic: 'current' names either the old or the new overlay.
            Check(session.Run(
                $"chmod +x {Q(staging + "/" + Code.BoardRunnerLayout.ScriptName)} {Q(staging + "/" + Code.BoardRunnerLayout.CSimProgramName)} && " +
                $"rm -rf {Q(final)} && mv -T {Q(staging)} {Q(final)} && " +
                $"{{ readlink {Q(root + "/current")} > {Q(root + "/previous.txt")} || true; }} && " +
                $"ln -sfn {Q(overlayName)} {Q(root + "/current.new")} && mv -T {Q(root + "/current.new")} {Q(root + "/current")}", cancel), "switch the current overlay");
        }
        catch
        {
            // Best effort, without the (possibly cancelled) token: the live overlay is untouched either way.
            try
            {
                session.Run($"rm -rf {Q(staging)}", CancellationToken.None);
            }
            catch (Exception e) when (e is XaiException or SshException)
            {
            }

            throw;
        }

        progress?.Report(new DeploymentProgress(activity, $"load {Path.GetFileName(bit)}", 90));
        var load = Runner(session, $"load {Q(Path.GetFileName(bit))}", cancel);
        var state = (string?)load["state"] ?? "";
        if (!string.Equals(state, "operating", StringComparison.Ordinal))
        {
            throw new XaiException(DiagnosticCatalog.LoadFailed, $"After loading {Path.GetFileName(bit)}, /sys/class/fpga_manager/fpga0/state reads '{state}', not 'operating'.", bit);
        }

        progress?.Report(new DeploymentProgress(activity, "done", 100));
        return new InstalledOverlay(final, hashes, state, Path.GetFileName(bit), header.Part, session.IsStandIn);
    }

    /// <summary>Refuses a bitstream (or .hwh) for another part than the session's board, before anything is copied.</summary>
    public static BitstreamHeader CheckPart(BoardSession session, string bit, string hwh)
    {
        var header = BitstreamHeader.Read(bit);
        var board = session.Board;
        if (!PartName.Matches(header.Part, board.Part))
        {
            throw new XaiException(DiagnosticCatalog.PartMismatch,
                $"The bitstream was built for part '{header.Part}' (header field b), but board '{board.Id}' has part '{board.Part}': rebuild with XaiBoard={board.Id} or connect to the board it was built for. Nothing was copied.", bit);
        }

        var handoff = HwhFile.Read(hwh);
        if (!PartName.Matches(handoff.Part, board.Part))
        {
            throw new XaiException(DiagnosticCatalog.HwhPartMismatch,
                $"The hardware handoff names part '{handoff.Part}' (SYSTEMINFO), but board '{board.Id}' has part '{board.Part}': the .hwh is not the one built with this .bit. Nothing was copied.", hwh);
        }

        return header;
    }

    /// <summary>Runs the installed runner (in <c>current</c>) and returns its JSON result, or the coded error it reported.</summary>
    internal static JObject Runner(BoardSession session, string arguments, CancellationToken cancel)
    {
        var current = session.RemoteRoot + "/current";
        var run = session.Run($"cd {Q(current)} && {session.Python} ./{Code.BoardRunnerLayout.ScriptName} {arguments}", cancel, $"{session.RemoteRoot}/.runner-{Guid.NewGuid():N}.pid");
        return RunnerResult.Parse(run, session.Endpoint.ToString());
    }

    private static InstalledOverlay ProgramOverJtag(BoardSession session, BuildArtifacts build, string bit, BitstreamHeader header, CancellationToken cancel)
    {
        var script = build.JtagScript
            ?? throw new XaiException(DiagnosticCatalog.JtagUnavailable, "The build has no JTAG programming script (program_<board>.tcl): run the Bitstream stage.", build.OutputDirectory);
        var run = ProcessRunner.Run("vivado", ["-mode", "batch", "-notrace", "-nojournal", "-nolog", "-source", script], build.OutputDirectory, cancel)
            ?? throw new XaiException(DiagnosticCatalog.JtagUnavailable, "JTAG programming needs Vivado's hardware manager (vivado on PATH), which was not found.", script);
        if (run.ExitCode != 0)
        {
            throw new XaiException(DiagnosticCatalog.LoadFailed, $"Vivado could not program {session.Board.Id} over JTAG (exit {run.ExitCode}): {run.StandardError.Trim()}", script);
        }

        return new InstalledOverlay("", new Dictionary<string, string> { [Path.GetFileName(bit)] = Sha256Of(bit) }, "jtag", Path.GetFileName(bit), header.Part, false);
    }

    private static RemoteCommand.Result Check(RemoteCommand.Result result, string what) =>
        result.ExitCode == 0 ? result : throw new XaiException(DiagnosticCatalog.CopyFailed, $"Could not {what} on the board (exit {result.ExitCode}): {result.Error.Trim()}. The previous overlay is still installed.");

    private static string Sha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(stream)).ToLowerInvariant();
    }

    private static string Q(string s) => RemoteCommand.Quote(s);
}
