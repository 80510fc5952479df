using System.Globalization;

namespace Xai.DesignSpace;

/// <summary>
/// What stands between the fastest fitting configuration and issue 10's goal at its clock, in the model's own terms
/// (point 6: show why rather than relax the goal). Its multipliers' floor is the time of its MAC loops alone, every
/// lane busy every cycle (<see cref="DesignCandidate.MacLoopsMs"/>); the rest is DRAM waits and on-chip loops. When that
/// floor is over the goal no packing or overlap can reach it: the goal needs more multipliers, and
/// <see cref="Needed"/> is the cheapest configuration that has them, with what it overflows.
/// </summary>
/// <param name="Best">The fastest fitting configuration.</param>
/// <param name="GoalMs">The goal, FP+BP.</param>
/// <param name="FittingFloor">The fitting configuration at Best's clock with the shortest MAC loops (Best itself, or one with more lanes that waits longer on DRAM).</param>
/// <param name="Needed">The fewest-LUT configuration at Best's clock whose MAC loops are under the goal, when no fitting one's are; null otherwise or when none is enumerated.</param>
public sealed record GoalGap(DesignCandidate Best, double GoalMs, DesignCandidate FittingFloor, DesignCandidate? Needed)
{
    public static GoalGap Of(DesignCandidate best, IReadOnlyList<DesignCandidate> all, double goalMs)
    {
        var sameClock = all.Where(c => c.ClockMHz == best.ClockMHz).ToList();
        var floor = sameClock.Where(c => c.Fits).Append(best).MinBy(c => (c.MacLoopsMs, c.Resources.Lut))!;
        var needed = floor.MacLoopsMs <= goalMs
            ? null
            : sameClock.Where(c => c.MacLoopsMs <= goalMs).OrderBy(c => c.Resources.Lut).ThenBy(c => c.Resources.Dsp).ThenBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault();
        return new GoalGap(best, goalMs, floor, needed);
    }

    /// <summary>The FP+BP milliseconds of Best that are not its MAC loops: exposed DRAM loops and on-chip loops.</summary>
    public double RestMs => Best.Latency.FpBpMs - Best.MacLoopsMs;

    /// <summary>Best's DRAM-loop milliseconds not hidden beside compute.</summary>
    public double ExposedMemoryMs => Best.Latency.Milliseconds(Best.Latency.Forward.ExposedMemory + Best.Latency.Backward.ExposedMemory);

    /// <summary>Whether the multipliers that fit could meet the goal at this clock if nothing but their MAC loops took time.</summary>
    public bool LanesSuffice => FittingFloor.MacLoopsMs <= GoalMs;

    /// <summary>The explanation for report.json's verdict.</summary>
    public override string ToString()
    {
        var f = CultureInfo.InvariantCulture;
        var own = string.Format(f, "Its multipliers need {0:F2} ms for the MAC loops alone (every lane busy every cycle of the core loops)", Best.MacLoopsMs);
        if (Best.MacLoopsMs <= GoalMs)
        {
            return own + string.Format(f, ", under the goal; the other {0:F2} ms are DRAM loops not hidden beside compute ({1:F2} ms) and on-chip loops ({2:F2} ms), which packed ports and overlapped loads would have to hide.",
                RestMs, ExposedMemoryMs, RestMs - ExposedMemoryMs);
        }

        if (LanesSuffice)
        {
            return own + string.Format(f, ", over the goal; {0} has more lanes ({1:F2} ms of MAC loops, under the goal) and fits, but waits longer on DRAM ({2:F2} ms FP+BP).",
                FittingFloor.Configuration, FittingFloor.MacLoopsMs, FittingFloor.Latency.FpBpMs);
        }

        var more = Needed is { } n
            ? string.Format(f, " the fewest-LUT configuration whose MAC loops are under it, {0} ({1:F2} ms, {2} DSP), does not fit: {3}.", n.Configuration, n.MacLoopsMs, n.Resources.Dsp, string.Join("; ", n.Overflows))
            : " no configuration the exploration enumerates has MAC loops under it.";
        return own + string.Format(f, ", over the goal, and no fitting configuration's are shorter than {0:F2} ms: at this clock the goal needs more multipliers than the resource model lets fit;", FittingFloor.MacLoopsMs) + more;
    }
}
