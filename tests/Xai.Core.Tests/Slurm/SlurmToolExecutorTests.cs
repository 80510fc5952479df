using System.Diagnostics;
using Xai.Amd.Toolchain;
using Xai.Diagnostics;
using Xai.Slurm;
using Xai.Stages;

namespace Xai.Core.Tests.Slurm;

/// <summary>
/// Vendor tool runs as jobs of the real single-node cluster (<see cref="SlurmTestCluster"/>), with a stand-in
/// tool (a bash script that writes its log and outputs the way the SDK judges vendor runs): a run that
/// completes, one that fails, one cancelled by the build, one past its time limit, one whose node goes down,
/// a job left running by an earlier build, a refused partition, and hostile paths and arguments.
/// </summary>
[Collection(SlurmClusterCollection.Name)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class SlurmToolExecutorTests(SlurmTestCluster cluster)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    /// <summary>A stand-in tool in its own directory: prints its arguments, then runs <paramref name="body"/>.</summary>
    private (string Tool, string Directory) StandIn(string name, string body)
    {
        var directory = Path.Combine(cluster.Work, name);
        Directory.CreateDirectory(directory);
        var tool = Path.Combine(directory, "tool.sh");
        File.WriteAllText(tool, "#!/bin/bash\n# TEST STAND-IN of a vendor tool (Slurm executor tests). Not a vendor tool.\n"
            + "for a in \"$@\"; do printf 'arg<%s>\\n' \"$a\"; done\n" + body + "\n");
        File.SetUnixFileMode(tool, (UnixFileMode)0b111_101_101);
        return (tool, directory);
    }

    private static ToolInvocation Invocation(string tool, string directory, params string[] arguments) =>
        new("stand-in run", tool, arguments, directory, null, [Path.Combine(directory, "result.txt")]);

    private static SlurmToolExecutor Executor(SlurmOptions? options = null, string project = "proj") =>
        new(options ?? new SlurmOptions(Partition: SlurmTestCluster.Partition), project, "Synthesize", "/p/proj.xaiproj", Poll);

    [Fact]
    public void A_completed_job_streams_the_tools_lines_and_is_judged_as_a_local_run()
    {
        var (tool, dir) = StandIn("completed", "echo 'INFO: working'; echo done > result.txt; echo 'INFO: finished'");
        var lines = new List<string>();
        var result = VendorRun.Execute(Invocation(tool, dir, "-f", "script.tcl"), lines.Add, CancellationToken.None, Executor());

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Select(d => d.Message).Concat(lines)));
        Assert.Empty(result.Diagnostics);
        Assert.Contains("arg<-f>", lines);
        Assert.Contains("INFO: finished", lines);
        Assert.Contains(lines, l => l.StartsWith("Slurm: submitted job ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("COMPLETED on " + SlurmTestCluster.Node, StringComparison.Ordinal));
        var script = Assert.Single(Directory.GetFiles(dir, "*.sbatch"));
        Assert.StartsWith("xai.proj.Synthesize.", Path.GetFileName(script), StringComparison.Ordinal);
        SlurmTestCluster.Run("/bin/bash", "-n", script); // the generated script parses

        // The build's record of its jobs (Get-XaiBuild shows it).
        var job = Assert.Single(SlurmJobLedger.Read(dir));
        Assert.Equal(("Synthesize", "COMPLETED", SlurmTestCluster.Node, (int?)0, script), (job.Stage, job.State, job.Nodes, job.ExitCode, job.Script));
    }

    [Fact]
    public void A_failing_tool_fails_the_job_and_the_run_with_the_tools_error_and_the_jobs_state()
    {
        var (tool, dir) = StandIn("failed", "echo 'ERROR: [HLS 200-70] stand-in failure'; exit 3");
        var lines = new List<string>();
        var result = VendorRun.Execute(Invocation(tool, dir), lines.Add, CancellationToken.None, Executor());

        Assert.False(result.Succeeded);
        Assert.Contains("ERROR: [HLS 200-70] stand-in failure", lines);
        var failed = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCatalog.SlurmJobFailed);
        Assert.Contains("FAILED with exit code 3", failed.Message);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCatalog.RunLogErrors);
    }

    [Fact]
    public void A_job_chained_after_a_failing_one_never_runs_and_says_so_with_XAI5716_even_when_the_tool_exits_0()
    {
        // Exits 0 with an ERROR line, as AMD tools have been seen to: the job still fails, so nothing chained after it starts.
        var (first, firstDir) = StandIn("chain-first", "sleep 1; echo 'ERROR: [HLS 200-70] stand-in failure'; echo done > result.txt; exit 0");
        var (second, secondDir) = StandIn("chain-second", "echo ran > ran.txt; echo done > result.txt");
        var executor = Executor();
        var lines = new List<string>();
        var (upstream, found, problem) = executor.Submit(Invocation(first, firstDir), [], reuse: true, lines.Add);
        Assert.True(upstream is not null, problem?.Message);
        Assert.False(found);
        var (chained, _, problem2) = executor.Submit(Invocation(second, secondDir), [upstream.Id], reuse: true, lines.Add);
        Assert.True(chained is not null, problem2?.Message);
        Assert.Contains($"Slurm: submitted job {chained.Id} ({chained.Name}) to start after job {upstream.Id} completed; script {chained.Script}.", lines);

        var (run, findings) = executor.Await(chained, lines.Add, CancellationToken.None);

        Assert.NotEqual(0, run.ExitCode);
        var finding = Assert.Single(findings);
        Assert.Equal(DiagnosticCatalog.SlurmDependencyFailed, finding.Code);
        Assert.Contains("did not run: the job it was chained after did not complete successfully", finding.Message);
        Assert.False(File.Exists(Path.Combine(secondDir, "ran.txt")), "the chained job ran");
        var (upstreamRun, upstreamFindings) = executor.Await(upstream, lines.Add, CancellationToken.None);
        Assert.Equal(1, upstreamRun.ExitCode); // the job's own check of its log
        Assert.Contains(upstreamFindings, f => f.Code == DiagnosticCatalog.SlurmJobFailed);
        Assert.Contains("Xai job check: the log has ERROR lines; exit 1", upstreamRun.Lines);
        Assert.DoesNotContain("--dependency", File.ReadAllText(chained.Script)); // resubmittable by hand
    }

    [Fact]
    public void Cancelling_the_build_cancels_the_job_within_seconds()
    {
        var (tool, dir) = StandIn("cancelled", "echo started; sleep 300; echo done > result.txt");
        using var cancel = new CancellationTokenSource();
        var lines = new List<string>();
        var clock = Stopwatch.StartNew();
        TimeSpan cancelledAt = default;
        var result = VendorRun.Execute(Invocation(tool, dir), line =>
        {
            lines.Add(line);
            if (line == "started")
            {
                cancelledAt = clock.Elapsed;
                cancel.Cancel();
            }
        }, cancel.Token, Executor());

        Assert.False(result.Succeeded);
        Assert.Equal(DiagnosticCatalog.ToolCancelled, Assert.Single(result.Diagnostics).Code);
        Assert.True(clock.Elapsed - cancelledAt < TimeSpan.FromSeconds(15), $"cancel took {clock.Elapsed - cancelledAt}");
        var id = lines.First(l => l.StartsWith("Slurm: submitted job ", StringComparison.Ordinal)).Split(' ')[3];
        Assert.Equal("CANCELLED", SlurmTestCluster.StateOf(id));
        Assert.Equal((id, "CANCELLED"), (Assert.Single(SlurmJobLedger.Read(dir)).Id, SlurmJobLedger.Read(dir)[0].State));
    }

    [Fact]
    public void A_job_past_its_time_limit_is_reported_with_the_property_to_raise()
    {
        var (tool, dir) = StandIn("timeout", "echo started; sleep 600; echo done > result.txt");
        var result = VendorRun.Execute(Invocation(tool, dir), _ => { }, CancellationToken.None,
            Executor(new SlurmOptions(Partition: SlurmTestCluster.Partition, Time: "1")));

        Assert.False(result.Succeeded);
        var timeout = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCatalog.SlurmJobTimeout);
        Assert.Contains("XaiSlurmTime=1", timeout.Message);
    }

    [Fact]
    public void A_node_that_goes_down_under_the_job_is_a_node_failure()
    {
        var (tool, dir) = StandIn("nodefail", "echo started; sleep 300; echo done > result.txt");
        VendorRun.Result result;
        try
        {
            result = VendorRun.Execute(Invocation(tool, dir), line =>
            {
                if (line == "started")
                {
                    SlurmTestCluster.Run("/usr/bin/scontrol", "update", "nodename=" + SlurmTestCluster.Node, "state=down", "reason=xai-test");
                }
            }, CancellationToken.None, Executor());
        }
        finally
        {
            // The node must come back whatever happened, or every later job waits for it.
            try
            {
                SlurmTestCluster.Run("/usr/bin/scontrol", "update", "nodename=" + SlurmTestCluster.Node, "state=resume");
            }
            catch (InvalidOperationException)
            {
                // It registered again by itself (ReturnToService=2).
            }
        }

        cluster.WaitForNodeIdle();
        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCatalog.SlurmNodeFailed && d.Message.Contains("NODE_FAIL", StringComparison.Ordinal));
    }

    [Fact]
    public void A_job_an_earlier_build_left_running_is_awaited_not_submitted_again()
    {
        // The run writes its own log (as vitis_hls -l and vivado -log do): a running job changes it, so it is not an input.
        var (tool, dir) = StandIn("earlier", "echo 'INFO: running' >> tool.log; sleep 3; echo done > result.txt; echo finished");
        var log = Path.Combine(dir, "tool.log");
        var invocation = new ToolInvocation("stand-in run", tool, ["-l", log], dir, log, [Path.Combine(dir, "result.txt")]);
        var executor = Executor(project: "earlier");
        // What a build killed outright leaves: the script, submitted, still running.
        var name = executor.JobNameOf(invocation);
        var (text, _) = SlurmJobScript.Write(invocation, new SlurmOptions(Partition: SlurmTestCluster.Partition), name, name + ".out", SlurmJobScript.InputDigest([invocation]));
        var script = Path.Combine(dir, name + ".sbatch");
        File.WriteAllText(script, text);
        var earlier = SlurmTestCluster.Run("/usr/bin/sbatch", "--parsable", "--chdir=" + dir, script).Trim();
        File.AppendAllText(log, "INFO: what the earlier job wrote so far\n");

        var lines = new List<string>();
        var result = VendorRun.Execute(invocation, lines.Add, CancellationToken.None, executor);

        Assert.True(result.Succeeded, string.Join("\n", lines));
        Assert.Contains($"Slurm: job {earlier} ({name}) of an earlier build runs this same script on the same inputs; awaiting it instead of submitting again.", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("Slurm: submitted", StringComparison.Ordinal));
        Assert.Contains("finished", lines);
    }

    [Fact]
    public void An_unknown_partition_is_Slurms_own_refusal_attached_to_the_property()
    {
        var (tool, dir) = StandIn("refused", "echo done > result.txt");
        var result = VendorRun.Execute(Invocation(tool, dir), _ => { }, CancellationToken.None, Executor(new SlurmOptions(Partition: "no-such-partition")));

        Assert.False(result.Succeeded);
        var refused = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCatalog.SlurmRefused, refused.Code);
        Assert.Contains("XaiSlurmPartition", refused.Message);
        Assert.Contains("no-such-partition", refused.Message);
        Assert.Contains("invalid partition", refused.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Hostile_paths_and_arguments_reach_the_tool_unchanged_and_never_run_as_commands()
    {
        var canary = Path.Combine(cluster.Work, "hostile-canary");
        var hostile = new[] { $"$(touch {canary}1)", $"`touch {canary}2`", $"'; touch {canary}3; echo '", $"a b\"c\\d", "*", $"x\ntouch {canary}4" };
        var (tool, dir) = StandIn($"hostile dir $(touch {canary}5) 'q'", "echo done > result.txt");
        var lines = new List<string>();
        var result = VendorRun.Execute(Invocation(tool, dir, hostile), lines.Add, CancellationToken.None, Executor());

        Assert.True(result.Succeeded, string.Join("\n", lines));
        var received = string.Join("\n", lines.Where(l => !l.StartsWith(SlurmToolExecutor.StatusPrefix, StringComparison.Ordinal)));
        Assert.Equal(string.Join("\n", hostile.Select(h => $"arg<{h}>")), received);
        Assert.Empty(Directory.GetFiles(cluster.Work, "hostile-canary*"));
    }

    [Fact]
    public void A_job_array_runs_each_task_and_reports_them_in_task_order()
    {
        var (tool, dir) = StandIn("array", "echo \"task $2 on $(hostname)\"; echo \"$2\" > \"result-$2.txt\"");
        var tasks = Enumerable.Range(0, 5).Select(k => Invocation(tool, dir, "--index", k.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var lines = new List<string>();
        var (ended, findings, cancelled) = Executor(project: "array").RunArray("fidelity", tasks, lines.Add, CancellationToken.None);

        Assert.False(cancelled);
        Assert.Empty(findings);
        Assert.Equal(["0", "1", "2", "3", "4"], ended!.Select(t => t.ArrayTaskId));
        Assert.All(ended!, t => Assert.Equal(("COMPLETED", 0), (t.State, t.ExitCode)));
        Assert.Equal(Enumerable.Range(0, 5).Select(k => $"{k}"), Enumerable.Range(0, 5).Select(k => File.ReadAllText(Path.Combine(dir, $"result-{k}.txt")).Trim()));
        Assert.Equal(5, lines.Count(l => l.StartsWith("task ", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.Contains("5 of 5 tasks COMPLETED", StringComparison.Ordinal));
        Assert.Equal("COMPLETED", Assert.Single(SlurmJobLedger.Read(dir)).State);
    }

    [Fact]
    public void A_failing_array_task_fails_the_array_naming_the_task()
    {
        var (tool, dir) = StandIn("array-fail", "if [ \"$2\" = 2 ]; then echo 'ERROR: task 2 broke'; exit 4; fi");
        var tasks = Enumerable.Range(0, 4).Select(k => Invocation(tool, dir, "--index", k.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var (ended, findings, _) = Executor(project: "arrayfail").RunArray("fidelity", tasks, _ => { }, CancellationToken.None);

        Assert.Null(ended);
        var failed = Assert.Single(findings);
        Assert.Equal(DiagnosticCatalog.SlurmJobFailed, failed.Code);
        Assert.Contains("task 2", failed.Message);
        Assert.Contains("exit code 4", failed.Message);
    }

    [Fact]
    public void A_running_job_on_older_inputs_is_cancelled_not_awaited()
    {
        var (tool, dir) = StandIn("older-inputs", "sleep 2; echo done > result.txt");
        File.WriteAllText(Path.Combine(dir, "script.tcl"), "# version 1\n");
        var invocation = Invocation(tool, dir, "-f", "script.tcl");
        var executor = Executor(project: "older");
        var name = executor.JobNameOf(invocation);
        var (text, _) = SlurmJobScript.Write(invocation, new SlurmOptions(Partition: SlurmTestCluster.Partition), name, name + ".out", SlurmJobScript.InputDigest([invocation]));
        var script = Path.Combine(dir, name + ".sbatch");
        File.WriteAllText(script, text);
        var earlier = SlurmTestCluster.Run("/usr/bin/sbatch", "--parsable", "--chdir=" + dir, "--begin=now+60", script).Trim();
        File.WriteAllText(Path.Combine(dir, "script.tcl"), "# version 2\n"); // the inputs changed since

        var lines = new List<string>();
        var result = VendorRun.Execute(invocation, lines.Add, CancellationToken.None, executor);

        Assert.True(result.Succeeded, string.Join("\n", lines));
        Assert.Contains($"Slurm: cancelled job {earlier} ({name}) of an earlier build, which ran an older script or inputs.", lines);
        Assert.Contains(lines, l => l.StartsWith("Slurm: submitted", StringComparison.Ordinal));
        Assert.Equal("CANCELLED", SlurmTestCluster.StateOf(earlier));
    }
}
