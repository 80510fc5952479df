using Xai.Slurm;

namespace Xai.PowerShell;

/// <summary>
/// One Slurm job of a build's vendor stages, as Get-XaiBuild shows it (<see cref="XaiBuild.SlurmJobs"/>):
/// the build's record (slurm-jobs.json), with the state Slurm gives now for a job the record left
/// pending or running (when scontrol is where the build found Slurm: its XaiSlurmBinDirectory, else PATH).
/// </summary>
public sealed class XaiSlurmJob
{
    public required string Id { get; init; }

    public required string Stage { get; init; }

    public required string Name { get; init; }

    public required string State { get; init; }

    /// <summary>The node(s) it ran on; empty before it started.</summary>
    public required string Node { get; init; }

    /// <summary>Its run time ([D-]HH:MM:SS) as Slurm reports it.</summary>
    public required string Elapsed { get; init; }

    public int? ExitCode { get; init; }

    public required string Script { get; init; }

    public required string Output { get; init; }

    public DateTime SubmittedUtc { get; init; }

    /// <param name="directories">Where the build keeps records: obj/.../xai (the fidelity run) and its vendor/ (the vendor stages).</param>
    internal static XaiSlurmJob[] Read(params string?[] directories)
    {
        var slurm = new Dictionary<string, SlurmCommands?>(); // per bin directory ("" for PATH): null when scontrol is not there
        SlurmCommands? Where(string? bin)
        {
            if (!slurm.TryGetValue(bin ?? "", out var commands))
            {
                commands = new SlurmCommands(bin);
                slurm[bin ?? ""] = commands = commands.Locate("scontrol") is null ? null : commands;
            }

            return commands;
        }

        return directories.OfType<string>().SelectMany(SlurmJobLedger.Read).OrderBy(j => j.SubmittedUtc).Select(j =>
        {
            var now = j.State is "PENDING" or "RUNNING" or "UNKNOWN" ? Where(j.BinDirectory)?.ShowAll(j.Id)?.FirstOrDefault() : null;
            return new XaiSlurmJob
            {
                Id = j.Id,
                Stage = j.Stage,
                Name = j.Name,
                State = now?.State ?? j.State,
                Node = now?.Nodes ?? j.Nodes,
                Elapsed = now?.RunTime ?? j.RunTime,
                ExitCode = now is { IsTerminal: true } ? now.ExitCode : j.ExitCode,
                Script = j.Script,
                Output = j.Output,
                SubmittedUtc = j.SubmittedUtc,
            };
        }).ToArray();
    }
}
