namespace Xai.Slurm;

/// <summary>One job a build ran on Slurm, as <see cref="SlurmJobLedger"/> keeps it.</summary>
/// <param name="Stage">The stage (Synthesize, CoSimulate, Bitstream, or Fidelity for the fidelity run's job array).</param>
/// <param name="Name">The job name (project, stage, run).</param>
/// <param name="Id">Slurm's job id.</param>
/// <param name="State">The last state seen (PENDING, RUNNING, COMPLETED, FAILED, TIMEOUT, ...).</param>
/// <param name="Nodes">The node(s) it ran on; empty before it started.</param>
/// <param name="RunTime">Its run time as Slurm writes it ([D-]HH:MM:SS); empty before it ended.</param>
/// <param name="ExitCode">The script's exit code once it ended, else null.</param>
/// <param name="Script">The job script.</param>
/// <param name="Output">The job's output file.</param>
/// <param name="SubmittedUtc">When this build submitted it (or found it running).</param>
public sealed record SlurmJobRecord(
    string Stage, string Name, string Id, string State, string Nodes, string RunTime, int? ExitCode, string Script, string Output, DateTime SubmittedUtc)
{
    /// <summary>
    /// <c>XaiSlurmBinDirectory</c> of the build that submitted it, where Get-XaiBuild finds scontrol to ask about a job the
    /// record left pending or running; null: PATH (and in records written before it was kept).
    /// </summary>
    public string? BinDirectory { get; init; }
}
