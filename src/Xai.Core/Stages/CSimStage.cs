using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Xai.Attribution;
using Xai.Diagnostics;
using Xai.Fidelity;
using Xai.IO;
using Xai.Imaging;
using Xai.Planning;
using Xai.Simulation;

namespace Xai.Stages;

/// <summary>
/// Stage "CSim": compiles the bit-accurate C simulation and runs every project image through
/// the float, planned and paper profiles. Writes, per image, the relevance of each method as
/// .npy (real units) and a heatmap PNG, and csim.json with classes, logits and fidelity.
/// </summary>
public static class CSimStage
{
    public sealed record LabeledImage(string Path, int? Label);

    public static JObject Run(DesignPlan plan, IReadOnlyList<LabeledImage> images, int? targetClass, string projectFile, BuildLayout layout, ToolSettings tools, CancellationToken cancel, Func<JObject?>? extra = null)
    {
        if (images.Count == 0)
        {
            throw new XaiException(DiagnosticCatalog.NoImages, "The project lists no images: add XaiImage items, e.g. <XaiImage Include=\"images/*.png\" />.", projectFile);
        }

        if (targetClass is { } t && t >= plan.Classes)
        {
            throw new XaiException(DiagnosticCatalog.TargetClassOutOfRange, $"Property 'XaiTargetClass' is {t}, but the network has {plan.Classes} classes (0 to {plan.Classes - 1}).", projectFile);
        }

        var inputs = images.Select(i => InputImage.Load(i.Path, plan.InputShape, i.Label)).ToList();
        new CxxCompiler(tools.Compiler).Compile(tools.CSimMain, layout.SimulationProgram, [tools.HlsInclude, layout.GeneratedDirectory], [], cancel);

        var started = DateTime.UtcNow;
        var results = CSimProgram.Run(
            layout.SimulationProgram, layout.FloatWeights, inputs.Select(i => i.Tensor).ToList(), targetClass ?? -1, sameClass: false,
            layout.IntermediateDirectory, "csim", plan.Methods, plan.Classes, cancel);
        var seconds = (DateTime.UtcNow - started).TotalSeconds;
        var shape = plan.InputShape;

        // Everything the user sees is written to a staging directory first and swapped in at the
        // end, so a failure or Ctrl-C part-way leaves the previous run's maps, heatmaps and
        // csim.json together and intact.
        var staging = new BuildLayout(layout.IntermediateDirectory, Path.Combine(layout.IntermediateDirectory, "csim-staging"));
        if (Directory.Exists(staging.OutputDirectory))
        {
            Directory.Delete(staging.OutputDirectory, recursive: true);
        }

        Directory.CreateDirectory(staging.RelevanceDirectory);
        Directory.CreateDirectory(staging.HeatmapDirectory);
        var fidelity = new ProfileFidelity(plan.Methods);
        var perImage = new JArray();
        var correct = 0;
        var labeled = 0;
        for (var k = 0; k < inputs.Count; k++)
        {
            var image = inputs[k];
            var first = plan.Methods[0];
            var hw = results[(k, NumericsProfile.Planned, first)];
            var reference = results[(k, NumericsProfile.Float, first)];
            var predicted = FidelityMeasurement.ArgMax(hw.Logits);
            if (image.Label is { } label)
            {
                labeled++;
                correct += predicted == label ? 1 : 0;
            }

            fidelity.Add(results, k);
            var methods = new JObject();
            foreach (var method in plan.Methods)
            {
                var p = results[(k, NumericsProfile.Planned, method)];

                var npy = Path.Combine(staging.RelevanceDirectory, $"{image.Stem}.{method}.npy");
                AtomicFile.WriteAllBytes(npy, NpyFile.EncodeFloat32(p.Relevance, shape.Dimensions));
                var png = Path.Combine(staging.HeatmapDirectory, $"{image.Stem}.{method}.png");
                var sign = method == AttributionMethod.Saliency ? HeatmapRenderer.Sign.Absolute : HeatmapRenderer.Sign.Positive;
                AtomicFile.WriteAllBytes(png, PngWriter.Encode(HeatmapRenderer.Overlay(image.Raster, p.Relevance, shape.Channels, sign)));
                methods[method.ToString()] = new JObject
                {
                    ["relevance"] = Relative(staging, npy),
                    ["heatmap"] = Relative(staging, png),
                    ["explainedClass"] = p.Class,
                    ["spearmanVsFloat"] = Round(fidelity.Planned[method].LastRho),
                };
            }

            var inputPng = Path.Combine(staging.HeatmapDirectory, $"{image.Stem}.input.png");
            AtomicFile.WriteAllBytes(inputPng, PngWriter.Encode(image.Raster));
            perImage.Add(new JObject
            {
                ["file"] = image.Path,
                ["stem"] = image.Stem,
                ["input"] = Relative(staging, inputPng),
                ["label"] = image.Label,
                ["class"] = predicted,
                ["floatClass"] = FidelityMeasurement.ArgMax(reference.Logits),
                ["logits"] = new JArray(hw.Logits.Select(v => Round(v))),
                ["floatLogits"] = new JArray(reference.Logits.Select(v => Round(v))),
                ["methods"] = methods,
            });
        }

        var csim = new JObject
        {
            ["images"] = inputs.Count,
            ["accuracy"] = labeled == 0 ? null : Round((double)correct / labeled),
            ["labeledImages"] = labeled,
            ["targetClass"] = targetClass,
            ["secondsPerImage"] = Round(seconds / inputs.Count),
            ["fidelity"] = Fidelity(fidelity.Planned),
            ["fidelityPaper"] = Fidelity(fidelity.Paper),
            ["perImage"] = perImage,
        };
        if (extra?.Invoke() is { } testSet)
        {
            csim["fidelityTestSet"] = testSet;
        }

        cancel.ThrowIfCancellationRequested();
        Swap(staging.RelevanceDirectory, layout.RelevanceDirectory);
        Swap(staging.HeatmapDirectory, layout.HeatmapDirectory);
        Directory.Delete(staging.OutputDirectory, recursive: true);
        AtomicFile.WriteAllText(layout.CSimResultsFile, csim.ToString(Formatting.Indented));
        return csim;
    }

    /// <summary>Replaces <paramref name="target"/> by <paramref name="fresh"/>: two renames, the old copy kept until the new one is in place.</summary>
    private static void Swap(string fresh, string target)
    {
        var old = target.TrimEnd('/', '\\') + ".old";
        if (Directory.Exists(old))
        {
            Directory.Delete(old, recursive: true);
        }

        if (Directory.Exists(target))
        {
            Directory.Move(target, old);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target).TrimEnd('/', '\\'))!);
        Directory.Move(fresh, target);
        if (Directory.Exists(old))
        {
            Directory.Delete(old, recursive: true);
        }
    }

    public static JObject Fidelity(IReadOnlyDictionary<AttributionMethod, FidelityMeasurement> measurements) =>
        new(measurements.Select(kv => new JProperty(kv.Key.ToString(), new JObject
        {
            ["images"] = kv.Value.Images,
            ["top1Agreement"] = Round(kv.Value.Top1Agreement),
            ["spearmanMedian"] = Round(kv.Value.Spearman.Median),
            ["spearmanP10"] = Round(kv.Value.Spearman.P10),
            ["spearmanMin"] = Round(kv.Value.Spearman.Min),
            ["spearmanUndefined"] = kv.Value.Spearman.Undefined,
        })));

    private static string Relative(BuildLayout layout, string path) => Path.GetRelativePath(layout.OutputDirectory, path).Replace('\\', '/');

    private static JToken Round(double v) => double.IsNaN(v) || double.IsInfinity(v) ? JValue.CreateNull() : new JValue(Math.Round(v, 6));
}
