using System.Security.Cryptography;
using System.Text;
using Xai.Amd.Toolchain;
using Xai.Diagnostics;

namespace Xai.Slurm;

/// <summary>
/// Runs each vendor tool as a Slurm batch job (<c>XaiExecutor=Slurm</c>): writes the job script
/// (<see cref="SlurmJobScript"/>) beside the tool's other files, submits it with sbatch, waits for it,
/// and streams the job's output file into the build log as it grows (the cluster's shared file system
/// brings it back). The tool's outputs are then judged exactly as a local run's. A job of the same name
/// and stamp (script and inputs) still pending or running from an earlier build is awaited instead of
/// submitted again; one of the same name with another stamp is cancelled first. Cancelling the build
/// cancels the job (scancel) and waits until Slurm says it ended. The build's jobs are kept in
/// <see cref="SlurmJobLedger"/>.
/// </summary>
public sealed class SlurmToolExecutor : ToolExecutor
{
    /// <summary>Starts the executor's own lines among the tool's (submitted, state changes, how the job ended): hosts show them at high importance.</summary>
    public const string StatusPrefix = "Slurm: ";

    private readonly SlurmOptions _options;
    private readonly SlurmSubmitter _submitter;
    private readonly string _jobPrefix;
    private readonly string _stage;

    /// <param name="projectName">With <paramref name="stage"/>, names every job of this build stage.</param>
    /// <param name="poll">How often the job's state and output are read.</param>
    public SlurmToolExecutor(SlurmOptions options, string projectName, string stage, string projectFile, TimeSpan? poll = null)
    {
        _options = options;
        _submitter = new SlurmSubmitter(options, projectFile, poll ?? TimeSpan.FromSeconds(2));
        _jobPrefix = SlurmJobScript.SafeName("xai", projectName, stage);
        _stage = stage;
    }

    /// <summary>The job name of <paramref name="invocation"/>: the project, the stage, the run and a hash of its command line.</summary>
    public string JobNameOf(ToolInvocation invocation) =>
        NameOf(invocation.LogFile is { } log ? Path.GetFileNameWithoutExtension(log) : invocation.Description, [invocation]);

    /// <summary>A job name within 120 characters that keeps its hash of the command lines.</summary>
    internal string NameOf(string label, IEnumerable<ToolInvocation> runs)
    {
        var command = string.Join('\n', runs.Select(r => string.Join('\0', [r.Executable, .. r.Arguments])));
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(command)))[..6].ToLowerInvariant();
        var prefix = SlurmJobScript.SafeName(_jobPrefix, label);
        return SlurmJobScript.SafeName(prefix.Length > 110 ? prefix[..110] : prefix, hash);
    }

    /// <summary>XAI5700 naming a missing Slurm command, else null.</summary>
    public XaiDiagnostic? CheckCommands() => _submitter.CheckCommands();

    public override (ToolProcess.Result Run, IReadOnlyList<XaiDiagnostic> Findings) Run(ToolInvocation invocation, Action<string> onLine, CancellationToken cancel)
    {
        var (job, _, problem) = Submit(invocation, [], reuse: true, onLine);
        return job is null
            ? (new ToolProcess.Result(-1, [], false, problem!.Message), [problem])
            : Await(job, onLine, cancel);
    }

    /// <summary>
    /// Submits <paramref name="invocation"/> as a job without waiting for it (or finds the same job an earlier build
    /// left running, when <paramref name="reuse"/>), to start only after the jobs <paramref name="afterOk"/> names
    /// completed successfully; recorded in the ledger. <c>Found</c>: the job is an earlier build's. Null and why when it
    /// could not be submitted.
    /// </summary>
    public (SlurmJobRecord? Job, bool Found, XaiDiagnostic? Problem) Submit(ToolInvocation invocation, IReadOnlyList<string> afterOk, bool reuse, Action<string> onLine)
    {
        if (CheckCommands() is { } missing)
        {
            return (null, false, missing);
        }

        var name = JobNameOf(invocation);
        var directory = invocation.WorkingDirectory;
        var output = Path.Combine(directory, name + ".out");
        var (text, stamp) = SlurmJobScript.Write(invocation, _options, name, name + ".out", SlurmJobScript.InputDigest([invocation]));
        var (jobId, script, problem, found) = _submitter.SubmitOrFind(name, directory, text, stamp, [output], onLine, afterOk, reuse);
        if (jobId is null)
        {
            return (null, false, problem);
        }

        var record = new SlurmJobRecord(_stage, name, jobId, "PENDING", "", "", null, script, output, DateTime.UtcNow) { BinDirectory = _options.BinDirectory };
        SlurmJobLedger.Record(directory, record);
        return (record, found, null);
    }

    /// <summary>Cancels a job this executor submitted and waits until Slurm says it ended; the ledger keeps its last state.</summary>
    public void Cancel(SlurmJobRecord job, Action<string> onLine, string why)
    {
        var last = _submitter.CancelAndWait(job.Id).FirstOrDefault();
        SlurmJobLedger.Record(Path.GetDirectoryName(job.Script)!, job with { State = last?.State ?? "CANCELLED", Nodes = last?.Nodes ?? "", RunTime = last?.RunTime ?? "" });
        onLine($"{StatusPrefix}cancelled job {job.Id} ({job.Name}): {why}.");
    }

    /// <summary>
    /// Runs <paramref name="tasks"/> as one job array and waits until every task ended (<see cref="SlurmJobArray"/>):
    /// each task's final description in task order, or null with the reason.
    /// </summary>
    public (IReadOnlyList<SlurmJobInfo>? Tasks, IReadOnlyList<XaiDiagnostic> Findings, bool Cancelled) RunArray(
        string label, IReadOnlyList<ToolInvocation> tasks, Action<string> onLine, CancellationToken cancel) =>
        CheckCommands() is { } missing
            ? (null, [missing], false)
            : new SlurmJobArray(_submitter, _options, _stage).Run(NameOf(label, tasks), label, tasks, onLine, cancel);

    /// <summary>
    /// Waits until the job <see cref="Submit"/> gave ended, streaming its output; cancels it when <paramref name="cancel"/>
    /// is set, and when it can never start because a job it follows failed. The result is the job's, to be judged as a
    /// local run's (<see cref="Stages.VendorRun"/>), and the executor's finding on how it ended. When waiting fails
    /// (a ledger or output file, Slurm's commands), the job is cancelled before the error goes on: no job outlives
    /// the build that waits for it.
    /// </summary>
    public (ToolProcess.Result Run, IReadOnlyList<XaiDiagnostic> Findings) Await(SlurmJobRecord record, Action<string> onLine, CancellationToken cancel)
    {
        try
        {
            return AwaitEnd(record, onLine, cancel);
        }
        catch (Exception)
        {
            try
            {
                _submitter.CancelAndWait(record.Id);
            }
            catch (Exception)
            {
                // The first error is the one to report; Slurm may be what failed.
            }

            throw;
        }
    }

    private (ToolProcess.Result Run, IReadOnlyList<XaiDiagnostic> Findings) AwaitEnd(SlurmJobRecord record, Action<string> onLine, CancellationToken cancel)
    {
        var (jobId, name, script, output) = (record.Id, record.Name, record.Script, record.Output);
        var directory = Path.GetDirectoryName(script)!;
        var log = new JobOutputReader(output);
        var lines = new List<string>();
        void Drain(bool final)
        {
            foreach (var line in log.ReadNewLines(final))
            {
                lines.Add(line);
                onLine(line);
            }
        }

        string? lastSeen = null;
        void OnState(IReadOnlyList<SlurmJobInfo> jobs)
        {
            var current = jobs[0];
            var seen = $"{current.State}{(current.Nodes.Length > 0 ? " on " + current.Nodes : "")}{(current.Reason is "None" or "" ? "" : $" ({current.Reason})")}";
            if (seen != lastSeen)
            {
                lastSeen = seen;
                SlurmJobLedger.Record(directory, record with { State = current.State, Nodes = current.Nodes });
                onLine($"{StatusPrefix}job {jobId} {seen}.");
            }
        }

        // Without kill_invalid_depend (sbatch's --kill-on-invalid-dep) a job after a failed one would wait forever.
        XaiDiagnostic? Stuck(IReadOnlyList<SlurmJobInfo> jobs) => jobs[0] is { State: "PENDING" } current && SlurmSubmitter.IsDependencyFailure(current)
            ? SlurmSubmitter.DependencyFailed(current, $"Slurm job {jobId} ({name})", script)
            : null;

        var wait = _submitter.Wait(jobId, script, Drain, OnState, Stuck, cancel);
        var ended = wait.Jobs.FirstOrDefault();
        if (wait.Cancelled || wait.Stuck is not null)
        {
            onLine(wait.Cancelled
                ? $"{StatusPrefix}the build was cancelled; cancelled job {jobId} ({name})."
                : $"{StatusPrefix}job {jobId} can never start (the job it follows failed); cancelled it.");
            SlurmJobLedger.Record(directory, record with { State = ended?.State ?? "CANCELLED", Nodes = ended?.Nodes ?? "", RunTime = ended?.RunTime ?? "" });
            // A job that never started has no log to judge: its finding is the whole story (as a start error is).
            return wait.Cancelled ? (new ToolProcess.Result(-1, lines, true, null), []) : (new ToolProcess.Result(-1, lines, false, wait.Stuck!.Message), [wait.Stuck]);
        }

        if (wait.Trouble is not null || ended is null)
        {
            SlurmJobLedger.Record(directory, record with { State = "UNKNOWN" });
            return (new ToolProcess.Result(-1, lines, false, null), [wait.Trouble ?? _submitter.Unavailable($"scontrol described no job {jobId}", script)]);
        }

        var info = ended;
        SlurmJobLedger.Record(directory, record with { State = info.State, Nodes = info.Nodes, RunTime = info.RunTime, ExitCode = info.ExitCode });
        onLine($"{StatusPrefix}job {jobId} {info.State}{(info.Nodes.Length > 0 ? " on " + info.Nodes : "")}, run time {info.RunTime}, exit code {info.ExitCode}{(info.Signal != 0 ? $" (signal {info.Signal})" : "")}.");
        var findings = _submitter.Ended(info, name, output, script) is { } finding ? new[] { finding } : [];
        if (findings is [{ Code: DiagnosticCatalog.SlurmDependencyFailed } never])
        {
            return (new ToolProcess.Result(-1, lines, false, never.Message), findings);
        }

        // A job that did not complete ran its tool only in part: never judged a success on its files.
        var exitCode = info.State == "COMPLETED" ? info.ExitCode : info.ExitCode != 0 ? info.ExitCode : 1;
        return (new ToolProcess.Result(exitCode, lines, false, null), findings);
    }
}
