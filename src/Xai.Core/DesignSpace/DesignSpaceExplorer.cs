using Xai.Boards;
using Xai.FpgaLatency;
using Xai.FpgaResources;
using Xai.Planning;

namespace Xai.DesignSpace;

/// <summary>
/// Design-space exploration (issue 10, point 4): every engine configuration the SDK accepts
/// (<see cref="EngineChoices"/>), serial and double-buffered, with the dense weights read one per cycle and packed
/// (<c>XaiPackDenseWeights</c>, where the network allows a beat above 1), at each clock asked for, judged by the resource model (fits or not)
/// and the latency model (FP+BP ms), and the Pareto set of the fitting ones over FP+BP latency and
/// LUTs. Everything is modelled; nothing here runs a vendor tool.
/// </summary>
/// <remarks>
/// Dimensions hls-lib does not build are not enumerated: apart from the dense engine's packed weight
/// port, its ports move one 16-bit element per beat, so their width is not a choice yet.
/// Tiles follow the unroll (<see cref="DesignPlanner.ConvTile"/>), as the planner sets them.
/// </remarks>
public static class DesignSpaceExplorer
{
    /// <param name="methods">
    /// The build's methods: the largest of their own buffers (<see cref="ResourceModel.ExplanationBram18K"/>) is added to
    /// every candidate's BRAM, as the fit check at Generate adds it; null or empty for the engines alone.
    /// </param>
    /// <param name="passSums">
    /// The project's XaiPassSums: where the multi-pass methods keep their pass input and sums, resolved per candidate
    /// (<see cref="PassSumsChoice"/>: Auto puts them off chip where only that fits), as the candidate's own build would.
    /// </param>
    public static IReadOnlyList<DesignCandidate> Enumerate(IReadOnlyList<HardwareLayer> layers, long inputSize, int classes, Board board, IReadOnlyList<double> clocksMHz, int tileCi = 16, int tileCo = 16,
        IReadOnlyList<Attribution.ExplanationSchedule>? methods = null, Attribution.PassSumsPlacement passSums = Attribution.PassSumsPlacement.OnChip)
    {
        var onChip = PassSumsChoice.Placed(methods ?? [], Attribution.PassSumsPlacement.OnChip);
        var multiPass = onChip.Any(m => m.MultiPass);
        var list = new List<DesignCandidate>();
        foreach (var clock in clocksMHz)
        {
            foreach (var shape in EngineChoices.Shapes(layers, tileCi, tileCo).SelectMany(s => new[] { s, s with { DoubleBuffer = true } }))
            {
                var beat = DenseWeightBeat.For(layers, board.ProcessingSystem.SlavePortDataWidth, shape.FcTile);
                foreach (var packed in beat > 1 ? new[] { shape, shape with { DenseWeightBeat = beat } } : new[] { shape })
                {
                    var placement = PassSumsChoice.Resolve(passSums, packed, onChip, inputSize, board.Resources);
                    var resources = ResourceModel.Estimate(packed, PassSumsChoice.Placed(onChip, placement), inputSize);
                    var latency = LatencyModel.Estimate(layers, packed, inputSize, classes, clock, board.Resources.Dsp, board.ProcessingSystem.SlavePortDataWidth);
                    list.Add(new DesignCandidate(packed, clock, resources, latency, ResourceFit.Overflows(resources, board.Resources))
                    {
                        PassSums = multiPass ? placement : null,
                    });
                }
            }
        }

        return [.. list.OrderBy(c => c.Latency.FpBpMs).ThenBy(c => c.Resources.Lut).ThenBy(c => c.Name, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The lowest whole clock in MHz, within the board's PL clock range, at which <paramref name="candidate"/>'s engines
    /// are modelled at <paramref name="goalMs"/> FP+BP or less, or null when none is. Not its cycles over the goal: the
    /// DDR round trip takes more cycles at a faster clock (<see cref="DramTiming.At"/>), so the model is asked again
    /// at each clock, upwards from the range's bottom. A scan, not a bisection: the round trip's cycles round up, so
    /// the modelled time can rise by a hair from one MHz to the next (at most a few hundred questions, milliseconds).
    /// </summary>
    public static double? ClockToMeet(IReadOnlyList<HardwareLayer> layers, long inputSize, int classes, Board board, DesignCandidate candidate, double goalMs)
    {
        double Ms(double mhz) => LatencyModel.Estimate(layers, candidate.Shape, inputSize, classes, mhz, board.Resources.Dsp, board.ProcessingSystem.SlavePortDataWidth).FpBpMs;
        int lo = (int)Math.Ceiling(board.PlClock.MinMHz), hi = (int)Math.Floor(board.PlClock.MaxMHz);
        for (var mhz = lo; mhz <= hi; mhz++)
        {
            if (Ms(mhz) <= goalMs) return mhz;
        }

        return null;
    }

    /// <summary>The fitting candidates no other fitting candidate dominates, fastest first.</summary>
    public static IReadOnlyList<DesignCandidate> ParetoSet(IEnumerable<DesignCandidate> candidates)
    {
        var fitting = candidates.Where(c => c.Fits).ToList();
        return [.. fitting
            .Where(c => !fitting.Any(o => o.Dominates(c)))
            .GroupBy(c => (c.Latency.FpBpMs, c.Resources.Lut)).Select(g => g.OrderBy(c => c.Resources.Dsp).ThenBy(c => c.Name, StringComparer.Ordinal).First())
            .OrderBy(c => c.Latency.FpBpMs).ThenBy(c => c.Resources.Lut)];
    }
}
