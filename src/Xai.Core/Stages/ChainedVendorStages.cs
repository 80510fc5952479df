using Xai.Amd.Toolchain;
using Xai.CodeGeneration;
using Xai.Diagnostics;
using Xai.Planning;
using Xai.Projects;
using Xai.Slurm;

namespace Xai.Stages;

/// <summary>
/// Synthesize with CoSimulate and/or Bitstream after it, under <c>XaiExecutor=Slurm</c>: every run of the three
/// stages is submitted at once, each chained after what it needs (<c>--dependency=afterok</c>: a stage's runs one
/// after another, as locally; CoSimulate and Bitstream each after the last Synthesize run), so the later stages
/// queue while synthesis runs and then run side by side instead of the build waiting in between. The jobs are
/// then awaited (Synthesize first; CoSimulate and Bitstream together, streamed as they come), each judged as a
/// local run, and the stages completed in the local order (their reports read, their records written). A failed
/// or cancelled run cancels every job after it. A job an earlier build left running on the same script is
/// awaited only while nothing before it in the chain had to be submitted again.
/// </summary>
public static class ChainedVendorStages
{
    /// <summary>The outcome of each stage that ran, in the local order; the last one failed if any did.</summary>
    public sealed record StageResult(VendorStage Stage, VendorStageOutcome Outcome);

    private sealed record Job(VendorStage Stage, HlsTopDesign? Top, ToolInvocation Invocation, SlurmToolExecutor Executor, SlurmJobRecord Record)
    {
        /// <summary>An earlier build's job of the same script, awaited instead of submitted.</summary>
        public bool Found { get; init; }

        /// <summary>Awaited (or cancelled) already: never cancel a job that is being judged.</summary>
        public bool Awaited { get; set; }
    }

    public static IReadOnlyList<StageResult> Run(
        DesignPlan plan, ProjectSettings settings, VendorToolSet tools, string hlsInclude, BuildLayout build, VendorLayout vendor,
        bool coSimulate, bool bitstream, Func<VendorStage, SlurmToolExecutor> executorOf,
        Action<ToolInvocation, string> onLine, CancellationToken cancel)
    {
        var toolchain = tools.Hls ?? throw new XaiException(DiagnosticCatalog.ToolNotFound, $"Synthesize needs the HLS tools: {tools.HlsProblem}", settings.ProjectFile);
        var sources = HlsSourcesStage.Load(plan, vendor);
        var synthesize = HlsStage.Prepare(VendorStage.Synthesize, toolchain, sources, settings, hlsInclude, vendor);
        var cosimulate = coSimulate ? HlsStage.Prepare(VendorStage.CoSimulate, toolchain, sources, settings, hlsInclude, vendor) : [];
        var vivado = bitstream ? BitstreamStage.Prepare(plan, settings, tools, build, vendor, requireIp: false) : null;
        var hlsBy = tools.HlsDescription!;

        // Threads awaiting CoSimulate and Bitstream log through here, one line at a time.
        var gate = new object();
        void Log(ToolInvocation invocation, string line)
        {
            lock (gate)
            {
                onLine(invocation, line);
            }
        }

        var jobs = new List<Job>();
        void CancelPending(string why, VendorStage? only = null)
        {
            foreach (var job in jobs.Where(j => !j.Awaited && (only is null || j.Stage == only)))
            {
                job.Awaited = true;
                job.Executor.Cancel(job.Record, line => Log(job.Invocation, line), why);
            }
        }

        try
        {
            // Submit the chain. A stage's own runs follow each other; a job whose predecessor was submitted anew
            // must not be an earlier build's (that one follows an older predecessor).
            var failed = Submit(VendorStage.Synthesize, synthesize.Select(r => (r.Top, r.Run)), [], fresh: false, executorOf, jobs, Log);
            var synthesisJobs = jobs.ToList();
            if (failed is { } problem)
            {
                CancelPending("a job before it could not be submitted");
                return [new(VendorStage.Synthesize, HlsStage.Finish(VendorStage.Synthesize, vendor, false, [problem], $"failed: could not submit to Slurm ({hlsBy})"))];
            }

            var afterSynthesis = new[] { synthesisJobs[^1].Record.Id };
            var synthesisFresh = synthesisJobs.Any(j => !j.Found);
            var downstreamProblems = new List<(VendorStage Stage, XaiDiagnostic Problem)>();
            if (Submit(VendorStage.CoSimulate, cosimulate.Select(r => (r.Top, r.Run)), afterSynthesis, synthesisFresh, executorOf, jobs, Log) is { } cosimProblem)
            {
                downstreamProblems.Add((VendorStage.CoSimulate, cosimProblem));
            }

            if (vivado is not null
                && Submit(VendorStage.Bitstream, [(vivado.Top, vivado.Invocation)], afterSynthesis, synthesisFresh, executorOf, jobs, Log) is { } vivadoProblem)
            {
                downstreamProblems.Add((VendorStage.Bitstream, vivadoProblem));
            }

            if (downstreamProblems.Count > 0)
            {
                // Synthesize is not awaited without the stages after it: this chain failed as a whole, and says why.
                CancelPending("a job chained with it could not be submitted");
                return [new(VendorStage.Synthesize, HlsStage.Finish(VendorStage.Synthesize, vendor, false, [.. downstreamProblems.Select(p => p.Problem)],
                    $"failed: could not submit {string.Join(" and ", downstreamProblems.Select(p => p.Stage))} to Slurm, so Synthesize was cancelled too ({hlsBy})"))];
            }

            // Synthesize, in order: when it fails nothing after it can run.
            var results = new List<StageResult>();
            var synthesisDiagnostics = new List<XaiDiagnostic>();
            foreach (var job in synthesisJobs)
            {
                var result = AwaitAndJudge(job, Log, cancel);
                synthesisDiagnostics.AddRange(result.Diagnostics);
                if (!result.Succeeded)
                {
                    CancelPending(cancel.IsCancellationRequested ? "the build was cancelled" : "the Synthesize run it follows failed");
                    results.Add(new(VendorStage.Synthesize, HlsStage.Failed(VendorStage.Synthesize, vendor, synthesisDiagnostics, job.Invocation, job.Top!, hlsBy)));
                    return results;
                }
            }

            results.Add(new(VendorStage.Synthesize, HlsStage.Complete(VendorStage.Synthesize, sources, settings, vendor, hlsBy, synthesisDiagnostics)));

            // CoSimulate and Bitstream: awaited side by side, completed in the local order (Bitstream's report reads the
            // co-simulation's too).
            var cosimJobs = jobs.Where(j => j.Stage == VendorStage.CoSimulate).ToList();
            var vivadoJob = jobs.SingleOrDefault(j => j.Stage == VendorStage.Bitstream);
            // One thread's error stops the other's wait (which cancels its job) before it is rethrown: no job is left running.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            foreach (var job in jobs.Where(j => j.Stage != VendorStage.Synthesize))
            {
                job.Awaited = true; // each thread cancels its own stage's jobs; the other's must not
            }

            var cosimAwait = Task.Run<(Job? Failed, List<XaiDiagnostic> Diagnostics)>(() =>
            {
                var diagnostics = new List<XaiDiagnostic>();
                for (var k = 0; k < cosimJobs.Count; k++)
                {
                    var result = Guarded(() => AwaitAndJudge(cosimJobs[k], Log, stop.Token), stop);
                    diagnostics.AddRange(result.Diagnostics);
                    if (!result.Succeeded)
                    {
                        // Only the co-simulation's later runs follow it; Bitstream does not need the co-simulation and goes on.
                        foreach (var later in cosimJobs.Skip(k + 1))
                        {
                            later.Executor.Cancel(later.Record, line => Log(later.Invocation, line), stop.IsCancellationRequested ? "the build was cancelled" : "the CoSimulate run it follows failed");
                        }

                        return (cosimJobs[k], diagnostics);
                    }
                }

                return (null, diagnostics);
            });
            var vivadoAwait = Task.Run(() => vivadoJob is null ? null : Guarded(() => AwaitAndJudge(vivadoJob, Log, stop.Token), stop));
            try
            {
                Task.WaitAll(cosimAwait, vivadoAwait);
            }
            catch (AggregateException)
            {
                // Both have ended; the first error is rethrown below.
            }

            if (new Task[] { cosimAwait, vivadoAwait }.FirstOrDefault(t => t.IsFaulted)?.Exception?.InnerException is { } error)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(error).Throw();
            }

            var (cosimFailed, cosimDiagnostics) = cosimAwait.Result;
            var vivadoResult = vivadoAwait.Result;
            if (cosimJobs.Count > 0)
            {
                results.Add(new(VendorStage.CoSimulate, cosimFailed is null
                    ? HlsStage.Complete(VendorStage.CoSimulate, sources, settings, vendor, hlsBy, cosimDiagnostics)
                    : HlsStage.Failed(VendorStage.CoSimulate, vendor, cosimDiagnostics, cosimFailed.Invocation, cosimFailed.Top!, hlsBy)));
            }

            if (vivado is not null && vivadoResult is not null)
            {
                results.Add(new(VendorStage.Bitstream, BitstreamStage.Complete(vivado, vivadoResult, plan, settings, tools, build, vendor)));
            }

            // A failed stage goes last, so that the caller stops there.
            return [.. results.Where(r => r.Outcome.Succeeded), .. results.Where(r => !r.Outcome.Succeeded)];
        }
        catch (Exception)
        {
            // Never leave a job running that no build waits for.
            try
            {
                CancelPending("the build stopped on an error");
            }
            catch (Exception)
            {
                // The first error is the one to report; Slurm may be what failed.
            }

            throw;
        }
    }

    /// <summary>Runs <paramref name="wait"/>; when it throws, stops the other waits of the chain first.</summary>
    private static T Guarded<T>(Func<T> wait, CancellationTokenSource stop)
    {
        try
        {
            return wait();
        }
        catch (Exception)
        {
            stop.Cancel();
            throw;
        }
    }

    /// <summary>Submits <paramref name="runs"/> of <paramref name="stage"/> one after another, the first after <paramref name="after"/>; the problem of the first that could not be.</summary>
    private static XaiDiagnostic? Submit(
        VendorStage stage, IEnumerable<(HlsTopDesign Top, ToolInvocation Run)> runs, IReadOnlyList<string> after, bool fresh,
        Func<VendorStage, SlurmToolExecutor> executorOf, List<Job> jobs, Action<ToolInvocation, string> log)
    {
        var executor = executorOf(stage);
        foreach (var (top, run) in runs)
        {
            var (record, found, problem) = executor.Submit(run, after, reuse: !fresh, line => log(run, line));
            if (record is null)
            {
                return problem;
            }

            jobs.Add(new Job(stage, top, run, executor, record) { Found = found });
            after = [record.Id];
            fresh |= !found;
        }

        return null;
    }

    private static VendorRun.Result AwaitAndJudge(Job job, Action<ToolInvocation, string> log, CancellationToken cancel)
    {
        job.Awaited = true; // Await cancels the job itself if waiting fails
        var (run, findings) = job.Executor.Await(job.Record, line => log(job.Invocation, line), cancel);
        return VendorRun.Judge(job.Invocation, run, findings);
    }
}
