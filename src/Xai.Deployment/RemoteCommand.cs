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
        // The shell stays the group leader (no exec) so that it can remove its pid file afterwards.
        var text = pidFile is null ? command : $"echo $$ > {Quote(pidFile)}; {command}; s=$?; rm -f {Quote(pidFile)}; exit $s";
        var cmd = client.CreateCommand(text);
        var task = Task.CompletedTask;
        try
        {
            task = cmd.ExecuteAsync(CancellationToken.None);
            while (!task.Wait(50))
            {
                if (cancel.IsCancellationRequested)
                {
                    Kill(client, pidFile);
                    cancel.ThrowIfCancellationRequested();
                }
            }

            task.GetAwaiter().GetResult();
            return new Result(cmd.ExitStatus ?? -1, cmd.Result, cmd.Error);
        }
        catch (SshException e)
        {
            cancel.ThrowIfCancellationRequested();
            throw new XaiException(DiagnosticCatalog.SshFailure, $"Running a command on the board failed: {e.Message}", inner: e);
        }
        finally
        {
            // After a cancel the channel closes once the killed runner exits: release it then, not on this thread.
            task.ContinueWith(_ => cmd.Dispose(), TaskScheduler.Default);
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
            // TERM now (the runner exits at once); KILL half a second later in the background, so this returns at once.
            // The pid file goes first: once the runner is seen gone, no stale pid file is left behind it.
            var kill = client.CreateCommand(
                $"if [ -s {p} ]; then g=$(cat {p}); rm -f {p}; kill -TERM -- -$g 2>/dev/null; " +
                $"nohup sh -c \"sleep 0.5; kill -KILL -- -$g\" >/dev/null 2>&1 </dev/null & fi; true");
            // Wait briefly (the request is on its way once the channel is open), not for the remote shell:
            // Ctrl-C must return within a second even on a loaded board.
            var done = kill.ExecuteAsync(CancellationToken.None);
            done.ContinueWith(_ => kill.Dispose(), TaskScheduler.Default);
            done.Wait(TimeSpan.FromMilliseconds(250));
        }
        catch (Exception e) when (e is SshException or ObjectDisposedException or InvalidOperationException or AggregateException)
        {
            // Best effort: the connection itself may be what failed.
        }
    }

    /// <summary>Single-quotes a word for sh.</summary>
    public static string Quote(string s) => "'" + s.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
