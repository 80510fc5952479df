using System.Security.Cryptography;
using System.Text;
using Xai.Amd.Toolchain;
using Xai.Diagnostics;
using Xai.IO;

namespace Xai.Slurm;

/// <summary>
/// Runs each vendor tool as a Slurm batch job (<c>XaiExecutor=Slurm</c>): writes the job script
/// (<see cref="SlurmJobScript"/>) beside the tool's other files, submits it with sbatch, waits for it,
/// and streams the job's output file into the build log as it grows (the cluster's shared file system
/// brings it back). The tool's outputs are then judged exactly as a local run's. A job of the same name
/// and script stamp still pending or running from an earlier, cancelled build is awaited instead of
/// submitted again; one of the same name with another stamp (an older script) is cancelled first.
/// Cancelling the build cancels the job (scancel) and waits until Slurm says it ended.
/// </summary>
public sealed class SlurmToolExecutor : ToolExecutor
{
    /// <summary>Starts the executor's own lines among the tool's (submitted, state changes, how the job ended): hosts show them at high importance.</summary>
    public const string StatusPrefix = "Slurm: ";

    private readonly SlurmOptions _options;
    private readonly SlurmCommands _slurm;
    private readonly string _jobPrefix;
    private readonly string _stage;
    private readonly string _projectFile;
    private readonly TimeSpan _poll;

    /// <param name="projectName">With <paramref name="stage"/>, names every job of this build stage.</param>
    /// <param name="poll">How often the job's state and output are read.</param>
    public SlurmToolExecutor(SlurmOptions options, string projectName, string stage, string projectFile, TimeSpan? poll = null)
    {
        _options = options;
        _slurm = new SlurmCommands(options.BinDirectory);
        _jobPrefix = SlurmJobScript.SafeName("xai", projectName, stage);
        _stage = stage;
        _projectFile = projectFile;
        _poll = poll ?? TimeSpan.FromSeconds(2);
    }

    /// <summary>The job name of <paramref name="invocation"/>: the project, the stage, the run and a hash of its command line.</summary>
    public string JobNameOf(ToolInvocation invocation)
    {
        var label = invocation.LogFile is { } log ? Path.GetFileNameWithoutExtension(log) : invocation.Description;
        var command = string.Join('\0', [invocation.Executable, .. invocation.Arguments]);
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(command)))[..6].ToLowerInvariant();
        return SlurmJobScript.SafeName(_jobPrefix, label, hash);
    }

    /// <summary>XAI5700 when sbatch is missing, else null.</summary>
    public XaiDiagnostic? CheckCommands() => _slurm.Locate("sbatch") is null
        ? XaiDiagnostic.Error(DiagnosticCatalog.SlurmNotFound,
            $"XaiExecutor is Slurm, but sbatch is not {(_options.BinDirectory is { } b ? $"in XaiSlurmBinDirectory '{b}'" : "on PATH")}: put Slurm's bin directory on PATH or set XaiSlurmBinDirectory to it, or build with XaiExecutor=Local.",
            _projectFile)
        : null;

    public override (ToolProcess.Result Run, IReadOnlyList<XaiDiagnostic> Findings) Run(ToolInvocation invocation, Action<string> onLine, CancellationToken cancel)
    {
        if (CheckCommands() is { } missing)
        {
            return (new ToolProcess.Result(-1, [], false, missing.Message), [missing]);
        }

        var name = JobNameOf(invocation);
        var directory = invocation.WorkingDirectory;
        Directory.CreateDirectory(directory);
        var outputFile = name + ".out";
        var (text, stamp) = SlurmJobScript.Write(invocation, _options, name, outputFile);
        var script = Path.Combine(directory, name + ".sbatch");
        AtomicFile.WriteAllText(script, text);

        string? jobId = null;
        foreach (var (id, comment) in _slurm.FindActive(name))
        {
            if (jobId is null && comment == SlurmJobScript.StampPrefix + stamp)
            {
                jobId = id;
                onLine($"{StatusPrefix}job {id} ({name}) of an earlier build runs this same script; awaiting it instead of submitting again.");
            }
            else
            {
                _slurm.Cancel(id);
                onLine($"{StatusPrefix}cancelled job {id} ({name}) of an earlier build, which ran an older script.");
            }
        }

        var output = Path.Combine(directory, outputFile);
        if (jobId is null)
        {
            File.Delete(output);
            var (submitted, refusal) = _slurm.Submit(script, directory);
            if (submitted is null)
            {
                var finding = Refused(refusal.Message, script);
                return (new ToolProcess.Result(-1, [], false, finding.Message), [finding]);
            }

            jobId = submitted;
            onLine($"{StatusPrefix}submitted job {jobId} ({name}); script {script}.");
        }

        var record = new SlurmJobRecord(_stage, name, jobId, "PENDING", "", "", null, script, output, DateTime.UtcNow);
        SlurmJobLedger.Record(directory, record);
        return Await(record, directory, onLine, cancel);
    }

    private (ToolProcess.Result, IReadOnlyList<XaiDiagnostic>) Await(SlurmJobRecord record, string directory, Action<string> onLine, CancellationToken cancel)
    {
        var (jobId, name, script, output) = (record.Id, record.Name, record.Script, record.Output);
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

        string? lastState = null;
        SlurmJobInfo? info;
        while (true)
        {
            if (cancel.IsCancellationRequested)
            {
                _slurm.Cancel(jobId);
                onLine($"{StatusPrefix}the build was cancelled; cancelled job {jobId} ({name}).");
                var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
                while (DateTime.UtcNow < deadline && _slurm.Show(jobId) is { IsTerminal: false })
                {
                    Thread.Sleep(200);
                }

                Drain(final: true);
                var cancelled = _slurm.Show(jobId);
                SlurmJobLedger.Record(directory, record with { State = cancelled?.State ?? "CANCELLED", Nodes = cancelled?.Nodes ?? "", RunTime = cancelled?.RunTime ?? "" });
                return (new ToolProcess.Result(-1, lines, true, null), []);
            }

            Drain(final: false);
            info = _slurm.Show(jobId);
            if (info is null || info.IsTerminal)
            {
                break;
            }

            if (info.State != lastState)
            {
                lastState = info.State;
                SlurmJobLedger.Record(directory, record with { State = info.State, Nodes = info.Nodes });
                onLine($"{StatusPrefix}job {jobId} {info.State}{(info.Nodes.Length > 0 ? " on " + info.Nodes : "")}{(info.Reason is "None" or "" ? "" : $" ({info.Reason})")}.");
            }

            cancel.WaitHandle.WaitOne(_poll);
        }

        Drain(final: true);
        if (info is null)
        {
            SlurmJobLedger.Record(directory, record with { State = "UNKNOWN" });
            var lost = XaiDiagnostic.Error(DiagnosticCatalog.SlurmJobEnded, $"Slurm no longer knows job {jobId} ({name}); its state is unknown. Its output is {output}.", script);
            return (new ToolProcess.Result(-1, lines, false, null), [lost]);
        }

        SlurmJobLedger.Record(directory, record with { State = info.State, Nodes = info.Nodes, RunTime = info.RunTime, ExitCode = info.ExitCode });
        onLine($"{StatusPrefix}job {jobId} {info.State}{(info.Nodes.Length > 0 ? " on " + info.Nodes : "")}, run time {info.RunTime}, exit code {info.ExitCode}{(info.Signal != 0 ? $" (signal {info.Signal})" : "")}.");
        var findings = new List<XaiDiagnostic>();
        if (Ended(info, name, output, script) is { } finding)
        {
            findings.Add(finding);
        }

        // A job that did not complete ran its tool only in part: never judged a success on its files.
        var exitCode = info.State == "COMPLETED" ? info.ExitCode : info.ExitCode != 0 ? info.ExitCode : 1;
        return (new ToolProcess.Result(exitCode, lines, false, null), findings);
    }

    /// <summary>The diagnostic a terminal state other than COMPLETED gives, saying what to change.</summary>
    private XaiDiagnostic? Ended(SlurmJobInfo job, string name, string output, string script)
    {
        var where = job.Nodes.Length > 0 ? $" on {job.Nodes}" : "";
        var what = $"Slurm job {job.Id} ({name}){where}";
        return job.State switch
        {
            "COMPLETED" => null,
            "FAILED" => XaiDiagnostic.Error(DiagnosticCatalog.SlurmJobFailed, $"{what} FAILED with exit code {job.ExitCode}; the tool's own errors are above, its output in {output}.", script),
            "TIMEOUT" => XaiDiagnostic.Error(DiagnosticCatalog.SlurmJobTimeout, $"{what} reached its time limit ({(_options.Time is { } t ? $"XaiSlurmTime={t}" : "the partition's default; set XaiSlurmTime")}) after {job.RunTime} and was stopped: raise XaiSlurmTime.", _projectFile),
            "OUT_OF_MEMORY" => XaiDiagnostic.Error(DiagnosticCatalog.SlurmJobOutOfMemory, $"{what} ran out of memory ({(_options.Memory is { } m ? $"XaiSlurmMemory={m}" : "the partition's default; set XaiSlurmMemory")}): raise XaiSlurmMemory.", _projectFile),
            "CANCELLED" => XaiDiagnostic.Error(DiagnosticCatalog.SlurmJobCancelled, $"{what} was CANCELLED outside this build ({job.Reason}); build again.", script),
            "NODE_FAIL" => XaiDiagnostic.Error(DiagnosticCatalog.SlurmNodeFailed, $"{what} ended in NODE_FAIL: the node failed under it ({job.Reason}); build again to run it on another node.", script),
            _ => XaiDiagnostic.Error(DiagnosticCatalog.SlurmJobEnded, $"{what} ended in state {job.State} ({job.Reason}), exit code {job.ExitCode}.", script),
        };
    }

    /// <summary>sbatch's refusal, attached to the property Slurm's message is about.</summary>
    private XaiDiagnostic Refused(string message, string script)
    {
        var lower = message.ToLowerInvariant();
        var property = lower.Contains("partition", StringComparison.Ordinal) ? "XaiSlurmPartition"
            : lower.Contains("account", StringComparison.Ordinal) ? "XaiSlurmAccount"
            : lower.Contains("time limit", StringComparison.Ordinal) ? "XaiSlurmTime"
            : lower.Contains("license", StringComparison.Ordinal) ? "XaiSlurmLicenses"
            : lower.Contains("memory", StringComparison.Ordinal) ? "XaiSlurmMemory"
            : lower.Contains("cpu", StringComparison.Ordinal) || lower.Contains("processor", StringComparison.Ordinal) ? "XaiSlurmCpus"
            : "XaiSlurmExtraArgs";
        var value = property switch
        {
            "XaiSlurmPartition" => _options.Partition,
            "XaiSlurmAccount" => _options.Account,
            "XaiSlurmTime" => _options.Time,
            "XaiSlurmLicenses" => _options.Licenses,
            "XaiSlurmMemory" => _options.Memory,
            "XaiSlurmCpus" => _options.Cpus?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => string.Join(";", _options.ExtraArgs ?? []),
        };
        return XaiDiagnostic.Error(DiagnosticCatalog.SlurmRefused,
            $"sbatch refused the job of {Path.GetFileName(script)}; Slurm says: \"{message}\". Check property '{property}' (now '{value ?? ""}').", _projectFile);
    }
}
