using Xai.Attribution;
using Xai.Diagnostics;
using Xai.FpgaLatency;
using Xai.FpgaResources;
using Xai.Planning;
using Xai.Reporting.Model;

namespace Xai.Reporting;

/// <summary>plan.json: the plan as a person reads it (and report.json embeds).</summary>
public static class PlanDocument
{
    public static XaiPlan Build(DesignPlan plan)
    {
        var methods = new Dictionary<string, MethodMemory>();
        foreach (var method in plan.Methods)
        {
            var m = MemoryAccounting.For(plan.Layers, method);
            methods[method.ToString()] = new MethodMemory(m.PoolIndexBits, m.ReluMaskBits, m.DesignBits, m.FullMaskBits);
        }

        var idealCycles = plan.Layers.Sum(l => l switch
        {
            ConvBlockLayer c => CeilDiv(c.Conv.OutputShape.Height, plan.ConvParallelismH) * CeilDiv(c.Conv.OutputShape.Width, plan.ConvParallelismW)
                                * (long)c.Conv.OutChannels * c.Conv.WeightsPerOutputChannel,
            DenseBlockLayer d => CeilDiv(d.Dense.InFeatures, plan.FcTile) * (long)d.Dense.OutFeatures,
            _ => 0,
        });

        return new XaiPlan
        {
            Network = plan.NetworkName,
            Model = plan.ModelFileName,
            Board = plan.Board,
            Part = plan.Part,
            Input = [.. plan.InputShape.Dimensions],
            Classes = plan.Classes,
            Parameters = plan.ParameterCount,
            Methods = [.. plan.Methods.Select(m => m.ToString())],
            Engine = new PlanEngine
            {
                ConvParallelism = $"{plan.ConvParallelismH}x{plan.ConvParallelismW}",
                ConvTile = new ConvTile(plan.ConvTileH, plan.ConvTileW, plan.ConvTileCi, plan.ConvTileCo),
                FcTile = plan.FcTile,
                DoubleBuffer = plan.DoubleBuffer,
                DenseWeightBeat = plan.DenseWeightBeat,
                ClockMHz = plan.ClockMHz,
                DspEstimate = plan.DspEstimate,
            },
            Resources = Resources(plan),
            Latency = Latency(plan),
            Numerics = new PlanNumerics
            {
                Scheme = plan.Scheme.ToString(),
                Planned = plan.Numerics.ToDictionary(kv => kv.Key.ToString(), kv => Profile(kv.Value)),
                Paper = Profile(plan.PaperNumerics),
                CalibrationImages = plan.Calibration?.Images,
            },
            Layers = [.. plan.Layers.Select((l, i) => new PlanLayer
            {
                Name = l.Name,
                Kind = KindOf(l),
                Input = [.. l.InputShape.Dimensions],
                Output = [.. l.OutputShape.Dimensions],
                Relu = l.Relu,
                Pool = l is ConvBlockLayer { Pool: true },
                Relu6 = l.Relu6,
                InputFrom = l.InputFrom,
                ResidualFrom = (l as ConvBlockLayer)?.ResidualFrom,
                Kernel = l switch
                {
                    ConvBlockLayer c => c.Conv.KernelSize,
                    PoolBlockLayer p => p.Pool.KernelSize,
                    _ => null,
                },
                Parameters = l.ParameterCount,
                ForwardMacs = l.ForwardMacs,
                ActivationMax = plan.Calibration?.ActivationMax[i],
            })],
            Work = new PlanWork
            {
                ForwardMacs = plan.ForwardMacs,
                BackwardMacs = plan.ForwardMacs,
                IdealForwardCycles = idealCycles,
                IdealForwardMs = idealCycles / (plan.ClockMHz * 1000.0),
                Note = "Ideal: every parallel MAC busy every cycle, no memory stalls; a lower bound, not a synthesis result.",
            },
            Memory = new PlanMemory
            {
                Methods = methods,
                AutogradBits = MemoryAccounting.AutogradElements(plan.Layers) * DesignPlanner.DatapathBits,
            },
        };
    }

    /// <summary>Reads a plan.json written by this SDK.</summary>
    /// <exception cref="Diagnostics.XaiException">XAI3500 missing, XAI3503 not JSON or a key missing or mistyped.</exception>
    public static XaiPlan Read(string path) => ReportJson.Read<XaiPlan>(path, DiagnosticCatalog.PlanJsonUnreadable, "plan.json");

    public static string Serialize(XaiPlan plan) => ReportJson.Serialize(plan);

    private static long CeilDiv(int a, int b) => (a + b - 1) / b;

    /// <summary>The unit that runs a block, as plan.json and the latency table name it.</summary>
    public static string KindOf(HardwareLayer layer) => layer switch
    {
        ConvBlockLayer => "conv",
        PoolBlockLayer => "pool",
        _ => "dense",
    };

    private static FormatProfile Profile(NumericsPlan p) => new()
    {
        Activation = p.Activation.ToString(),
        Weight = p.Weight.ToString(),
        Accumulator = p.Accumulator.ToString(),
        Gradient = p.Gradient.ToString(),
        GradientAccumulator = p.GradientAccumulator.ToString(),
        GradientExponents = [.. p.GradientExponents],
        ActivationExponents = [.. p.ActivationExponents],
        WeightExponents = [.. p.WeightExponents],
    };

    private static PlanResources Resources(DesignPlan plan)
    {
        // What the fit check (XAI1110) counts: the engines and the largest of the methods' own buffers (each bitstream
        // holds one method's top), and the sums port's AXI master when the multi-pass sums are in DRAM.
        var schedules = plan.Methods.Select(plan.ScheduleOf).ToList();
        var shape = EngineShape.For(plan);
        var e = ResourceModel.Estimate(shape, schedules, plan.InputShape.ElementCount);
        var methods = ResourceModel.LargestExplanationBram18K(schedules, plan.InputShape.ElementCount, shape.AccumulatorBits);
        var sumsPort = schedules.Any(s => s.SumsOffChip);
        var port = sumsPort ? $", plus {ResourceModel.SumsPort.Lut} for the sums port's AXI master (a 128-bit adapter in a real csynth report: an upper bound)" : "";
        var portFf = sumsPort ? $", plus {ResourceModel.SumsPort.Ff} for the sums port's AXI master" : "";
        var b = plan.BoardResources;
        var lut = ResourceModel.LutFit;
        var ff = ResourceModel.FfFit;
        return new PlanResources
        {
            Dsp = new ResourceFigure { Estimate = e.Dsp, Available = b.Dsp, Basis = "one DSP slice per MAC of the two engines (conv n_oh x n_ow, dense tile)" },
            Bram18k = new ResourceFigure { Estimate = e.Bram18K, Available = b.Bram18K, Basis = "the top's buffers and stores mapped to 18 Kib blocks (banked input and accumulators, weight tile, biases, pool indices, masks)" + (methods > 0 ? $", plus {methods} for the largest of the methods' own buffers (latency.methods[].bram18k)" : "") },
            Uram = new ResourceFigure { Estimate = e.Uram, Available = b.Uram, Basis = "no memory is bound to UltraRAM" },
            Lut = new ResourceFigure { Estimate = e.Lut, Available = b.Luts, Basis = $"line in the MAC count fitted to the paper's Table IV FP+BP LUTs (error {Errors(lut)}){port}" },
            Ff = new ResourceFigure { Estimate = e.Ff, Available = b.FlipFlops, Basis = $"line in the MAC count fitted to the paper's Table IV FP+BP FFs (error {Errors(ff)}){portFf}" },
        };
    }

    private static PlanLatency Latency(DesignPlan plan)
    {
        var m = LatencyModel.Estimate(plan);
        var paper = PaperTableIv.For(plan.Board);
        return new PlanLatency
        {
            ClockMHz = plan.ClockMHz,
            FpMs = m.FpMs,
            FpbpMs = m.FpBpMs,
            FpCycles = m.Forward.Total,
            BpCycles = m.Backward.Total,
            MemoryShare = m.MemoryShare,
            Bound = m.Limits.Bound,
            Limit = new LatencyLimit { ComputeMs = m.Limits.ComputeMs, DramMs = m.Limits.DramMs, FromBound = m.Limits.FromBound },
            Layers = [.. m.Layers.Select(l => new LayerLatencyFigure
            {
                Name = l.Name,
                Kind = l.Kind,
                FpCycles = l.Forward.Total,
                BpCycles = l.Backward.Total,
                MemoryShare = Share(l.Forward.ExposedMemory + l.Backward.ExposedMemory, l.Forward.Total + l.Backward.Total),
                MacUtilisation = Share(l.Forward.Macs + l.Backward.Macs, l.Forward.Lanes * (l.Forward.Total + l.Backward.Total)),
            })],
            Methods = [.. plan.Methods.Select(method =>
            {
                var s = plan.ScheduleOf(method);
                return new MethodCost
                {
                    Method = method.ToString(),
                    ForwardPasses = s.ForwardPasses,
                    BackwardPasses = s.BackwardPasses,
                    Ms = Math.Round(MethodLatency.Ms(plan, s, m), 4),
                    Bram18k = (int)ResourceModel.ExplanationBram18K(s, plan.InputShape.ElementCount, EngineShape.For(plan).AccumulatorBits),
                    PassSums = s.MultiPass ? (s.SumsOffChip ? PassSumsPlacement.OffChip : PassSumsPlacement.OnChip).ToString() : null,
                };
            })],
            Paper = paper is null ? null : new PaperLatency
            {
                ConvParallelism = $"{paper.NOh}x{paper.NOw}",
                FcTile = paper.FcTile,
                FpMs = paper.FpMs,
                FpbpMs = paper.FpBpMs,
                GoalFpbpMs = PaperTableIv.GoalFpBpMs(plan.Board),
            },
            Basis = CycleModelAssumptions.Summary,
        };
    }

    private static double Share(long part, long whole) => whole == 0 ? 0 : (double)part / whole;

    private static string Errors(LinearFit fit) =>
        string.Join(" / ", fit.RelativeErrors.Select(r => r.ToString("+0.0%;-0.0%", System.Globalization.CultureInfo.InvariantCulture)));

}
