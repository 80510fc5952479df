using System.Globalization;
using Xai.Boards;
using Xai.DesignSpace;
using Xai.FpgaLatency;
using Xai.FpgaResources;
using Xai.Onnx;
using Xai.Planning;
using Xunit.Abstractions;

namespace Xai.Core.Tests.DesignSpace;

/// <summary>
/// The exploration on the paper's Table III network: the Pareto set is the fitting, undominated
/// candidates; the latency model's figures for Table IV's configurations against the paper's; and
/// the limits of point 3 against hand-computed values.
/// </summary>
public sealed class DesignSpaceExplorerTests(ITestOutputHelper output)
{
    private static readonly Lazy<IReadOnlyList<HardwareLayer>> Table3 = new(() =>
    {
        var model = Path.Combine(RepositoryLayout.Root, "samples", "table3", "table3.onnx");
        return HardwareLayerMapper.Map(new OnnxModelImporter().Import(model), model);
    });

    private static Board BoardOf(string id) =>
        BoardCatalog.Load(RepositoryLayout.Boards).TryGet(id, out var board) ? board : throw new ArgumentException(id);

    private static IReadOnlyList<DesignCandidate> Explore(string board) =>
        DesignSpaceExplorer.Enumerate(Table3.Value, 3 * 32 * 32, 10, BoardOf(board), [100]);

    [Fact]
    public void Each_candidate_counts_the_largest_methods_own_buffers_as_the_fit_check_does()
    {
        var settings = new Xai.Attribution.ExplanationSettings(32, 16, 0.15);
        var methods = new[] { Xai.Attribution.AttributionMethod.Saliency, Xai.Attribution.AttributionMethod.IntegratedGradients, Xai.Attribution.AttributionMethod.SmoothGrad }
            .Select(m => Xai.Attribution.ExplanationSchedule.For(m, settings)).ToList();
        var plain = Explore("pynq-z2");
        var withMethods = DesignSpaceExplorer.Enumerate(Table3.Value, 3 * 32 * 32, 10, BoardOf("pynq-z2"), [100], methods: methods);
        Assert.Equal(plain.Select(c => c.Name).Order(), withMethods.Select(c => c.Name).Order());
        foreach (var c in withMethods)
        {
            var engines = plain.Single(p => p.Name == c.Name && p.ClockMHz == c.ClockMHz).Resources.Bram18K;
            var own = ResourceModel.ExplanationBram18K(methods[1], 3 * 32 * 32, c.Shape.AccumulatorBits);
            Assert.True(own > 0);
            Assert.Equal(engines + (int)own, c.Resources.Bram18K);
        }
    }

    [Fact]
    public void Auto_places_each_candidates_pass_sums_as_its_own_build_would()
    {
        var settings = new Xai.Attribution.ExplanationSettings(32, 16, 0.15);
        var methods = new[] { Xai.Attribution.AttributionMethod.Saliency, Xai.Attribution.AttributionMethod.IntegratedGradients }
            .Select(m => Xai.Attribution.ExplanationSchedule.For(m, settings)).ToList();
        // An Ultra96-V2 whose BRAM holds the 4x8 fc16 engines with IG's buffers off chip but not on chip.
        var board = BoardOf("ultra96-v2");
        var shape = Explore("ultra96-v2").Single(c => c.Name == "4x8-fc16-100mhz").Shape;
        var offChip = ResourceModel.ExplanationBram18K(methods[1] with { SumsOffChip = true }, 3 * 32 * 32, shape.AccumulatorBits);
        board = board with { Resources = board.Resources with { Bram18K = ResourceModel.Estimate(shape).Bram18K + (int)offChip } };
        IReadOnlyList<DesignCandidate> Candidates(Xai.Attribution.PassSumsPlacement requested) =>
            DesignSpaceExplorer.Enumerate(Table3.Value, 3 * 32 * 32, 10, board, [100], methods: methods, passSums: requested);

        var auto = Candidates(Xai.Attribution.PassSumsPlacement.Auto).Single(c => c.Name == "4x8-fc16-100mhz");
        Assert.Equal(Xai.Attribution.PassSumsPlacement.OffChip, auto.PassSums);
        Assert.True(auto.Fits, string.Join("; ", auto.Overflows));
        var onChip = Candidates(Xai.Attribution.PassSumsPlacement.OnChip).Single(c => c.Name == "4x8-fc16-100mhz");
        Assert.Equal(Xai.Attribution.PassSumsPlacement.OnChip, onChip.PassSums);
        Assert.False(onChip.Fits);
        // A small array fits either way: Auto keeps the sums on chip there; without a multi-pass method there is nothing to place.
        Assert.Equal(Xai.Attribution.PassSumsPlacement.OnChip, Candidates(Xai.Attribution.PassSumsPlacement.Auto).Single(c => c.Name == "2x2-fc16-100mhz").PassSums);
        Assert.Null(Explore("ultra96-v2").Single(c => c.Name == "4x8-fc16-100mhz").PassSums);
        var csv = ExploreDocument.Csv([auto], []).Split('\n');
        Assert.EndsWith(",overflows,pass_sums,mac_loops_ms", csv[0]);
        Assert.EndsWith(FormattableString.Invariant($"\",OffChip,{auto.MacLoopsMs:F3}"), csv[1]);
    }

    [Theory]
    [InlineData("pynq-z2")]
    [InlineData("ultra96-v2")]
    [InlineData("zcu104")]
    public void The_Pareto_set_holds_exactly_the_fitting_candidates_nothing_dominates(string board)
    {
        var all = Explore(board);
        // serial and double-buffered, dense weights one per cycle and packed (Table III's fc1 and fc2 take any beat)
        Assert.Equal(EngineChoices.Unrolls.Count * EngineChoices.Unrolls.Count * EngineChoices.FcTiles.Count * 2 * 2, all.Count);
        var beat = BoardOf(board).ProcessingSystem.SlavePortDataWidth / 16;
        Assert.Equal([1, beat], all.Select(c => c.DenseWeightBeat).Distinct().Order());
        // Packing is faster wherever there is a dense layer (every configuration here), and costs one more AXI master.
        Assert.All(all.Where(c => c.PackDenseWeights), c =>
        {
            var plain = Assert.Single(all, o => o.Name == c.Name.Replace("-pw", ""));
            Assert.True(c.Latency.FpBpMs < plain.Latency.FpBpMs, c.Name);
            Assert.Equal((plain.Resources.Bram18K + 8, plain.Resources.Ff + 613, plain.Resources.Lut + 787, plain.Resources.Dsp),
                (c.Resources.Bram18K, c.Resources.Ff, c.Resources.Lut, c.Resources.Dsp));
        });
        var pareto = DesignSpaceExplorer.ParetoSet(all);
        Assert.NotEmpty(pareto);
        Assert.All(pareto, c => Assert.True(c.Fits, c.Name));
        Assert.All(pareto, c => Assert.DoesNotContain(all, o => o.Fits && o.Dominates(c)));
        Assert.All(all.Where(c => c.Fits && !pareto.Contains(c)), c => Assert.True(
            pareto.Any(p => p.Dominates(c) || (p.Latency.FpBpMs == c.Latency.FpBpMs && p.Resources.Lut == c.Resources.Lut)), c.Name));
        Assert.Equal(all.Where(c => c.Fits).Min(c => c.Latency.FpBpMs), pareto[0].Latency.FpBpMs);
        Assert.True(pareto.Zip(pareto.Skip(1)).All(p => p.First.Latency.FpBpMs < p.Second.Latency.FpBpMs && p.First.Resources.Lut > p.Second.Resources.Lut),
            "along the set, faster costs LUTs");
        foreach (var c in pareto)
        {
            output.WriteLine(FormattableString.Invariant($"{board} {c.Name}: FP {c.Latency.FpMs:F2} ms, FP+BP {c.Latency.FpBpMs:F2} ms, {c.Resources.Dsp} DSP, {c.Resources.Bram18K} BRAM, {c.Resources.Lut} LUT, {c.Latency.Limits.Bound} x{c.Latency.Limits.FromBound:F1}"));
        }
    }

    [Theory]
    [InlineData("pynq-z2")]
    [InlineData("ultra96-v2")]
    [InlineData("zcu104")]
    public void The_clock_to_meet_the_goal_asks_the_model_again_at_each_clock(string board)
    {
        var b = BoardOf(board);
        var best = DesignSpaceExplorer.ParetoSet(Explore(board))[0];
        var goal = PaperTableIv.GoalFpBpMs(board);
        Assert.True(best.Latency.FpBpMs > goal, "at 100 MHz no board meets the goal (BENCHMARKS.md)");
        var mhz = DesignSpaceExplorer.ClockToMeet(Table3.Value, 3072, 10, b, best, goal);
        LatencyEstimate At(double f) => LatencyModel.Estimate(Table3.Value, best.Shape, 3072, 10, f, b.Resources.Dsp, b.ProcessingSystem.SlavePortDataWidth);
        if (mhz is null)
        {
            // The Pynq-Z2's fastest fitting design (unpacked: the packed one overflows its LUTs) misses it even at the PS's top clock.
            Assert.Equal("pynq-z2", board);
            Assert.True(At(b.PlClock.MaxMHz).FpBpMs > goal);
            output.WriteLine(FormattableString.Invariant($"{board} {best.Name}: {best.Latency.FpBpMs:F2} ms at 100 MHz; goal {goal:F2} ms not met up to {b.PlClock.MaxMHz} MHz ({At(b.PlClock.MaxMHz).FpBpMs:F2} ms)"));
            return;
        }

        Assert.True(At(mhz.Value).FpBpMs <= goal);
        Assert.All(Enumerable.Range((int)b.PlClock.MinMHz, (int)mhz.Value - (int)b.PlClock.MinMHz), f => Assert.True(At(f).FpBpMs > goal, $"{f} MHz"));
        // Not the 100 MHz cycles over the goal: the round trips cost more cycles there, so the clock is higher.
        Assert.True(mhz.Value > Math.Ceiling(best.Latency.ForwardBackwardCycles / (goal * 1000.0)));
        Assert.True(At(mhz.Value).ForwardBackwardCycles > best.Latency.ForwardBackwardCycles);
        output.WriteLine(FormattableString.Invariant($"{board} {best.Name}: {best.Latency.FpBpMs:F2} ms at 100 MHz; goal {goal:F2} ms from {mhz} MHz ({At(mhz.Value).FpBpMs:F2} ms)"));
        // A goal below what the board's top clock gives: none.
        Assert.Null(DesignSpaceExplorer.ClockToMeet(Table3.Value, 3072, 10, b, best, At(b.PlClock.MaxMHz).FpBpMs * 0.99));
    }

    [Theory]
    [InlineData("pynq-z2", false, "4x8-fc16-db")]
    [InlineData("ultra96-v2", false, "8x8-fc16-db")]
    [InlineData("zcu104", true, null)]
    public void The_goal_gap_says_whether_anything_that_fits_could_reach_the_goal(string board, bool floorUnderGoal, string? needed)
    {
        var all = Explore(board);
        var best = DesignSpaceExplorer.ParetoSet(all)[0];
        var goal = PaperTableIv.GoalFpBpMs(board);
        var gap = GoalGap.Of(best, all, goal);
        output.WriteLine($"{board}: {gap}");
        // The floor is the core loops' cycles, and those are at least every layer's MACs over its engine's lanes.
        var m = best.Latency;
        Assert.Equal((m.Forward.Compute + m.Backward.Compute) / 100e3, best.MacLoopsMs, 9);
        var lanesFloor = m.Layers.Sum(l => (double)l.Forward.Macs / Math.Max(1, l.Forward.Lanes) + (double)l.Backward.Macs / Math.Max(1, l.Backward.Lanes));
        Assert.True(m.Forward.Compute + m.Backward.Compute >= lanesFloor * 0.999, $"{m.Forward.Compute + m.Backward.Compute} < {lanesFloor}");
        Assert.InRange(gap.ExposedMemoryMs, 0, gap.RestMs);
        Assert.All(all.Where(c => c.Fits), c => Assert.True(c.MacLoopsMs >= gap.FittingFloor.MacLoopsMs, c.Name));
        Assert.Equal(floorUnderGoal, gap.FloorUnderGoal);
        var verdict = ExploreDocument.Build(board, BoardOf(board).PlClock.MaxMHz, null, "table3", [100], all, DesignSpaceExplorer.ParetoSet(all)).Verdict;
        Assert.Contains(gap.ToString(), verdict);
        if (floorUnderGoal)
        {
            Assert.Null(gap.Needed);
            // What packing and overlap would have to hide: the time over the goal.
            Assert.Contains(FormattableString.Invariant($"would have to hide {m.FpBpMs - goal:F2} ms"), verdict);
            return;
        }

        // No fitting configuration's MAC loops are under the goal; the one named is, costs the fewest LUTs of those that are,
        // has the shortest MAC loops of that cost, and overflows.
        var n = Assert.IsType<DesignCandidate>(gap.Needed);
        Assert.Equal(needed, n.Configuration);
        Assert.True(n.MacLoopsMs <= goal);
        Assert.False(n.Fits);
        var under = all.Where(c => c.MacLoopsMs <= goal).ToList();
        Assert.Equal(under.Min(c => c.Resources.Lut), n.Resources.Lut);
        Assert.Equal(under.Where(c => c.Resources.Lut == n.Resources.Lut).Min(c => c.MacLoopsMs), n.MacLoopsMs);
        Assert.Contains(n.Overflows[0].ToString(), verdict);
        Assert.Contains("nothing that fits by the resource model reaches the goal at this clock", verdict);
    }

    [Fact]
    public void The_goal_gap_names_a_fitting_configuration_whose_MAC_loops_are_under_the_goal_and_stays_at_the_best_ones_clock()
    {
        // The slowest fitting candidate as 'best', and a goal between its MAC loops and the shortest that fit.
        var all = DesignSpaceExplorer.Enumerate(Table3.Value, 3 * 32 * 32, 10, BoardOf("zcu104"), [100, 200]);
        var slow = all.Where(c => c.Fits && c.ClockMHz == 100).MaxBy(c => c.MacLoopsMs)!;
        var shortest = all.Where(c => c.Fits && c.ClockMHz == 100).MinBy(c => c.MacLoopsMs)!;
        var goal = (slow.MacLoopsMs + shortest.MacLoopsMs) / 2;
        var gap = GoalGap.Of(slow, all, goal);
        Assert.True(gap.FloorUnderGoal);
        Assert.Equal(100, gap.FittingFloor.ClockMHz);
        Assert.Equal(shortest.MacLoopsMs, gap.FittingFloor.MacLoopsMs);
        Assert.Null(gap.Needed);
        Assert.Contains(FormattableString.Invariant($"{gap.FittingFloor.Configuration} fits and its MAC loops take {shortest.MacLoopsMs:F2} ms"), gap.ToString());
        Assert.Contains(FormattableString.Invariant($"{gap.FittingFloor.Latency.FpBpMs:F2} ms FP+BP"), gap.ToString());

        // MAC loops under the goal but a board limit over it (a DRAM-heavy network's case): no "would have to hide".
        var dramBound = slow with { Latency = slow.Latency with { Limits = slow.Latency.Limits with { DramMs = slow.MacLoopsMs * 2, Bound = "dram" } } };
        var over = GoalGap.Of(dramBound, all, slow.MacLoopsMs * 1.5).ToString();
        Assert.Contains(FormattableString.Invariant($"the board's dram limit for its work ({slow.MacLoopsMs * 2:F2} ms) is over it"), over);
        Assert.DoesNotContain("would have to hide", over);

        // At 200 MHz every time halves or more; a goal under every fitting candidate's MAC loops there names one of 200 MHz.
        var fast = all.Where(c => c.Fits && c.ClockMHz == 200).MinBy(c => c.Latency.FpBpMs)!;
        var tight = all.Where(c => c.Fits && c.ClockMHz == 200).Min(c => c.MacLoopsMs) * 0.9;
        var at200 = GoalGap.Of(fast, all, tight);
        Assert.False(at200.FloorUnderGoal);
        Assert.Equal(200, at200.FittingFloor.ClockMHz);
        Assert.True(at200.Needed is null || at200.Needed.ClockMHz == 200);
    }

    [Fact]
    public void The_limits_are_the_boards_DSPs_and_port_width_at_the_clock()
    {
        var zcu = BoardOf("zcu104");
        var layers = Table3.Value;
        var shape = EngineShape.For(layers, 8, 8, 16, 16, 16, 16, 32);
        var at100 = LatencyModel.Estimate(layers, shape, 3072, 10, 100, zcu.Resources.Dsp, zcu.ProcessingSystem.SlavePortDataWidth);
        var at200 = LatencyModel.Estimate(layers, shape, 3072, 10, 200, zcu.Resources.Dsp, zcu.ProcessingSystem.SlavePortDataWidth);
        var macs = 2 * layers.Sum(l => l.ForwardMacs);
        Assert.Equal(macs, at100.Forward.Macs + at100.Backward.Macs);
        Assert.Equal(macs / 1728.0 / 100e3, at100.Limits.ComputeMs, 9);
        var bytes = 2.0 * (at100.Forward.DramElements + at100.Backward.DramElements);
        Assert.Equal(bytes / 16 / 100e3, at100.Limits.DramMs, 9);
        Assert.Equal(at100.Limits.ComputeMs / 2, at200.Limits.ComputeMs, 9);
        // Twice the clock halves every cycle's time, but the DDR round trip stays 300 ns: 30 cycles more per
        // latency paid, once per DRAM loop and once more for each loop that both reads and writes (FP's two
        // copies, BP's relevance copy).
        Assert.Equal((60, 60), (DramTiming.At(200).ReadLatency, DramTiming.At(200).WriteLatency));
        Assert.Equal(DramTiming.AsWritten, DramTiming.At(100));
        var loops = at100.Forward.DramLoops + at100.Backward.DramLoops;
        Assert.Equal(at100.ForwardBackwardCycles + 30 * (loops + 3), at200.ForwardBackwardCycles);
        Assert.True(at200.FpBpMs > at100.FpBpMs / 2);
        // Every weight is read at least once per pass, so the DRAM limit is at least that.
        Assert.True(bytes >= 2.0 * 2 * layers.Sum(l => l.ParameterCount) * 0.99);
    }

    [Theory]
    [InlineData("pynq-z2")]
    [InlineData("ultra96-v2")]
    [InlineData("zcu104")]
    public void The_model_is_printed_beside_Table_IV(string board)
    {
        var row = PaperTableIv.For(board)!;
        var layers = Table3.Value;
        var b = BoardOf(board);
        var m = LatencyModel.Estimate(layers, EngineShape.For(layers, row.NOh, row.NOw, DesignPlanner.ConvTile(row.NOh), DesignPlanner.ConvTile(row.NOw), 16, 16, row.FcTile), 3072, 10, row.ClockMHz, b.Resources.Dsp, b.ProcessingSystem.SlavePortDataWidth);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{board} {row.NOh}x{row.NOw} fc{row.FcTile}: FP {m.FpMs:F2} ms vs {row.FpMs} ({m.FpMs / row.FpMs - 1:+0%;-0%}), FP+BP {m.FpBpMs:F2} vs {row.FpBpMs} ({m.FpBpMs / row.FpBpMs - 1:+0%;-0%}); limits compute {m.Limits.ComputeMs:F2} ms, DRAM {m.Limits.DramMs:F2} ms; {m.Limits.Bound}-bound"));
        // The model's own consistency: the passes add up to the layers plus network_run's copies.
        Assert.Equal(m.Layers.Sum(l => l.Forward.Total + l.Backward.Total), m.ForwardBackwardCycles
            - EngineCycleModel.NetworkIo(layers.Count, 3072, 10, false).Total - EngineCycleModel.NetworkIo(layers.Count, 3072, 10, true).Total);
        Assert.True(m.FpBpMs > m.FpMs);
    }
}
