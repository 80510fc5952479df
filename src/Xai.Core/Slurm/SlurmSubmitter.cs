using Xai.Diagnostics;
using Xai.IO;

namespace Xai.Slurm;

/// <summary>
/// What every run on Slurm does around its job (<see cref="SlurmToolExecutor"/>, <see cref="SlurmJobArray"/>):
/// submits a script unless an earlier build's job runs the same one, reads the job's state while tolerating
/// a slurmctld that does not answer for a while, cancels and waits for the end, and turns how a job ended
/// into a diagnostic that says what to change.
/// </summary>
internal sealed class SlurmSubmitter(SlurmOptions options, string projectFile, TimeSpan poll)
{
    /// <summary>How long slurmctld may fail to answer before the run gives up (a restart takes seconds).</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    public SlurmCommands Commands { get; } = new(options.BinDirectory);

    public TimeSpan Poll => poll;

    /// <summary>XAI5700 naming the first of Slurm's commands that is missing, else null.</summary>
    public XaiDiagnostic? CheckCommands() => SlurmCommands.Commands.FirstOrDefault(c => Commands.Locate(c) is null) is { } missing
        ? XaiDiagnostic.Error(DiagnosticCatalog.SlurmNotFound,
            $"XaiExecutor is Slurm, but {missing} is not {(options.BinDirectory is { } b ? $"in XaiSlurmBinDirectory '{b}'" : "on PATH")}: put Slurm's bin directory on PATH or set XaiSlurmBinDirectory to it, or build with XaiExecutor=Local.",
            projectFile)
        : null;

    /// <summary>
    /// Writes the script; a job of this name and stamp that an earlier build left pending or running is
    /// awaited, one with another stamp is cancelled (and waited for, so two runs never share a directory);
    /// else the script is submitted. Returns the job id, or null and why.
    /// </summary>
    public (string? JobId, string Script, XaiDiagnostic? Problem) SubmitOrFind(
        string name, string directory, string text, string stamp, IReadOnlyList<string> outputs, Action<string> onLine)
    {
        Directory.CreateDirectory(directory);
        var script = Path.Combine(directory, name + ".sbatch");
        AtomicFile.WriteAllText(script, text);
        var active = Commands.FindActive(name);
        if (active is null)
        {
            return (null, script, Unavailable("squeue could not list this build's jobs", script));
        }

        string? jobId = null;
        foreach (var (id, comment) in active)
        {
            if (jobId is null && comment == SlurmJobScript.StampPrefix + stamp)
            {
                jobId = id;
                onLine($"{SlurmToolExecutor.StatusPrefix}job {id} ({name}) of an earlier build runs this same script on the same inputs; awaiting it instead of submitting again.");
            }
            else
            {
                CancelAndWait(id);
                onLine($"{SlurmToolExecutor.StatusPrefix}cancelled job {id} ({name}) of an earlier build, which ran an older script or inputs.");
            }
        }

        if (jobId is not null)
        {
            return (jobId, script, null);
        }

        foreach (var output in outputs)
        {
            File.Delete(output); // the job's output files (and what the caller names): never read an earlier run's as this one's
        }

        var (submitted, said) = Commands.Submit(script, directory);
        if (submitted is null)
        {
            return (null, script, said.ExitCode == 0
                ? Unavailable($"sbatch printed no job id (\"{said.Message}\")", script)
                : Refused(said.Message, script));
        }

        onLine($"{SlurmToolExecutor.StatusPrefix}submitted job {submitted} ({name}); script {script}.");
        return (submitted, script, null);
    }

    /// <summary>The job (or its array's tasks) now; null while slurmctld does not answer (<paramref name="failingSince"/> tracks how long), with a problem once that lasts too long.</summary>
    public (IReadOnlyList<SlurmJobInfo>? Jobs, XaiDiagnostic? Problem) Watch(string jobId, string script, ref DateTime? failingSince)
    {
        var jobs = Commands.ShowAll(jobId);
        if (jobs is not null)
        {
            failingSince = null;
            return (jobs, jobs.Count == 0 ? XaiDiagnostic.Error(DiagnosticCatalog.SlurmJobEnded, $"Slurm no longer knows job {jobId}; its state is unknown.", script) : null);
        }

        failingSince ??= DateTime.UtcNow;
        return (null, DateTime.UtcNow - failingSince > Patience ? Unavailable($"scontrol could not describe job {jobId} for {Patience.TotalMinutes:0} minutes (the job may still run: scancel {jobId} if so)", script) : null);
    }

    /// <summary>scancel, then waits (up to a minute) until Slurm says every part of the job ended; returns its last lines.</summary>
    public IReadOnlyList<SlurmJobInfo> CancelAndWait(string jobId)
    {
        Commands.Cancel(jobId);
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        IReadOnlyList<SlurmJobInfo> last = [];
        while (DateTime.UtcNow < deadline)
        {
            var lines = Commands.ShowAll(jobId);
            if (lines is { Count: 0 } || (lines is not null && lines.All(l => l.IsTerminal)))
            {
                return lines;
            }

            last = lines ?? last;
            Thread.Sleep(200);
        }

        return last;
    }

    /// <summary>The diagnostic a terminal state other than COMPLETED gives, saying what to change.</summary>
    public XaiDiagnostic? Ended(SlurmJobInfo job, string what, string output, string script)
    {
        what = $"Slurm job {job.Id} ({what}){(job.Nodes.Length > 0 ? $" on {job.Nodes}" : "")}";
        return job.State switch
        {
            "COMPLETED" when job.ExitCode == 0 => null,
            "COMPLETED" or "FAILED" => XaiDiagnostic.Error(DiagnosticCatalog.SlurmJobFailed, $"{what} FAILED with exit code {job.ExitCode}; the tool's own errors are above, its output in {output}.", script),
            "TIMEOUT" => XaiDiagnostic.Error(DiagnosticCatalog.SlurmJobTimeout, $"{what} reached its time limit ({(options.Time is { } t ? $"XaiSlurmTime={t}" : "the partition's default; set XaiSlurmTime")}) after {job.RunTime} and was stopped: raise XaiSlurmTime.", projectFile),
            "OUT_OF_MEMORY" => XaiDiagnostic.Error(DiagnosticCatalog.SlurmJobOutOfMemory, $"{what} ran out of memory ({(options.Memory is { } m ? $"XaiSlurmMemory={m}" : "the partition's default; set XaiSlurmMemory")}): raise XaiSlurmMemory.", projectFile),
            "CANCELLED" => XaiDiagnostic.Error(DiagnosticCatalog.SlurmJobCancelled, $"{what} was CANCELLED outside this build ({job.Reason}); build again.", script),
            "NODE_FAIL" => XaiDiagnostic.Error(DiagnosticCatalog.SlurmNodeFailed, $"{what} ended in NODE_FAIL: the node failed under it ({job.Reason}); build again to run it on another node.", script),
            _ => XaiDiagnostic.Error(DiagnosticCatalog.SlurmJobEnded, $"{what} ended in state {job.State} ({job.Reason}), exit code {job.ExitCode}.", script),
        };
    }

    /// <summary>Slurm could not be asked: XAI5703.</summary>
    public XaiDiagnostic Unavailable(string what, string script) =>
        XaiDiagnostic.Error(DiagnosticCatalog.SlurmUnavailable, $"Slurm did not answer: {what}. Check the cluster (scontrol ping, sinfo) and build again.", script);

    /// <summary>sbatch's refusal, attached to the property Slurm's message is about.</summary>
    public XaiDiagnostic Refused(string message, string script)
    {
        var lower = message.ToLowerInvariant();
        var property = lower.Contains("account", StringComparison.Ordinal) ? "XaiSlurmAccount"
            : lower.Contains("partition", StringComparison.Ordinal) ? "XaiSlurmPartition"
            : lower.Contains("time limit", StringComparison.Ordinal) ? "XaiSlurmTime"
            : lower.Contains("license", StringComparison.Ordinal) ? "XaiSlurmLicenses"
            : lower.Contains("memory", StringComparison.Ordinal) ? "XaiSlurmMemory"
            : lower.Contains("cpu", StringComparison.Ordinal) || lower.Contains("processor", StringComparison.Ordinal) ? "XaiSlurmCpus"
            : "XaiSlurmExtraArgs";
        var value = property switch
        {
            "XaiSlurmPartition" => options.Partition,
            "XaiSlurmAccount" => options.Account,
            "XaiSlurmTime" => options.Time,
            "XaiSlurmLicenses" => options.Licenses,
            "XaiSlurmMemory" => options.Memory,
            "XaiSlurmCpus" => options.Cpus?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => string.Join(";", options.ExtraArgs ?? []),
        };
        return XaiDiagnostic.Error(DiagnosticCatalog.SlurmRefused,
            $"sbatch refused the job of {Path.GetFileName(script)}; Slurm says: \"{message}\". Check property '{property}' (now '{value ?? ""}').", projectFile);
    }
}
