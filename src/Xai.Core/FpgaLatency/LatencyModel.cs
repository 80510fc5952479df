using Xai.FpgaResources;
using Xai.Planning;

namespace Xai.FpgaLatency;

/// <summary>
/// The planner's latency model: <see cref="EngineCycleModel"/> over every layer in both passes plus
/// network_run's copies, at the design's clock, with the board's limits beside it. One set of
/// assumptions (<see cref="CycleModelAssumptions"/>) for every board; the board enters only through
/// its DSP count and slave-port width in the limits.
/// </summary>
public static class LatencyModel
{
    public static LatencyEstimate Estimate(DesignPlan plan) =>
        Estimate(plan.Layers, EngineShape.For(plan), plan.InputShape.ElementCount, plan.Classes, plan.ClockMHz, plan.BoardResources.Dsp, plan.SlavePortBits);

    public static LatencyEstimate Estimate(IReadOnlyList<HardwareLayer> layers, EngineShape engine, long inputSize, int classes, double clockMHz, int boardDsps, int slavePortBits)
    {
        // The DDR round trip is a time: at a faster clock a DRAM loop waits more cycles for it.
        var dram = DramTiming.At(clockMHz);
        var fp = EngineCycleModel.NetworkIo(layers.Count, inputSize, classes, bp: false, dram);
        var bp = EngineCycleModel.NetworkIo(layers.Count, inputSize, classes, bp: true, dram);
        var perLayer = new List<LayerLatency>(layers.Count);
        var writes = BackwardWrites.Of(layers);
        for (var k = 0; k < layers.Count; k++)
        {
            var layer = layers[k];
            var f = EngineCycleModel.Layer(layer, engine, bp: false, dram);
            var b = EngineCycleModel.Layer(layer, engine, bp: true, dram, gradAccumulate: writes.AccumulatesAt(k));
            fp.Add(f);
            bp.Add(b);
            perLayer.Add(new LayerLatency(layer.Name, Reporting.PlanDocument.KindOf(layer), f, b));
        }

        var cyclesPerMs = clockMHz * 1000.0;
        var computeMs = (fp.Macs + bp.Macs) / (double)Math.Max(boardDsps, 1) / cyclesPerMs;
        var dramMs = (fp.DramElements + bp.DramElements) * 2.0 / (slavePortBits / 8.0) / cyclesPerMs;
        var modelledMs = (fp.Total + bp.Total) / cyclesPerMs;
        // The binding limit is the larger one: no design beats it for this work on this board.
        var bound = dramMs >= computeMs ? "dram" : "compute";
        var limitMs = Math.Max(dramMs, computeMs);
        return new LatencyEstimate(clockMHz, perLayer, fp, bp, new PerformanceLimits(computeMs, dramMs, bound, modelledMs / limitMs));
    }
}
