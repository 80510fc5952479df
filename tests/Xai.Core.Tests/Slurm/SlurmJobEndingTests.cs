using Xai.Diagnostics;
using Xai.Slurm;

namespace Xai.Core.Tests.Slurm;

/// <summary>How a job's end becomes a diagnostic (no cluster needed: the job's description and output as Slurm leaves them).</summary>
public sealed class SlurmJobEndingTests
{
    // Written by slurmstepd 22.05.8 into a job's output when it killed the job for its memory (a by-hand run on the
    // single-node cluster with SelectTypeParameters=CR_Core_Memory, JobAcctGatherType=jobacct_gather/linux and
    // JobAcctGatherParams=OverMemoryKill, sbatch --mem=20M of a job that touched 300 MB); scontrol then said
    // JobState=FAILED ExitCode=0:9.
    private const string KilledForMemory = """
        slurmstepd-xai-node: error: StepId=3.batch exceeded memory limit (172294144 > 20971520), being killed
        slurmstepd-xai-node: error: Exceeded job memory limit
        slurmstepd-xai-node: error: *** JOB 3 ON xai-node CANCELLED AT 2026-12-02T11:39:13 ***
        """;

    private static XaiDiagnostic? End(string state, int exitCode, int signal, string output)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("xai-job-end").FullName, "job.out");
        File.WriteAllText(file, output);
        var submitter = new SlurmSubmitter(new SlurmOptions(Memory: "20M"), "/p/a.xaiproj", TimeSpan.FromSeconds(1));
        return submitter.Ended(new SlurmJobInfo("3", state, "None", "xai-node", "00:00:02", exitCode, signal), "xai.a.Synthesize.x", file, "/p/x.sbatch");
    }

    [Fact]
    public void A_job_slurmstepd_killed_for_its_memory_is_XAI5712_naming_XaiSlurmMemory()
    {
        var d = End("FAILED", 0, 9, "INFO: working\n" + KilledForMemory);
        Assert.Equal(DiagnosticCatalog.SlurmJobOutOfMemory, d!.Code);
        Assert.Contains("exceeding its memory limit (XaiSlurmMemory=20M", d.Message);
        Assert.Equal("/p/a.xaiproj", d.File);
    }

    [Fact]
    public void A_job_that_failed_otherwise_is_XAI5710_and_one_that_completed_is_no_finding()
    {
        Assert.Equal(DiagnosticCatalog.SlurmJobFailed, End("FAILED", 3, 0, "ERROR: [HLS 200-70] failure\n")!.Code);
        Assert.Equal(DiagnosticCatalog.SlurmJobOutOfMemory, End("OUT_OF_MEMORY", 0, 9, "")!.Code);
        Assert.Null(End("COMPLETED", 0, 0, "INFO: done\n"));
    }
}
