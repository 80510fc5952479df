using Renci.SshNet;
using Renci.SshNet.Common;
using Xai.Diagnostics;

namespace Xai.Deployment;

/// <summary>
/// One command on the board over an SSH exec channel. Cancellation kills the command's whole
/// process group on the board (sshd makes the command a session leader, so <c>$$</c> is the
/// group id) from a second channel, so a cancelled runner does not keep the accelerator or CPU busy.
/// </summary>
internal static class RemoteCommand
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static Result Run(SshClient client, string command, CancellationToken cancel, string? pidFile = null)
    {
        var text = pidFile is null ? command : $"echo $$ > {Quote(pidFile)}; {command}";
        using var cmd = client.CreateCommand(text);
        try
        {
            var task = cmd.ExecuteAsync(CancellationToken.None);
            while (!task.Wait(50))
            {
                if (cancel.IsCancellationRequested)
                {
                    Kill(client, pidFile);
                    try
                    {
                        cmd.CancelAsync(forceKill: true, millisecondsTimeout: 200);
                    }
                    catch (Exception e) when (e is SshException or InvalidOperationException or ObjectDisposedException)
                    {
                        // The channel is gone already: nothing left to stop.
                    }

                    cancel.ThrowIfCancellationRequested();
                }
            }

            task.GetAwaiter().GetResult();
            return new Result(cmd.ExitStatus ?? -1, cmd.Result, cmd.Error);
        }
        catch (SshException e)
        {
            cancel.ThrowIfCancellationRequested();
            throw new XaiException(DeploymentCodes.SshFailure, $"Running a command on the board failed: {e.Message}", inner: e);
        }
    }

    private static void Kill(SshClient client, string? pidFile)
    {
        if (pidFile is null || !client.IsConnected)
        {
            return;
        }

        try
        {
            var p = Quote(pidFile);
            using var kill = client.CreateCommand($"if [ -s {p} ]; then g=$(cat {p}); kill -TERM -- -$g 2>/dev/null; sleep 0.3; kill -KILL -- -$g 2>/dev/null; rm -f {p}; fi; true");
            kill.CommandTimeout = TimeSpan.FromSeconds(2);
            kill.Execute();
        }
        catch (Exception e) when (e is SshException or ObjectDisposedException or InvalidOperationException)
        {
            // Best effort: the connection itself may be what failed.
        }
    }

    /// <summary>Single-quotes a word for sh.</summary>
    public static string Quote(string s) => "'" + s.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
