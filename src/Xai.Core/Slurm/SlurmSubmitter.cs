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
    public XaiDiagnostic? CheckCommands() => Commands.FirstMissing() is { } missing
        ? XaiDiagnostic.Error(DiagnosticCatalog.SlurmNotFound,
            $"XaiExecutor is Slurm, but {missing} is not {Commands.SearchedPlace}: put Slurm's bin directory on PATH or set XaiSlurmBinDirectory to it, or build with XaiExecutor=Local.",
            projectFile)
        : null;

    /// <summary>
    /// Writes the script; a job of this name and stamp that an earlier build left pending or running is
    /// awaited (unless <paramref name="reuse"/> is false: a job chained after a job this build submitted anew
    /// must not be one that follows an older one), one with another stamp is cancelled (and waited for, so two
    /// runs never share a directory); else the script is submitted, after the jobs <paramref name="afterOk"/>
    /// names. Returns the job id (and whether it is an earlier build's job), or null and why.
    /// </summary>
    public (string? JobId, string Script, XaiDiagnostic? Problem, bool Found) SubmitOrFind(
        string name, string directory, string text, string stamp, IReadOnlyList<string> outputs, Action<string> onLine,
        IReadOnlyList<string>? afterOk = null, bool reuse = true)
    {
        Directory.CreateDirectory(directory);
        var script = Path.Combine(directory, name + ".sbatch");
        AtomicFile.WriteAllText(script, text);
        var active = Commands.FindActive(name);
        if (active is null)
        {
            return (null, script, Unavailable("squeue could not list this build's jobs", script), false);
        }

        string? jobId = null;
        foreach (var (id, comment) in active)
        {
            if (jobId is null && reuse && comment == SlurmJobScript.StampPrefix + stamp)
            {
                jobId = id;
                onLine($"{SlurmToolExecutor.StatusPrefix}job {id} ({name}) of an earlier build runs this same script on the same inputs; awaiting it instead of submitting again.");
            }
            else
            {
                CancelAndWait(id);
                onLine($"{SlurmToolExecutor.StatusPrefix}cancelled job {id} ({name}) of an earlier build, which ran {(reuse ? "an older script or inputs" : "after an older job this one follows")}.");
            }
        }

        if (jobId is not null)
        {
            return (jobId, script, null, true);
        }

        foreach (var output in outputs)
        {
            File.Delete(output); // the job's output files (and what the caller names): never read an earlier run's as this one's
        }

        var (submitted, said) = Commands.Submit(script, directory, afterOk);
        if (submitted is null)
        {
            return (null, script, said.ExitCode == 0
                ? Unavailable($"sbatch printed no job id (\"{said.Message}\")", script)
                : Refused(said.Message, script), false);
        }

        onLine($"{SlurmToolExecutor.StatusPrefix}submitted job {submitted} ({name}){(afterOk is { Count: > 0 } ? $" to start after job {string.Join(", ", afterOk)} completed" : "")}; script {script}.");
        return (submitted, script, null, false);
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

    /// <summary>How waiting for a job ended: every part of it ended (<c>Jobs</c>), or it was cancelled (the build's <c>Cancelled</c>, or the caller's <c>Stuck</c> finding), or Slurm could not be asked (<c>Trouble</c>).</summary>
    public sealed record WaitResult(IReadOnlyList<SlurmJobInfo> Jobs, XaiDiagnostic? Trouble, XaiDiagnostic? Stuck, bool Cancelled);

    /// <summary>
    /// The wait of every job and job array: polls the job until every part of it ended, draining its output first
    /// each round (<paramref name="drain"/>(final) — final once, at the end) and passing each description of a job
    /// still running to <paramref name="onState"/>. Cancels the job (and waits for its end) when the build is
    /// cancelled, or when <paramref name="stuck"/> finds it can never end well on its own.
    /// </summary>
    public WaitResult Wait(string jobId, string script, Action<bool> drain, Action<IReadOnlyList<SlurmJobInfo>> onState,
        Func<IReadOnlyList<SlurmJobInfo>, XaiDiagnostic?>? stuck, CancellationToken cancel)
    {
        DateTime? failingSince = null;
        while (true)
        {
            if (cancel.IsCancellationRequested)
            {
                var last = CancelAndWait(jobId);
                drain(true);
                return new WaitResult(last, null, null, true);
            }

            drain(false);
            var (jobs, trouble) = Watch(jobId, script, ref failingSince);
            if (trouble is not null)
            {
                drain(true);
                return new WaitResult([], trouble, null, false);
            }

            if (jobs is not null)
            {
                if (jobs.All(j => j.IsTerminal))
                {
                    drain(true);
                    return new WaitResult(jobs, null, null, false);
                }

                if (stuck?.Invoke(jobs) is { } finding)
                {
                    var last = CancelAndWait(jobId);
                    drain(true);
                    return new WaitResult(last, null, finding, false);
                }

                onState(jobs);
            }

            cancel.WaitHandle.WaitOne(poll);
        }
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
            "FAILED" when KilledForMemory(output) => OutOfMemory(what, "was killed for exceeding its memory limit", "; slurmstepd: \"Exceeded job memory limit\""),
            "COMPLETED" or "FAILED" => XaiDiagnostic.Error(DiagnosticCatalog.SlurmJobFailed, $"{what} FAILED with exit code {job.ExitCode}; the tool's own errors are above, its output in {output}.", script),
            "TIMEOUT" => XaiDiagnostic.Error(DiagnosticCatalog.SlurmJobTimeout, $"{what} reached its time limit ({(options.Time is { } t ? $"XaiSlurmTime={t}" : "the partition's default; set XaiSlurmTime")}) after {job.RunTime} and was stopped: raise XaiSlurmTime.", projectFile),
            "OUT_OF_MEMORY" => OutOfMemory(what, "ran out of memory", ""),
            "CANCELLED" when IsDependencyFailure(job) => DependencyFailed(job, what, script),
            "CANCELLED" => XaiDiagnostic.Error(DiagnosticCatalog.SlurmJobCancelled, $"{what} was CANCELLED outside this build ({job.Reason}); build again.", script),
            "NODE_FAIL" => XaiDiagnostic.Error(DiagnosticCatalog.SlurmNodeFailed, $"{what} ended in NODE_FAIL: the node failed under it ({job.Reason}); build again to run it on another node.", script),
            _ => XaiDiagnostic.Error(DiagnosticCatalog.SlurmJobEnded, $"{what} ended in state {job.State} ({job.Reason}), exit code {job.ExitCode}.", script),
        };
    }

    /// <summary>XAI5712, naming the memory limit the job had.</summary>
    private XaiDiagnostic OutOfMemory(string what, string how, string detail) =>
        XaiDiagnostic.Error(DiagnosticCatalog.SlurmJobOutOfMemory,
            $"{what} {how} ({(options.Memory is { } m ? $"XaiSlurmMemory={m}" : "the partition's default; set XaiSlurmMemory")}{detail}): raise XaiSlurmMemory.", projectFile);

    /// <summary>
    /// Whether slurmstepd wrote into the job's output that it killed the job for its memory: a cluster that enforces
    /// --mem by accounting (JobAcctGatherParams=OverMemoryKill) ends such a job FAILED, not OUT_OF_MEMORY (which
    /// needs the cgroup task plugin).
    /// </summary>
    internal static bool KilledForMemory(string output)
    {
        try
        {
            return File.Exists(output) && File.ReadLines(output).Any(l => l.StartsWith("slurmstepd", StringComparison.Ordinal) && l.Contains("Exceeded job memory limit", StringComparison.Ordinal));
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>The job waits for (or was removed because of) a job it follows that did not complete successfully.</summary>
    public static bool IsDependencyFailure(SlurmJobInfo job) => job.Reason.Contains("DependencyNeverSatisfied", StringComparison.Ordinal);

    /// <summary>XAI5716: the job never ran, because the job it follows (afterok) failed.</summary>
    public static XaiDiagnostic DependencyFailed(SlurmJobInfo job, string what, string script) =>
        XaiDiagnostic.Error(DiagnosticCatalog.SlurmDependencyFailed, $"{what} did not run: the job it was chained after did not complete successfully (that job's own error says why); build again once it is fixed.", script);

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
