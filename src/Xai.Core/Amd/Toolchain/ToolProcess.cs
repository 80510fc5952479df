using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace Xai.Amd.Toolchain;

/// <summary>
/// Runs one <see cref="ToolInvocation"/> and hands every line it prints (standard output and error,
/// in arrival order) to the caller as it comes, so that a long synthesis shows progress and its
/// errors as they happen. Cancellation kills the whole process tree (Vivado and Vitis HLS start
/// helper processes).
/// </summary>
public static class ToolProcess
{
    /// <summary>How the run ended.</summary>
    /// <param name="ExitCode">The exit code; not trusted on its own (see <see cref="ToolRunVerdict"/>).</param>
    /// <param name="Lines">Everything printed, in order.</param>
    /// <param name="Cancelled">The run was stopped by the cancellation token.</param>
    /// <param name="StartError">Why the process could not start, or null.</param>
    public sealed record Result(int ExitCode, IReadOnlyList<string> Lines, bool Cancelled, string? StartError);

    public static Result Run(ToolInvocation invocation, Action<string> onLine, CancellationToken cancel, IReadOnlyDictionary<string, string>? environment = null)
    {
        // The tool dies with the build even when the build is killed outright.
        var start = Xai.Simulation.ParentDeathSignal.StartInfo(invocation.Executable);
        start.WorkingDirectory = invocation.WorkingDirectory;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = true;
        start.UseShellExecute = false;
        start.CreateNoWindow = true;
        start.StandardOutputEncoding = Encoding.UTF8;
        start.StandardErrorEncoding = Encoding.UTF8;
        foreach (var argument in invocation.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        Directory.CreateDirectory(invocation.WorkingDirectory);

        // Lines are handed to the caller on the caller's thread (hosts such as MSBuild expect their
        // logger to be called from the task's thread), in arrival order.
        using var queue = new BlockingCollection<string>();
        var openStreams = 2;
        void Receive(string? line)
        {
            if (line is not null)
            {
                queue.Add(line);
            }
            else if (Interlocked.Decrement(ref openStreams) == 0)
            {
                queue.CompleteAdding();
            }
        }

        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Receive(e.Data);
        process.ErrorDataReceived += (_, e) => Receive(e.Data);
        try
        {
            process.Start();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return new Result(-1, [], false, e.Message);
        }

        // The tools must never wait for a console answer: batch runs read no input.
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var cancelled = false;
        var lines = new List<string>();
        using (cancel.Register(() =>
        {
            cancelled = true;
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already exited.
            }
        }))
        {
            // Ends when both streams are closed: the tool (and whatever inherited its output) is done or killed.
            foreach (var line in queue.GetConsumingEnumerable())
            {
                lines.Add(line);
                onLine(line);
            }

            process.WaitForExit();
        }

        return new Result(process.ExitCode, lines, cancelled, null);
    }
}
