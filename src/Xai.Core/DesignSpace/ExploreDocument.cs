using System.Globalization;
using System.Text;
using Xai.FpgaLatency;
using Xai.Planning;
using Xai.Reporting.Model;

namespace Xai.DesignSpace;

/// <summary>The exploration as report.json's <c>explore</c> section and as explore.csv (one row per candidate, the Pareto set marked).</summary>
public static class ExploreDocument
{
    /// <param name="clockForGoal">The lowest clock at which the fastest fitting configuration is modelled at the goal
    /// (<see cref="DesignSpaceExplorer.ClockToMeet"/>), null when none in the board's range is.</param>
    public static ExploreSection Build(string board, double maxClockMHz, double? clockForGoal, string network, IReadOnlyList<double> clocks, IReadOnlyList<DesignCandidate> all, IReadOnlyList<DesignCandidate> pareto)
    {
        var goal = PaperTableIv.GoalFpBpMs(board);
        return new ExploreSection
        {
            Board = board,
            Network = network,
            ClocksMHz = [.. clocks],
            Candidates = all.Count,
            Fitting = all.Count(c => c.Fits),
            Pareto = [.. pareto.Select(Candidate)],
            GoalFpbpMs = double.IsNaN(goal) ? null : goal,
            Verdict = Verdict(goal, maxClockMHz, clockForGoal, all, pareto),
            Basis = CycleModelAssumptions.Summary + " Resources: DSP and BRAM counted, LUT/FF a line fitted to Table IV.",
        };
    }

    /// <summary>Met, or why not in terms of the limits: what the fastest fitting design waits for and how far it is from it.</summary>
    private static string Verdict(double goal, double maxClockMHz, double? clockForGoal, IReadOnlyList<DesignCandidate> all, IReadOnlyList<DesignCandidate> pareto)
    {
        if (pareto.Count == 0) return "No configuration fits the board.";
        var best = pareto[0];
        var l = best.Latency.Limits;
        var f = CultureInfo.InvariantCulture;
        var limits = string.Format(f, "The board's limits for its work: compute {0:F2} ms (every DSP busy), DRAM {1:F2} ms (the port's full width every cycle).", l.ComputeMs, l.DramMs);
        if (double.IsNaN(goal))
            return string.Format(f, "Fastest fitting: {0} at {1:F2} ms FP+BP, {3:F1}x the board's binding limit ({2}). ", best.Name, best.Latency.FpBpMs, l.Bound, l.FromBound) + limits;
        if (best.Latency.FpBpMs <= goal)
            return string.Format(f, "Goal met: {0} at {1:F2} ms FP+BP, goal {2:F2} ms (a third of the paper's). ", best.Name, best.Latency.FpBpMs, goal) + limits;
        return string.Format(f,
            "Goal not met: the fastest fitting configuration, {0}, is modelled at {1:F2} ms FP+BP against a goal of {2:F2} ms. " +
            "It spends {4:P0} of its cycles waiting on DRAM loops ({7}) " +
            "and most of the rest in its {6} MACs; it is {5:F1}x the board's binding limit ({3}). ", best.Name, best.Latency.FpBpMs, goal, l.Bound, best.Latency.MemoryShare, l.FromBound, best.Resources.Dsp,
            (best.PackDenseWeights
                ? $"the dense weights arrive {best.DenseWeightBeat} per beat, every other port moves one 16-bit element per beat"
                : "hls-lib's ports move one 16-bit element per beat")
            + (best.DoubleBuffer
                ? "; the conv engine's loads overlap its core, the dense engine's loads and every store do not"
                : ", and this configuration does not overlap loads with compute"))
            + limits + (l.BindingMs < goal ? " Both limits are below the goal: the board's compute and DRAM limits are not what stops it. " : " The goal is below a limit of the board: no design reaches it at this clock. ")
            + GoalGap.Of(best, all, goal)
            + ClockForGoal(best, maxClockMHz, clockForGoal);
    }

    /// <summary>The clock at which <paramref name="best"/> would be modelled at the goal, against the board's PL clock range.</summary>
    private static string ClockForGoal(DesignCandidate best, double maxClockMHz, double? clockForGoal) => clockForGoal is double mhz
        ? string.Format(CultureInfo.InvariantCulture,
            " {0} would meet it at {1:F0} MHz, within the board's PL clock range (modelled with the DDR round trip in that clock's cycles); whether the design closes timing there only Vivado can say.", best.Configuration, mhz)
        : string.Format(CultureInfo.InvariantCulture,
            " {0} would not meet it even at the {1:0.#} MHz the board's PS can clock the PL at (modelled with the DDR round trip in that clock's cycles).", best.Configuration, maxClockMHz);

    private static ExploreCandidate Candidate(DesignCandidate c) => new()
    {
        Name = c.Name,
        ConvParallelism = c.ConvParallelism,
        FcTile = c.FcTile,
        DoubleBuffer = c.DoubleBuffer,
        DenseWeightBeat = c.DenseWeightBeat,
        PassSums = c.PassSums?.ToString(),
        ClockMHz = c.ClockMHz,
        FpMs = c.Latency.FpMs,
        FpbpMs = c.Latency.FpBpMs,
        Dsp = c.Resources.Dsp,
        Bram18k = c.Resources.Bram18K,
        Lut = c.Resources.Lut,
        Ff = c.Resources.Ff,
        Bound = c.Latency.Limits.Bound,
        MacLoopsMs = c.MacLoopsMs,
        ComputeLimitMs = c.Latency.Limits.ComputeMs,
        DramLimitMs = c.Latency.Limits.DramMs,
        FromBound = c.Latency.Limits.FromBound,
    };

    /// <summary>explore.csv: every candidate, fastest first; <c>fits</c> and <c>pareto</c> as 0/1.</summary>
    public static string Csv(IReadOnlyList<DesignCandidate> all, IReadOnlyList<DesignCandidate> pareto)
    {
        var s = new StringBuilder("name,conv_parallelism,fc_tile,double_buffer,dense_weight_beat,clock_mhz,fp_ms,fpbp_ms,dsp,bram18k,lut,ff,fits,pareto,bound,compute_limit_ms,dram_limit_ms,from_bound,overflows,pass_sums,mac_loops_ms\n");
        foreach (var c in all)
        {
            var l = c.Latency.Limits;
            s.Append(string.Create(CultureInfo.InvariantCulture,
                $"{c.Name},{c.ConvParallelism},{c.FcTile},{(c.DoubleBuffer ? 1 : 0)},{c.DenseWeightBeat},{c.ClockMHz:0.###},{c.Latency.FpMs:F3},{c.Latency.FpBpMs:F3},{c.Resources.Dsp},{c.Resources.Bram18K},{c.Resources.Lut},{c.Resources.Ff},{(c.Fits ? 1 : 0)},{(pareto.Contains(c) ? 1 : 0)},{l.Bound},{l.ComputeMs:F3},{l.DramMs:F3},{l.FromBound:F2},\"{string.Join("; ", c.Overflows)}\",{c.PassSums},{c.MacLoopsMs:F3}"));
            s.Append('\n');
        }

        return s.ToString();
    }
}
