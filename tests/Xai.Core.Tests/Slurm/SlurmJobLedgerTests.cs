using Xai.Slurm;

namespace Xai.Core.Tests.Slurm;

/// <summary>The build's record of its Slurm jobs (slurm-jobs.json), without a cluster.</summary>
public sealed class SlurmJobLedgerTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "xai-ledger-" + Guid.NewGuid().ToString("N")[..10]);

    public SlurmJobLedgerTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static SlurmJobRecord Job(string name, string state) =>
        new("Synthesize", name, "41", state, "", "", null, "/o/x.sbatch", "/o/x.out", new DateTime(2026, 12, 2, 12, 0, 0, DateTimeKind.Utc));

    [Fact]
    public void A_job_keeps_the_bin_directory_it_was_submitted_from_through_later_updates()
    {
        var job = Job("xai.p.Synthesize.a", "PENDING") with { BinDirectory = "/opt/slurm/bin" };
        SlurmJobLedger.Record(_dir, job);
        SlurmJobLedger.Record(_dir, job with { State = "RUNNING", Nodes = "n1" }); // as the executor updates it
        var read = Assert.Single(SlurmJobLedger.Read(_dir));
        Assert.Equal(("RUNNING", "n1", "/opt/slurm/bin"), (read.State, read.Nodes, read.BinDirectory));
    }

    [Fact]
    public void A_record_written_before_the_bin_directory_was_kept_reads_as_PATH()
    {
        File.WriteAllText(Path.Combine(_dir, SlurmJobLedger.FileName), """
            { "format": "xai-slurm-jobs/1", "jobs": [ { "stage": "Synthesize", "name": "xai.p.Synthesize.a", "id": "41", "state": "RUNNING",
              "nodes": "n1", "runTime": "", "exitCode": null, "script": "/o/x.sbatch", "output": "/o/x.out", "submittedUtc": "2026-12-02T12:00:00Z" } ] }
            """);
        var read = Assert.Single(SlurmJobLedger.Read(_dir));
        Assert.Equal(("41", "RUNNING"), (read.Id, read.State));
        Assert.Null(read.BinDirectory);
    }
}
