using System.Diagnostics;

namespace Xai.Simulation;

/// <summary>Runs a program to completion, capturing its output; cancellable (Ctrl-C in MSBuild kills the child), and the child dies with the build (<see cref="ParentDeathSignal"/>).</summary>
public static class ProcessRunner
{
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError);

    /// <returns>null when the program cannot be started (not installed).</returns>
    public static Result? Run(string program, IEnumerable<string> arguments, string workingDirectory, CancellationToken cancel)
    {
        var start = ParentDeathSignal.StartInfo(program);
        start.WorkingDirectory = workingDirectory;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }

        using (process)
        using (cancel.Register(() =>
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
            }
        }))
        {
            var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
            process.WaitForExit();
            cancel.ThrowIfCancellationRequested();
            return new Result(process.ExitCode, stdout.Result, stderr.Result);
        }
    }
}
