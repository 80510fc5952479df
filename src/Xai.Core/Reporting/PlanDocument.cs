using Newtonsoft.Json.Linq;
using Xai.Planning;

namespace Xai.Reporting;

/// <summary>plan.json: the plan as a person reads it (and the report embeds).</summary>
public static class PlanDocument
{
    public static JObject Build(DesignPlan plan)
    {
        var memory = new JObject();
        foreach (var method in plan.Methods)
        {
            var m = MemoryAccounting.For(plan.Layers, method);
            memory[method.ToString()] = new JObject
            {
                ["poolIndexBits"] = m.PoolIndexBits,
                ["reluMaskBits"] = m.ReluMaskBits,
                ["designBits"] = m.DesignBits,
                ["fullMaskBits"] = m.FullMaskBits,
            };
        }

        memory["autogradBits"] = MemoryAccounting.AutogradElements(plan.Layers) * DesignPlanner.DatapathBits;

        var idealCycles = plan.Layers.Sum(l => l switch
        {
            ConvBlockLayer c => CeilDiv(c.Conv.OutputShape.Height, plan.ConvParallelismH) * CeilDiv(c.Conv.OutputShape.Width, plan.ConvParallelismW)
                                * (long)c.Conv.InChannels * c.Conv.OutChannels * c.Conv.KernelSize * c.Conv.KernelSize,
            DenseBlockLayer d => CeilDiv(d.Dense.InFeatures, plan.FcTile) * (long)d.Dense.OutFeatures,
            _ => 0,
        });

        return new JObject
        {
            ["network"] = plan.NetworkName,
            ["model"] = plan.ModelFileName,
            ["board"] = plan.Board,
            ["part"] = plan.Part,
            ["input"] = new JArray(plan.InputShape.Dimensions),
            ["classes"] = plan.Classes,
            ["parameters"] = plan.ParameterCount,
            ["methods"] = new JArray(plan.Methods.Select(m => m.ToString())),
            ["engine"] = new JObject
            {
                ["convParallelism"] = $"{plan.ConvParallelismH}x{plan.ConvParallelismW}",
                ["convTile"] = new JObject { ["h"] = plan.ConvTileH, ["w"] = plan.ConvTileW, ["ci"] = plan.ConvTileCi, ["co"] = plan.ConvTileCo },
                ["fcTile"] = plan.FcTile,
                ["clockMHz"] = plan.ClockMHz,
                ["dspEstimate"] = plan.DspEstimate,
            },
            ["numerics"] = new JObject
            {
                ["scheme"] = plan.Scheme.ToString(),
                ["planned"] = new JObject(plan.Numerics.Select(kv => new JProperty(kv.Key.ToString(), Profile(kv.Value)))),
                ["paper"] = Profile(plan.PaperNumerics),
                ["calibrationImages"] = plan.Calibration?.Images,
            },
            ["layers"] = new JArray(plan.Layers.Select((l, i) => new JObject
            {
                ["name"] = l.Name,
                ["kind"] = l is ConvBlockLayer ? "conv" : "dense",
                ["input"] = new JArray(l.InputShape.Dimensions),
                ["output"] = new JArray(l.OutputShape.Dimensions),
                ["relu"] = l.Relu,
                ["pool"] = l is ConvBlockLayer { Pool: true },
                ["kernel"] = (l as ConvBlockLayer)?.Conv.KernelSize,
                ["parameters"] = l.ParameterCount,
                ["forwardMacs"] = l.ForwardMacs,
                ["activationMax"] = plan.Calibration?.ActivationMax[i],
            })),
            ["work"] = new JObject
            {
                ["forwardMacs"] = plan.ForwardMacs,
                ["backwardMacs"] = plan.ForwardMacs,
                ["idealForwardCycles"] = idealCycles,
                ["idealForwardMs"] = idealCycles / (plan.ClockMHz * 1000.0),
                ["note"] = "Ideal: every parallel MAC busy every cycle, no memory stalls; a lower bound, not a synthesis result.",
            },
            ["memory"] = memory,
        };
    }

    private static long CeilDiv(int a, int b) => (a + b - 1) / b;

    private static JObject Profile(NumericsPlan p) => new()
    {
        ["activation"] = p.Activation.ToString(),
        ["weight"] = p.Weight.ToString(),
        ["accumulator"] = p.Accumulator.ToString(),
        ["gradient"] = p.Gradient.ToString(),
        ["gradientAccumulator"] = p.GradientAccumulator.ToString(),
        ["gradientExponents"] = new JArray(p.GradientExponents),
        ["activationExponents"] = new JArray(p.ActivationExponents),
    };
}
