using System.Diagnostics;
using System.Text;

namespace Xai.Slurm;

/// <summary>
/// Slurm's own commands, run with argument lists (no shell): <c>sbatch</c> submits, <c>scontrol show
/// job</c> describes a job, <c>squeue</c> finds a build's jobs by name, <c>scancel</c> cancels. Found in
/// <see cref="SlurmOptions.BinDirectory"/> or on PATH.
/// </summary>
public sealed class SlurmCommands
{
    private readonly string? _binDirectory;

    public SlurmCommands(string? binDirectory) => _binDirectory = binDirectory;

    /// <summary>What a command printed and how it exited.</summary>
    public sealed record Output(int ExitCode, string Stdout, string Stderr)
    {
        /// <summary>Slurm's own message: its standard error, else its output, trimmed.</summary>
        public string Message => (Stderr.Trim().Length > 0 ? Stderr : Stdout).Trim();
    }

    /// <summary>The full path of <paramref name="command"/>, or null when it is not there.</summary>
    public string? Locate(string command)
    {
        var directories = _binDirectory is { } bin
            ? [bin]
            : (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return directories.Select(d => Path.Combine(d, command)).FirstOrDefault(File.Exists);
    }

    /// <summary><c>sbatch --parsable script</c> in <paramref name="directory"/>: the job id, or Slurm's refusal.</summary>
    public (string? JobId, Output Output) Submit(string script, string directory)
    {
        var output = Run("sbatch", directory, "--parsable", script);
        var id = output.ExitCode == 0 ? output.Stdout.Trim().Split(';')[0] : "";
        return (id.Length > 0 && id.All(char.IsAsciiDigit) ? id : null, output);
    }

    /// <summary>The job <paramref name="jobId"/> as scontrol shows it; null when Slurm no longer knows it.</summary>
    public SlurmJobInfo? Show(string jobId)
    {
        var output = Run("scontrol", null, "show", "job", "-o", jobId);
        return output.ExitCode == 0 ? output.Stdout.Split('\n').Select(SlurmJobInfo.Parse).FirstOrDefault(j => j is not null) : null;
    }

    /// <summary>The jobs named <paramref name="jobName"/> that have not ended: id and comment (the script's stamp).</summary>
    public IReadOnlyList<(string Id, string Comment)> FindActive(string jobName)
    {
        var output = Run("squeue", null, "--noheader", "--name=" + jobName, "--format=%i|%k");
        return output.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.Split('|', 2))
            .Where(p => p.Length == 2 && p[0].All(char.IsAsciiDigit))
            .Select(p => (p[0], p[1]))
            .ToList();
    }

    /// <summary><c>scancel jobId</c>.</summary>
    public Output Cancel(string jobId) => Run("scancel", null, jobId);

    private Output Run(string command, string? directory, params string[] arguments)
    {
        var path = Locate(command) ?? throw new FileNotFoundException($"Slurm's {command} is not {(_binDirectory is { } b ? $"in XaiSlurmBinDirectory '{b}'" : "on PATH")}.", command);
        var start = new ProcessStartInfo(path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        if (directory is not null)
        {
            start.WorkingDirectory = directory;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{path} did not start.");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return new Output(process.ExitCode, stdout, stderr.Result);
    }
}
