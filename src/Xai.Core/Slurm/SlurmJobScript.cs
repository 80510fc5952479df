using System.Security.Cryptography;
using System.Text;
using Xai.Amd.Toolchain;

namespace Xai.Slurm;

/// <summary>
/// The batch script of one tool run: readable, resubmittable by hand (<c>cd</c> to its directory, then
/// <c>sbatch</c> it), and safe whatever the values. The <c>#SBATCH</c> lines hold only the job's name
/// and file names the SDK makes (letters, digits, '.', '_', '-') and options <see cref="SlurmOptions"/>
/// validated; the body runs the tool with every word single-quoted (<see cref="ShellWord"/>), so a path
/// or argument is passed as it is and never becomes a command, then exits 1 when the tool's log has ERROR
/// lines or an expected output is missing (the verdict's own checks, coarsely), so that the job's state
/// agrees with the build's verdict for jobs chained after it. A stamp of the script's content is the
/// job's comment: a job of the same name and stamp is the same run (<see cref="SlurmToolExecutor"/>).
/// </summary>
public static class SlurmJobScript
{
    private static readonly System.Text.RegularExpressions.Regex HeterogeneousSeparator = new("packjob|hetjob", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    public const string StampPrefix = "xai:";

    /// <summary>The script text and its stamp.</summary>
    /// <param name="outputFile">The job's output file name, relative to the working directory (where sbatch runs).</param>
    /// <param name="inputDigest">The content of what the run reads (<see cref="InputDigest"/>), part of the stamp: a job left running on older inputs is not this run.</param>
    public static (string Text, string Stamp) Write(ToolInvocation invocation, SlurmOptions options, string jobName, string outputFile, string inputDigest = "")
    {
        RequireSafeName(jobName, nameof(jobName));
        RequireSafeName(outputFile, nameof(outputFile));
        var body = Header(jobName, outputFile, null, options, invocation.WorkingDirectory);
        body.Append(CommandLine(invocation)).Append('\n');
        body.Append("status=$?\n");
        // The job's state must say what the build's verdict will (its log's ERROR lines, its expected outputs):
        // AMD tools exit 0 on some errors, and jobs chained after this one (afterok) start only on exit 0.
        var log = invocation.LogFile ?? Path.Combine(invocation.WorkingDirectory, outputFile);
        body.Append("if [ $status -eq 0 ] && grep -qE '^[[:space:]]*(ERROR|ERR):' ").Append(ShellWord.Quote(log)).Append(" 2>/dev/null; then\n");
        body.Append("  echo \"Xai job check: the log has ERROR lines; exit 1\" >&2; status=1\n");
        body.Append("fi\n");
        if (invocation.ExpectedOutputs.Count > 0)
        {
            body.Append("for f in ").Append(string.Join(' ', invocation.ExpectedOutputs.Select(ShellWord.Quote))).Append("; do\n");
            body.Append("  if [ $status -eq 0 ] && [ ! -e \"$f\" ]; then echo \"Xai job check: $f is missing; exit 1\" >&2; status=1; fi\n");
            body.Append("done\n");
        }

        body.Append("exit $status\n");
        return Stamped(invocation.Description, body.ToString(), inputDigest);
    }

    /// <summary>
    /// The script of a job array: task k runs <paramref name="tasks"/>[k] (a <c>case</c> on
    /// SLURM_ARRAY_TASK_ID, each command line quoted as in <see cref="Write"/>), as many at once as the
    /// cluster gives. Every task runs in the
    /// first task's working directory; <paramref name="outputPattern"/> holds <c>%a</c> for the task index.
    /// </summary>
    public static (string Text, string Stamp) WriteArray(IReadOnlyList<ToolInvocation> tasks, SlurmOptions options, string jobName, string outputPattern, string description, string inputDigest = "")
    {
        RequireSafeName(jobName, nameof(jobName));
        RequireSafeName(outputPattern.Replace("%a", "", StringComparison.Ordinal), nameof(outputPattern));
        if (tasks.Count == 0 || tasks.Any(t => t.WorkingDirectory != tasks[0].WorkingDirectory))
        {
            throw new ArgumentException("A job array needs at least one task, all in one working directory.", nameof(tasks));
        }

        var body = Header(jobName, outputPattern, tasks.Count, options, tasks[0].WorkingDirectory);
        body.Append("case \"$SLURM_ARRAY_TASK_ID\" in\n");
        for (var k = 0; k < tasks.Count; k++)
        {
            body.Append("  ").Append(k).Append(") exec ").Append(CommandLine(tasks[k])).Append(" ;;\n");
        }

        body.Append("  *) echo \"ERROR: no task $SLURM_ARRAY_TASK_ID in this array\" >&2; exit 2 ;;\n");
        body.Append("esac\n");
        return Stamped(description, body.ToString(), inputDigest);
    }

    /// <summary>The #SBATCH lines (sbatch reads them; values the SDK made or validated) and the body's first lines.</summary>
    private static StringBuilder Header(string jobName, string output, int? arrayTasks, SlurmOptions options, string workingDirectory)
    {
        var body = new StringBuilder();
        body.Append("#SBATCH --job-name=").Append(jobName).Append('\n');
        body.Append("#SBATCH --output=").Append(output).Append('\n');
        // A requeued job would restart into the same output file and mix two runs in one log.
        body.Append("#SBATCH --no-requeue\n");
        if (arrayTasks is { } n)
        {
            body.Append("#SBATCH --array=0-").Append(n - 1).Append('\n');
        }

        foreach (var option in options.SbatchOptions())
        {
            body.Append("#SBATCH ").Append(option).Append('\n');
        }

        body.Append('\n');
        body.Append("set -u\n");
        body.Append("cd ").Append(ShellWord.Quote(workingDirectory)).Append(" || exit 1\n");
        return body;
    }

    private static string CommandLine(ToolInvocation invocation) =>
        string.Join(' ', new[] { invocation.Executable }.Concat(invocation.Arguments).Select(ShellWord.Quote));

    /// <summary>
    /// A digest of what <paramref name="runs"/> read: the program, each argument that names an existing file
    /// other than what the run writes (its log and expected outputs, which a running job changes), and every
    /// file under the working directory's <c>src/</c> (the vendor stages' generated sources), by path and content.
    /// </summary>
    public static string InputDigest(IEnumerable<ToolInvocation> runs)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var run in runs)
        {
            var written = new HashSet<string>(run.ExpectedOutputs.Append(run.LogFile ?? "").Select(f => f.Length == 0 ? f : Path.GetFullPath(f, run.WorkingDirectory)), StringComparer.Ordinal);
            var files = new[] { run.Executable }.Concat(run.Arguments.Select(a => Path.GetFullPath(a, run.WorkingDirectory)).Where(f => !written.Contains(f)))
                .Where(File.Exists);
            var sources = Path.Combine(run.WorkingDirectory, "src");
            if (Directory.Exists(sources))
            {
                files = files.Concat(Directory.GetFiles(sources, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
            }

            foreach (var file in files)
            {
                hash.AppendData(Encoding.UTF8.GetBytes(file + "\0"));
                hash.AppendData(File.ReadAllBytes(file));
            }
        }

        return Convert.ToHexString(hash.GetHashAndReset())[..16].ToLowerInvariant();
    }

    private static (string Text, string Stamp) Stamped(string description, string body, string inputDigest)
    {
        var stamp = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(body + "\0" + inputDigest)))[..16].ToLowerInvariant();
        var text = "#!/bin/bash\n"
            + $"# Generated by the Xai SDK: {OneLine(description)}, run as a Slurm job (XaiExecutor=Slurm).\n"
            + "# To resubmit by hand: cd to this directory, then sbatch this file.\n"
            + $"#SBATCH --comment={StampPrefix}{stamp}\n"
            + body;
        return (text, stamp);
    }

    /// <summary>A job or file name the SDK makes from <paramref name="parts"/>: runs of other characters become '_'.</summary>
    public static string SafeName(params string[] parts)
    {
        var joined = string.Join('.', parts.Select(p => p.Trim()));
        var safe = new StringBuilder(joined.Length);
        foreach (var ch in joined)
        {
            var ok = char.IsAsciiLetterOrDigit(ch) || ch is '.' or '_' or '-';
            if (ok || safe.Length == 0 || safe[^1] != '_')
            {
                safe.Append(ok ? ch : '_');
            }
        }

        // sbatch splits a heterogeneous job at "packjob"/"hetjob" anywhere in a #SBATCH line.
        var name = HeterogeneousSeparator.Replace(safe.ToString().Trim('_', '.'), m => m.Value[..^3] + "-" + m.Value[^3..]);
        return name.Length > 120 ? name[..120] : name.Length == 0 ? "xai" : name;
    }

    private static void RequireSafeName(string name, string parameter)
    {
        if (name.Length == 0 || SafeName(name) != name)
        {
            throw new ArgumentException($"'{name}' is not a name the SDK makes (letters, digits, '.', '_', '-').", parameter);
        }
    }

    private static string OneLine(string text) => string.Concat(text.Select(ch => char.IsControl(ch) ? ' ' : ch));
}
