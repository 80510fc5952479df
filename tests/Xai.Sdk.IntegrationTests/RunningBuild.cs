using System.Diagnostics;
using System.Text;

namespace Xai.Sdk.IntegrationTests;

/// <summary>
/// A <c>dotnet build</c> started in the background, in a process group of its own (setsid), so that a
/// test can interrupt it as a user, an IDE or the kernel would: SIGKILL to dotnet, SIGINT to dotnet
/// alone (an IDE's stop), SIGINT to the whole group (Ctrl-C in a terminal).
/// </summary>
internal sealed class RunningBuild : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    public RunningBuild(XaiProject project, params string[] extraArgs)
    {
        var start = new ProcessStartInfo("setsid")
        {
            WorkingDirectory = project.Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // setsid execs dotnet in place (the child is no group leader), so the pid is dotnet's and the group's.
        foreach (var a in new[] { "dotnet", "build", project.ProjectFile, "-nologo", "-v:m", "-clp:NoSummary" }.Concat(extraArgs))
        {
            start.ArgumentList.Add(a);
        }

        DotnetCli.Prepare(start, new Dictionary<string, string> { ["NUGET_PACKAGES"] = project.PackageCache });
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Pid => _process.Id;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Sends <paramref name="signal"/> (KILL, INT) to dotnet, or to its whole process group.</summary>
    public void Signal(string signal, bool group = false) => Kill(signal, group ? -Pid : Pid);

    public static void Kill(string signal, int pid)
    {
        using var kill = Process.Start("kill", ["-" + signal, "--", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public BuildResult WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            Signal("KILL", group: true);
            throw new TimeoutException($"The build did not end within {timeout}:\n{Output}");
        }

        _process.WaitForExit();
        return new BuildResult(_process.ExitCode, Output);
    }

    /// <summary>Waits until <paramref name="file"/> exists, failing if the build ends first.</summary>
    public void WaitForFile(string file, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!File.Exists(file))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The build ended before {file} appeared:\n{Output}");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{file} did not appear within {timeout}:\n{Output}");
            }

            Thread.Sleep(50);
        }
    }

    public static bool IsRunning(int pid) => Directory.Exists($"/proc/{pid}") && !File.ReadAllText($"/proc/{pid}/stat").Split(' ')[2].Equals("Z", StringComparison.Ordinal);

    public void Dispose()
    {
        // Whatever the test left in the group (a paused Exec's sleep) goes with it.
        Kill("KILL", -Pid);
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
