using Newtonsoft.Json.Linq;
using Xai.Attribution;
using Xai.CodeGeneration;
using Xai.Diagnostics;
using Xai.FpgaResources;
using Xai.IO;
using Xai.Planning;
using Xai.Projects;
using Xai.Simulation;

namespace Xai.Stages;

/// <summary>
/// Stage "Generate": imports the model, maps it onto blocks and writes what depends only on the
/// network and the engine configuration: xai_network.h, the float weight image, a model summary and
/// the plan before calibration, which Calibrate and Plan load instead of importing the model again.
/// </summary>
public static class GenerateStage
{
    /// <param name="inform">Receives what the user should know but need not act on (a dropped output Softmax).</param>
    public static DesignPlan Run(ProjectSettings settings, BuildLayout layout, Action<string>? inform = null)
    {
        // Equalization serves the per-tensor formats; a paper-faithful build runs the model's own weights
        // in the paper's one format (its comparison column in a per-tensor build runs the equalized ones).
        var model = LoadedModel.Load(settings.ModelPath, equalize: settings.Numerics != NumericsScheme.PaperFaithful);
        if (model.Network.DroppedOutputActivation is { } dropped)
        {
            inform?.Invoke($"{Path.GetFileName(settings.ModelPath)} ends in {dropped}: not built; the network ends in the logits before it, and the explanations are of the logits (as attribution libraries compute them).");
        }

        if (model.Network.FoldedAveragePool is { } folded)
        {
            inform?.Invoke($"{Path.GetFileName(settings.ModelPath)}: {folded}. The mean over a map followed by a dense layer is one dense layer over the map; its BP spreads the gradient evenly, as the pool's does.");
        }

        if (model.Network.AveragePoolsAsConvolutions is { } pools)
        {
            inform?.Invoke($"{Path.GetFileName(settings.ModelPath)}: {pools}. An average pool is a depthwise convolution with equal weights; its BP spreads the gradient evenly over each window, as the pool's does.");
        }

        var unitPools = model.Layers.OfType<PoolBlockLayer>().ToList();
        if (unitPools.Count > 0)
        {
            inform?.Invoke($"{Path.GetFileName(settings.ModelPath)}: {string.Join(", ", unitPools.Select(p => $"MaxPool '{p.Pool.Name}' ({p.Pool.KernelSize}x{p.Pool.KernelSize}, stride 2, pads {p.Pool.Pads})"))} run(s) on the pool unit: the convolution store fuses only a 2x2 pool without padding after a stride-1 'same' convolution. The unit finds each window's first maximum (padding never wins) and BP sends the gradient there again, summed where windows overlap.");
        }

        var joins = model.Layers.Count(l => l is ConvBlockLayer { ResidualFrom: not null });
        if (joins > 0)
        {
            var forks = BackwardWrites.Of(model.Layers).Accumulate.Count(a => a);
            inform?.Invoke($"{Path.GetFileName(settings.ModelPath)}: {joins} residual join(s) fused into the store of the convolution before them (the skip added before the ReLU; BP writes the skip's gradient too), and {forks} layer(s) whose input forks add their BP gradient to the one already there.");
        }

        if (model.EqualizedChannels > 0)
        {
            inform?.Invoke($"{Path.GetFileName(settings.ModelPath)}: weight ranges equalized between consecutive layers in {model.EqualizedChannels} channel(s) (a channel's weights times 2^-k, the next layer's weights on it times 2^k: the same function, each layer's weights nearer one range for its 16 bits).");
        }

        if (settings.TargetClass is { } target && target >= model.Network.OutputClasses)
        {
            throw new XaiException(DiagnosticCatalog.TargetClassOutOfRange, $"Property 'XaiTargetClass' is {target}, but the network has {model.Network.OutputClasses} classes (0 to {model.Network.OutputClasses - 1}).", settings.ProjectFile);
        }

        // The first stage that knows the class count checks the names against it, before any
        // compilation or simulation (Report reads them again, for an edited file).
        ClassNameList.Load(settings.ClassNamesFile ?? "", model.Network.OutputClasses);

        var plan = DesignPlanner.Plan(model.Network, model.Layers, settings, Path.GetFileName(settings.ModelPath), calibration: null);
        // Before anything is written or compiled: a design that cannot fit the board stops here.
        ResourceFit.Check(plan, settings.Board, settings.ProjectFile);
        var igBaseline = plan.Explanation.IgBaseline is { } baselineFile ? IgBaselineImage.Load(baselineFile, plan.InputShape, settings.ProjectFile) : null;
        AtomicFile.WriteAllTextIfChanged(layout.NetworkHeader, NetworkHeaderWriter.Write(plan, igBaseline));
        DesignPlanFile.Save(plan, layout.NetworkPlanFile);
        CSimResults.WriteFloats(layout.FloatWeights, [WeightImage.Float(model.Layers)], onlyIfChanged: true);
        var summary = new JObject
        {
            ["name"] = model.Network.Name,
            ["input"] = new JArray(model.Network.InputShape.Dimensions),
            ["classes"] = model.Network.OutputClasses,
            ["droppedOutputActivation"] = model.Network.DroppedOutputActivation,
            ["foldedAveragePool"] = model.Network.FoldedAveragePool,
            ["averagePoolsAsConvolutions"] = model.Network.AveragePoolsAsConvolutions,
            ["equalizedChannels"] = model.EqualizedChannels,
            ["parameters"] = model.Network.ParameterCount,
            ["forwardMacs"] = plan.ForwardMacs,
            ["blocks"] = new JArray(model.Layers.Select(l => $"{l.Name}: {(l.InputFrom is int from ? $"(boundary {from}) " : "")}{l.InputShape} -> {l.OutputShape}{(l is ConvBlockLayer { ResidualFrom: int skip } ? $" + boundary {skip}" : "")}")),
        };
        AtomicFile.WriteAllTextIfChanged(layout.ModelSummary, summary.ToString());
        return plan;
    }
}
