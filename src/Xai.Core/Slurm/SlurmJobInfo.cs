using System.Globalization;

namespace Xai.Slurm;

/// <summary>One job as <c>scontrol show job -o</c> describes it.</summary>
/// <param name="Id">The job id.</param>
/// <param name="State">JobState: PENDING, RUNNING, COMPLETED, FAILED, TIMEOUT, OUT_OF_MEMORY, CANCELLED, NODE_FAIL, ...</param>
/// <param name="Reason">Reason (why it waits, or why it ended), "None" if none.</param>
/// <param name="Nodes">NodeList, empty before it starts.</param>
/// <param name="RunTime">RunTime as Slurm writes it ([D-]HH:MM:SS).</param>
/// <param name="ExitCode">The batch script's exit code (ExitCode=code:signal).</param>
/// <param name="Signal">The signal that ended it, 0 if none.</param>
/// <param name="ArrayTaskId">For a task of a job array its index (or, while tasks wait, the range of them: "1-3"); else null.</param>
public sealed record SlurmJobInfo(string Id, string State, string Reason, string Nodes, string RunTime, int ExitCode, int Signal, string? ArrayTaskId = null)
{
    // The states a job ends in (Slurm's job_state_string of the base states after PENDING, RUNNING, SUSPENDED).
    private static readonly HashSet<string> Ended = new(StringComparer.Ordinal)
    {
        "COMPLETED", "FAILED", "TIMEOUT", "OUT_OF_MEMORY", "CANCELLED", "NODE_FAIL", "PREEMPTED", "BOOT_FAIL", "DEADLINE",
    };

    /// <summary>The job has ended (held and requeue states are not an end: the job may still run).</summary>
    public bool IsTerminal => Ended.Contains(State);

    /// <summary>Parses one line of <c>scontrol show job -o</c>; null if it describes no job.</summary>
    public static SlurmJobInfo? Parse(string line)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var token in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = token.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                fields.TryAdd(token[..eq], token[(eq + 1)..]);
            }
        }

        if (!fields.TryGetValue("JobId", out var id) || !fields.TryGetValue("JobState", out var state))
        {
            return null;
        }

        var exit = fields.GetValueOrDefault("ExitCode", "0:0").Split(':');
        int Int(string s) => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : 0;
        var nodes = fields.GetValueOrDefault("NodeList", "");
        return new SlurmJobInfo(id, state, fields.GetValueOrDefault("Reason", "None"), nodes == "(null)" ? "" : nodes,
            fields.GetValueOrDefault("RunTime", ""), Int(exit[0]), exit.Length > 1 ? Int(exit[1]) : 0,
            fields.TryGetValue("ArrayTaskId", out var task) && task != "(null)" ? task : null);
    }
}
