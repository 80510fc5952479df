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

    /// <summary>Where the commands are looked for, as messages say it.</summary>
    public string SearchedPlace => _binDirectory is { } b ? $"in XaiSlurmBinDirectory '{b}'" : "on PATH";

    /// <summary>The first of <see cref="Commands"/> that is not there, or null when all are.</summary>
    public string? FirstMissing() => Commands.FirstOrDefault(c => Locate(c) is null);

    /// <summary>The commands the executor runs.</summary>
    public static readonly IReadOnlyList<string> Commands = ["sbatch", "squeue", "scontrol", "scancel"];

    /// <summary>
    /// <c>sbatch --parsable script</c> in <paramref name="directory"/>: the job id, or null and what sbatch said. With
    /// <paramref name="afterOk"/>, the job starts only once those jobs completed successfully and is removed by Slurm if one
    /// of them failed (<c>--dependency=afterok:…</c>, <c>--kill-on-invalid-dep=yes</c>). The dependency is given on the
    /// command line, not in the script: a script resubmitted by hand must not wait for job ids long gone.
    /// </summary>
    public (string? JobId, Output Output) Submit(string script, string directory, IReadOnlyList<string>? afterOk = null)
    {
        var output = afterOk is { Count: > 0 }
            ? Run("sbatch", directory, "--parsable", "--dependency=afterok:" + string.Join(':', afterOk), "--kill-on-invalid-dep=yes", script)
            : Run("sbatch", directory, "--parsable", script);
        var id = output.ExitCode == 0 ? output.Stdout.Trim().Split(';')[0] : "";
        return (id.Length > 0 && id.All(char.IsAsciiDigit) ? id : null, output);
    }

    /// <summary>
    /// Every line scontrol shows for <paramref name="jobId"/>: one job, or one per task of a job array (waiting
    /// tasks share one). Empty when Slurm no longer knows the job; null when it could not be asked (slurmctld
    /// not answering: ask again later).
    /// </summary>
    public IReadOnlyList<SlurmJobInfo>? ShowAll(string jobId)
    {
        var output = Run("scontrol", null, "-o", "show", "job", jobId);
        if (output.ExitCode == 0)
        {
            return output.Stdout.Split('\n').Select(SlurmJobInfo.Parse).OfType<SlurmJobInfo>().ToList();
        }

        return output.Message.Contains("Invalid job id", StringComparison.OrdinalIgnoreCase) ? [] : null;
    }

    /// <summary>This user's jobs named <paramref name="jobName"/> that have not ended (an array once): id and comment (the script's stamp); null when squeue could not be asked.</summary>
    public IReadOnlyList<(string Id, string Comment)>? FindActive(string jobName)
    {
        // %F: the job id, or a job array's id for each of its tasks (listed once here). --me: never another user's job.
        var output = Run("squeue", null, "--me", "--noheader", "--name=" + jobName, "--format=%F|%k");
        if (output.ExitCode != 0)
        {
            return null;
        }

        return output.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.Split('|', 2))
            .Where(p => p.Length == 2 && p[0].Length > 0 && p[0].All(char.IsAsciiDigit))
            .Select(p => (p[0], p[1]))
            .Distinct()
            .ToList();
    }

    /// <summary><c>scancel jobId</c>.</summary>
    public Output Cancel(string jobId) => Run("scancel", null, jobId);

    private Output Run(string command, string? directory, params string[] arguments)
    {
        var path = Locate(command) ?? throw new FileNotFoundException($"Slurm's {command} is not {SearchedPlace}.", command);
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

        // Input environment variables override a script's #SBATCH lines and squeue's options: the job is what the script says.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("SBATCH_", StringComparison.Ordinal) || k.StartsWith("SQUEUE_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{path} did not start.");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return new Output(process.ExitCode, stdout, stderr.Result);
    }
}
