using Xai.Attribution;
using Xai.Diagnostics;
using Xai.Faithfulness;
using Xai.Fidelity;
using Xai.IO;
using Xai.Imaging;
using Xai.Planning;
using Xai.Reporting;
using Xai.Reporting.Model;
using Xai.Simulation;

namespace Xai.Stages;

/// <summary>
/// Stage "CSim": compiles the bit-accurate C simulation and runs every project image through
/// the float, planned and paper profiles. Writes, per image, the relevance of each method as
/// .npy (real units) and a heatmap PNG, and csim.json with classes, logits and fidelity.
/// </summary>
public static class CSimStage
{
    /// <param name="LabelSource">Where the label came from, for messages (a labels file line or item metadata).</param>
    public sealed record LabeledImage(string Path, int? Label, string? LabelSource = null);

    /// <param name="faithfulnessSteps">XaiFaithfulnessSteps: points of the deletion and insertion curves less one; 0 for none.</param>
    public static CsimSection Run(DesignPlan plan, IReadOnlyList<LabeledImage> images, int? targetClass, string projectFile, BuildLayout layout, ToolSettings tools, CancellationToken cancel, Func<DatasetFidelity?>? extra = null, int faithfulnessSteps = 0)
    {
        if (images.Count == 0)
        {
            throw new XaiException(DiagnosticCatalog.NoImages, "The project lists no images: add XaiImage items, e.g. <XaiImage Include=\"images/*.png\" />.", projectFile);
        }

        if (targetClass is { } t && t >= plan.Classes)
        {
            throw new XaiException(DiagnosticCatalog.TargetClassOutOfRange, $"Property 'XaiTargetClass' is {t}, but the network has {plan.Classes} classes (0 to {plan.Classes - 1}).", projectFile);
        }

        // A label outside the classes is an error, not a miss: accuracy would silently count it wrong
        // (label 42 on a 10-class network gave accuracy 0.0). Reported with every bad image at once.
        var classes = plan.Classes;
        var problems = images
            .Where(i => i.Label is { } l && (l < 0 || l >= classes))
            .Select(i => XaiDiagnostic.Error(DiagnosticCatalog.ImageLabelOutOfRange, $"Image '{i.Path}' has label {i.Label} ({i.LabelSource ?? "item metadata"}), but the network has {classes} classes (0 to {classes - 1}).", projectFile))
            .ToList();
        IReadOnlyList<InputImage> inputs = [];
        try
        {
            inputs = InputImage.LoadAll(images.Select(i => (i.Path, i.Label)).ToList(), plan.InputShape);
        }
        catch (XaiException e)
        {
            problems.AddRange(e.Diagnostics);
        }

        if (problems.Count > 0)
        {
            throw new XaiException(problems);
        }

        var names = ImageOutputNames.For(inputs.Select(i => i.Path).ToList(), projectFile);
        new CxxCompiler(tools.Compiler).Compile(tools.CSimMain, layout.SimulationProgram, [tools.HlsInclude, layout.GeneratedDirectory], [], cancel);

        var started = DateTime.UtcNow;
        var outcome = CSimProgram.RunBatch(
            CSimProgram.Prepare(layout.SimulationProgram, layout.FloatWeights, inputs.Select(i => i.Tensor).ToList(), targetClass ?? -1, sameClass: false, layout.IntermediateDirectory, "csim"),
            plan.Methods, plan.Classes, cancel);
        var results = outcome.Outputs;
        var seconds = (DateTime.UtcNow - started).TotalSeconds;
        var shape = plan.InputShape;
        // Integrated Gradients' completeness needs F(x'): the baseline (zeros or XaiIgBaseline) through the same program (its logits only).
        var baseline = plan.Methods.Contains(AttributionMethod.IntegratedGradients)
            ? CSimProgram.Run(layout.SimulationProgram, layout.FloatWeights,
                [plan.Explanation.IgBaseline is { } baselineFile ? IgBaselineImage.Load(baselineFile, shape, projectFile) : new float[shape.ElementCount]], -1, sameClass: false,
                layout.IntermediateDirectory, "csim-baseline", plan.Methods, plan.Classes, cancel)
            : null;
        var gaps = new Dictionary<NumericsProfile, List<double>> { [NumericsProfile.Float] = [], [NumericsProfile.Planned] = [] };
        var faithfulness = faithfulnessSteps <= 0 ? null : FaithfulnessMeasurement.Run(
            plan.Methods,
            [.. inputs.Select((image, k) => new FaithfulnessMeasurement.ImageMaps(
                image.Tensor, plan.Methods.ToDictionary(m => m, m => (results[(k, NumericsProfile.Planned, m)].Relevance, results[(k, NumericsProfile.Planned, m)].Class))))],
            shape.Channels,
            faithfulnessSteps,
            (k, batch, methodIndices) => CSimProgram.Forward(layout.SimulationProgram, layout.FloatWeights, batch, methodIndices, layout.IntermediateDirectory, $"csim-faithfulness-{k}", plan.Classes, cancel),
            cancel);

        // The maps are written to a staging directory first and swapped into the results being
        // assembled at the end, so a failure or Ctrl-C part-way leaves the previous run's maps,
        // heatmaps and csim.json together; users see them only once the build publishes them.
        var staging = Path.Combine(layout.IntermediateDirectory, "csim-staging");
        var stagingRelevance = Path.Combine(staging, "relevance");
        var stagingHeatmaps = Path.Combine(staging, "heatmaps");
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        Directory.CreateDirectory(stagingRelevance);
        Directory.CreateDirectory(stagingHeatmaps);
        var fidelity = new ProfileFidelity(plan.Methods);
        var perImage = new List<CsimImage>();
        var correct = 0;
        var labeled = 0;
        for (var k = 0; k < inputs.Count; k++)
        {
            var image = inputs[k];
            var name = names[k];
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
            var methods = new Dictionary<string, CsimImageMethod>();
            foreach (var method in plan.Methods)
            {
                var p = results[(k, NumericsProfile.Planned, method)];

                var npy = $"relevance/{name}.{method}.npy";
                AtomicFile.WriteAllBytes(Path.Combine(staging, npy), NpyFile.EncodeFloat32(p.Relevance, shape.Dimensions));
                var png = $"heatmaps/{name}.{method}.png";
                var sign = RelevanceReading.ShownAsMagnitude(method) ? HeatmapRenderer.Sign.Absolute : HeatmapRenderer.Sign.Positive;
                AtomicFile.WriteAllBytes(Path.Combine(staging, png), PngWriter.Encode(HeatmapRenderer.Overlay(image.Raster, p.Relevance, shape.Channels, sign)));
                var layer = $"heatmaps/{name}.{method}.layer.png";
                AtomicFile.WriteAllBytes(Path.Combine(staging, layer), PngWriter.Encode(HeatmapRenderer.Layer(p.Relevance, shape.Channels, image.Raster.Height, image.Raster.Width, sign)));
                methods[method.ToString()] = new CsimImageMethod
                {
                    Relevance = npy,
                    Heatmap = png,
                    Layer = layer,
                    ExplainedClass = p.Class,
                    SpearmanVsFloat = Round(fidelity.Planned[method].LastRho),
                    CompletenessGap = method == AttributionMethod.IntegratedGradients && baseline is not null ? Round(Gap(NumericsProfile.Planned)) : null,
                    DeletionArea = faithfulness?.PerImage[(k, method)].Deletion is { } deletion ? Round(deletion) : null,
                    InsertionArea = faithfulness?.PerImage[(k, method)].Insertion is { } insertion ? Round(insertion) : null,
                };

                double Gap(NumericsProfile profile)
                {
                    var run = results[(k, profile, method)];
                    var gap = CompletenessGap.Of(run.Relevance, run.Logits, baseline[(0, profile, method)].Logits, run.Class);
                    gaps[profile].Add(gap);
                    return gap;
                }

                if (method == AttributionMethod.IntegratedGradients && baseline is not null)
                {
                    Gap(NumericsProfile.Float);
                }
            }

            var inputPng = $"heatmaps/{name}.input.png";
            AtomicFile.WriteAllBytes(Path.Combine(staging, inputPng), PngWriter.Encode(image.Raster));
            perImage.Add(new CsimImage
            {
                File = image.Path,
                Stem = name,
                Input = inputPng,
                Label = image.Label,
                Class = predicted,
                FloatClass = FidelityMeasurement.ArgMax(reference.Logits),
                Logits = [.. hw.Logits.Select(v => Round(v))],
                FloatLogits = [.. reference.Logits.Select(v => Round(v))],
                Probabilities = plan.DroppedOutputActivation is null ? null : [.. ClassProbabilities.Softmax(hw.Logits).Select(v => Round(v))],
                FloatProbabilities = plan.DroppedOutputActivation is null ? null : [.. ClassProbabilities.Softmax(reference.Logits).Select(v => Round(v))],
                Methods = methods,
            });
        }

        var csim = new CsimSection
        {
            Images = inputs.Count,
            Accuracy = labeled == 0 ? null : Round((double)correct / labeled),
            LabeledImages = labeled,
            TargetClass = targetClass,
            SecondsPerImage = Round(seconds / inputs.Count),
            PlannedSecondsPerImage = plan.Methods.ToDictionary(m => m.ToString(), m => outcome.PlannedSeconds.TryGetValue(m, out var t) ? Round(t / inputs.Count) : null),
            Fidelity = Fidelity(fidelity.Planned),
            FidelityPaper = Fidelity(fidelity.Paper),
            PerImage = perImage,
            Completeness = baseline is null ? null : new CompletenessSummary
            {
                Images = inputs.Count,
                Baseline = plan.Explanation.IgBaseline is { } baselineName ? Path.GetFileName(baselineName) : "zeros",
                FloatMedian = Round(DistributionSummary.Of(gaps[NumericsProfile.Float]).Median),
                FloatMax = Round(gaps[NumericsProfile.Float].DefaultIfEmpty(double.NaN).Max()),
                PlannedMedian = Round(DistributionSummary.Of(gaps[NumericsProfile.Planned]).Median),
                PlannedMax = Round(gaps[NumericsProfile.Planned].DefaultIfEmpty(double.NaN).Max()),
            },
            Faithfulness = faithfulness?.Summary,
            FidelityTestSet = extra?.Invoke(),
        };

        cancel.ThrowIfCancellationRequested();
        Swap(stagingRelevance, layout.RelevanceDirectory);
        Swap(stagingHeatmaps, layout.HeatmapDirectory);
        Directory.Delete(staging, recursive: true);
        AtomicFile.WriteAllText(layout.CSimResultsFile, ReportJson.Serialize(csim));
        CodeGeneration.BoardRunnerWriter.Write(plan, layout, targetClass);

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

    /// <summary>csim.json as <see cref="Run"/> wrote it.</summary>
    /// <exception cref="XaiException">XAI3504 when it does not fit (written by another SDK version: rebuild).</exception>
    public static CsimSection? Load(BuildLayout layout) =>
        File.Exists(layout.CSimResultsFile)
            ? ReportJson.Read<CsimSection>(layout.CSimResultsFile, DiagnosticCatalog.StageFileUnreadable, "The C simulation's results (csim.json)")
            : null;

    public static Dictionary<string, FidelitySummary> Fidelity(IReadOnlyDictionary<AttributionMethod, FidelityMeasurement> measurements) =>
        measurements.ToDictionary(kv => kv.Key.ToString(), kv => new FidelitySummary
        {
            Images = kv.Value.Images,
            Top1Agreement = Round(kv.Value.Top1Agreement),
            SpearmanMedian = Round(kv.Value.Spearman.Median),
            SpearmanP10 = Round(kv.Value.Spearman.P10),
            SpearmanMin = Round(kv.Value.Spearman.Min),
            SpearmanUndefined = kv.Value.Spearman.Undefined,
        });

    private static double? Round(double v) => double.IsNaN(v) || double.IsInfinity(v) ? null : Math.Round(v, 6);
}
