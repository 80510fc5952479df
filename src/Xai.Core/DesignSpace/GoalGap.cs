using System.Globalization;

namespace Xai.DesignSpace;

/// <summary>
/// What stands between the fastest fitting configuration and issue 10's goal at its clock, in the model's own terms
/// (point 6: show why rather than relax the goal). A configuration's floor is the time of its core MAC loops as the
/// model counts them (<see cref="DesignCandidate.MacLoopsMs"/>); no port packing or overlap goes below it. The rest is
/// DRAM waits and on-chip loops. When no fitting configuration's floor is under the goal, nothing that fits reaches it
/// at this clock, and <see cref="Needed"/> is the cheapest configuration whose floor is, with what it overflows.
/// </summary>
/// <param name="Best">The fastest fitting configuration.</param>
/// <param name="GoalMs">The goal, FP+BP.</param>
/// <param name="FittingFloor">The fitting configuration at Best's clock with the shortest MAC loops (Best itself, or another that loses more time outside them).</param>
/// <param name="Needed">
/// When no fitting configuration's MAC loops are under the goal: the fewest-LUT configuration at Best's clock whose are
/// (of equal LUTs, the one with the shortest MAC loops); null otherwise or when none is enumerated.
/// </param>
public sealed record GoalGap(DesignCandidate Best, double GoalMs, DesignCandidate FittingFloor, DesignCandidate? Needed)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static GoalGap Of(DesignCandidate best, IReadOnlyList<DesignCandidate> all, double goalMs)
    {
        var sameClock = all.Where(c => c.ClockMHz == best.ClockMHz).ToList();
        var floor = sameClock.Where(c => c.Fits).Append(best).MinBy(c => (c.MacLoopsMs, c.Resources.Lut))!; // best, should `all` not hold it
        var needed = floor.MacLoopsMs <= goalMs
            ? null
            : sameClock.Where(c => c.MacLoopsMs <= goalMs)
                .OrderBy(c => c.Resources.Lut).ThenBy(c => c.MacLoopsMs).ThenBy(c => c.Latency.FpBpMs).ThenBy(c => c.Resources.Dsp).ThenBy(c => c.Name, StringComparer.Ordinal)
                .FirstOrDefault();
        return new GoalGap(best, goalMs, floor, needed);
    }

    /// <summary>The FP+BP milliseconds of Best that are not its MAC loops: exposed DRAM loops, on-chip loops and loop control.</summary>
    public double RestMs => Best.Latency.FpBpMs - Best.MacLoopsMs;

    /// <summary>Best's DRAM-loop milliseconds not hidden beside compute (<see cref="FpgaLatency.CycleCount.ExposedMemory"/>, which slightly understates it when double-buffered).</summary>
    public double ExposedMemoryMs => ExposedMs(Best);

    /// <summary>Whether some fitting configuration's MAC loops alone are under the goal at this clock.</summary>
    public bool FloorUnderGoal => FittingFloor.MacLoopsMs <= GoalMs;

    private static double ExposedMs(DesignCandidate c) => c.Latency.Milliseconds(c.Latency.Forward.ExposedMemory + c.Latency.Backward.ExposedMemory);

    /// <summary>The explanation for report.json's verdict.</summary>
    public override string ToString()
    {
        var own = string.Format(Invariant, "Its core MAC loops take {0:F2} ms as the model counts them (edge tiles and pipeline fill included; no packing or overlap goes below them)", Best.MacLoopsMs);
        var board = Best.Latency.Limits.BindingMs;
        if (Best.MacLoopsMs <= GoalMs && board > GoalMs)
        {
            // Under the goal, but the board's own limit for the same work is not: no packing or overlap gets there.
            return own + string.Format(Invariant, ", under the goal, but the board's {0} limit for its work ({1:F2} ms) is over it, so no packing or overlap reaches the goal at this clock.",
                Best.Latency.Limits.Bound, board);
        }

        if (Best.MacLoopsMs <= GoalMs)
        {
            return own + string.Format(Invariant, ", under the goal; the other {0:F2} ms are DRAM loops not hidden beside compute ({1:F2} ms) and on-chip loops and loop control ({2:F2} ms), of which packed ports and overlapped loads would have to hide {3:F2} ms.",
                RestMs, ExposedMemoryMs, RestMs - ExposedMemoryMs, Best.Latency.FpBpMs - GoalMs);
        }

        if (FloorUnderGoal)
        {
            var f = FittingFloor;
            var exposed = ExposedMs(f);
            var rest = f.Latency.FpBpMs - f.MacLoopsMs;
            return own + string.Format(Invariant, ", over the goal; {0} fits and its MAC loops take {1:F2} ms, under it, but it spends {2:F2} ms outside them (DRAM loops {3:F2} ms, on-chip loops and loop control {4:F2} ms): {5:F2} ms FP+BP.",
                f.Configuration, f.MacLoopsMs, rest, exposed, rest - exposed, f.Latency.FpBpMs);
        }

        var more = Needed is { } n
            ? string.Format(Invariant, " The cheapest configuration whose MAC loops are under it, {0} ({1:F2} ms, {2} DSP), does not fit: {3}.", n.Configuration, n.MacLoopsMs, n.Resources.Dsp, string.Join("; ", n.Overflows))
            : " No configuration the exploration enumerates has MAC loops under it.";
        return own + string.Format(Invariant, ", over the goal, and no fitting configuration's are shorter than {0:F2} ms: nothing that fits by the resource model reaches the goal at this clock, whatever its ports do.", FittingFloor.MacLoopsMs) + more;
    }
}
