using System.Globalization;
using Xai.Amd.Toolchain;
using Xai.Diagnostics;

namespace Xai.Slurm;

/// <summary>
/// Many runs of one program as one Slurm job array (task k runs the k-th command line; as many at once as
/// the cluster gives): submitted once, each task's output streamed, done when every task ended. The caller
/// merges the tasks' results in task order, so the outcome does not depend on which task ran first.
/// </summary>
internal sealed class SlurmJobArray(SlurmSubmitter submitter, SlurmOptions options, string stage)
{
    public (IReadOnlyList<SlurmJobInfo>? Tasks, IReadOnlyList<XaiDiagnostic> Findings, bool Cancelled) Run(
        string name, string label, IReadOnlyList<ToolInvocation> tasks, Action<string> onLine, CancellationToken cancel)
    {
        var directory = tasks[0].WorkingDirectory;
        var (text, stamp) = SlurmJobScript.WriteArray(tasks, options, name, name + ".%a.out", $"{label}: {tasks.Count} tasks", SlurmJobScript.InputDigest(tasks));
        var outputs = Enumerable.Range(0, tasks.Count).Select(k => Path.Combine(directory, $"{name}.{k}.out")).ToList();
        // The tasks' own outputs too: a file left by an earlier run must not pass for this run's.
        var (jobId, script, problem, _) = submitter.SubmitOrFind(name, directory, text, stamp, [.. outputs, .. tasks.SelectMany(t => t.ExpectedOutputs)], onLine);
        if (jobId is null)
        {
            return (null, [problem!], false);
        }

        var record = new SlurmJobRecord(stage, name, jobId, "PENDING", "", "", null, script, Path.Combine(directory, name + ".%a.out"), DateTime.UtcNow) { BinDirectory = options.BinDirectory };
        SlurmJobLedger.Record(directory, record);
        try
        {
            return Await(jobId, name, record, directory, tasks.Count, outputs, onLine, cancel);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            // Never leave an array running that no build waits for.
            submitter.CancelAndWait(jobId);
            throw;
        }
    }

    private (IReadOnlyList<SlurmJobInfo>? Tasks, IReadOnlyList<XaiDiagnostic> Findings, bool Cancelled) Await(
        string jobId, string name, SlurmJobRecord record, string directory, int count, IReadOnlyList<string> outputs, Action<string> onLine, CancellationToken cancel)
    {
        var readers = outputs.Select(o => new JobOutputReader(o)).ToList();
        void Drain(bool final)
        {
            foreach (var line in readers.SelectMany(r => r.ReadNewLines(final)))
            {
                onLine(line);
            }
        }

        string? lastProgress = null;
        void OnState(IReadOnlyList<SlurmJobInfo> jobs)
        {
            var progress = $"{jobs.Count(j => j.IsTerminal)} of {count} tasks ended, {jobs.Count(j => j.State == "RUNNING")} running";
            if (progress != lastProgress)
            {
                lastProgress = progress;
                onLine($"{SlurmToolExecutor.StatusPrefix}job array {jobId} ({name}): {progress}.");
            }
        }

        var wait = submitter.Wait(jobId, record.Script, Drain, OnState, stuck: null, cancel);
        if (wait.Cancelled)
        {
            onLine($"{SlurmToolExecutor.StatusPrefix}the build was cancelled; cancelled job array {jobId} ({name}).");
            SlurmJobLedger.Record(directory, record with { State = "CANCELLED" });
            return (null, [], true);
        }

        if (wait.Trouble is not null)
        {
            SlurmJobLedger.Record(directory, record with { State = "UNKNOWN" });
            return (null, [wait.Trouble], false);
        }

        return Finish(wait.Jobs, record, directory, count, outputs, onLine);
    }

    private (IReadOnlyList<SlurmJobInfo>?, IReadOnlyList<XaiDiagnostic>, bool) Finish(
        IReadOnlyList<SlurmJobInfo> lines, SlurmJobRecord record, string directory, int count, IReadOnlyList<string> outputs, Action<string> onLine)
    {
        var byTask = new Dictionary<int, SlurmJobInfo>();
        foreach (var line in lines)
        {
            if (int.TryParse(line.ArrayTaskId, NumberStyles.None, CultureInfo.InvariantCulture, out var k))
            {
                byTask[k] = line;
            }
        }

        var ordered = Enumerable.Range(0, count).Select(k => byTask.GetValueOrDefault(k)).ToList();
        var failed = Enumerable.Range(0, count).Where(k => ordered[k] is not { State: "COMPLETED", ExitCode: 0 }).ToList();
        var nodes = string.Join(",", lines.Select(l => l.Nodes).Where(n => n.Length > 0).Distinct());
        var first = failed.Count > 0 ? ordered[failed[0]] : null;
        SlurmJobLedger.Record(directory, record with
        {
            State = failed.Count == 0 ? "COMPLETED" : first?.State ?? "UNKNOWN",
            Nodes = nodes,
            ExitCode = failed.Count == 0 ? 0 : first?.ExitCode,
        });
        onLine($"{SlurmToolExecutor.StatusPrefix}job array {record.Id} ({record.Name}): {count - failed.Count} of {count} tasks COMPLETED{(nodes.Length > 0 ? " on " + nodes : "")}.");
        if (failed.Count == 0)
        {
            return (ordered.Select(t => t!).ToList(), [], false);
        }

        var findings = failed.Take(3).Select(k => ordered[k] is { } task
            ? submitter.Ended(task, $"{record.Name} task {k}", outputs[k], record.Script)!
            : XaiDiagnostic.Error(DiagnosticCatalog.SlurmJobEnded, $"Slurm does not describe task {k} of job array {record.Id} ({record.Name}).", record.Script)).ToList();
        return (null, findings, false);
    }
}
