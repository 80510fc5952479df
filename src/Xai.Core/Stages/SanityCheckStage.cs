using Xai.Attribution;
using Xai.Diagnostics;
using Xai.Faithfulness;
using Xai.Fidelity;
using Xai.IO;
using Xai.Planning;
using Xai.Reporting;
using Xai.Reporting.Model;
using Xai.Simulation;

namespace Xai.Stages;

/// <summary>
/// Stage "SanityCheck" (opt-in, <c>dotnet build -t:SanityCheck</c>): the model-randomization check
/// (<see cref="ModelRandomization"/>) on the project's images, with the C simulation CSim compiled. Reads the
/// images and the trained model's maps CSim left in obj/, runs the images once per cascade step with the
/// randomized weight image, and writes sanity.json.
/// </summary>
public static class SanityCheckStage
{
    public static SanityCheckSection Run(DesignPlan plan, BuildLayout layout, CancellationToken cancel)
    {
        var csim = CSimStage.Load(layout)
            ?? throw new XaiException(DiagnosticCatalog.StageFileUnreadable, "The C simulation's results are missing: run the build (CSim) first.", layout.CSimResultsFile);
        var images = csim.Images;
        var size = plan.InputShape.ElementCount;
        var inputsFile = Path.Combine(layout.IntermediateDirectory, "csim-inputs.f32");
        var inputs = ReadImages(inputsFile, images, size);
        var predicted = CSimResults.Read(Path.Combine(layout.IntermediateDirectory, "csim-outputs.bin"), images, plan.Methods, plan.Classes, size);
        // One class per image for every profile and method, the design's prediction: the trained model's maps are
        // run again for it, as CSim let each profile explain its own prediction, and a randomized model's means nothing.
        var targets = Enumerable.Range(0, images).Select(k => predicted[(k, NumericsProfile.Planned, plan.Methods[0])].Class).ToArray();
        var weights = CSimResults.ReadFloats(layout.FloatWeights);
        var blocks = ModelRandomization.Blocks(plan.Layers);
        if (blocks.Sum(b => (long)b.Weights + b.Biases) != weights.Length)
        {
            throw new XaiException(DiagnosticCatalog.StageFileUnreadable, $"weights.f32 holds {weights.Length} values; the plan's layers have {blocks.Sum(b => (long)b.Weights + b.Biases)}. Rebuild.", layout.FloatWeights);
        }

        var randomizedWeights = Path.Combine(layout.IntermediateDirectory, "sanity-weights.f32");
        var steps = new List<SanityCheckStep>();
        try
        {
            var trained = Explain(0);
            for (var count = 1; count <= blocks.Count; count++)
            {
                var results = Explain(count);

                steps.Add(new SanityCheckStep
                {
                    From = plan.Layers[blocks[^count].Layer].Name,
                    RandomizedLayers = count,
                    Methods = plan.Methods.ToDictionary(m => m.ToString(), m => new SanityCheckFigure
                    {
                        Planned = Median(m, NumericsProfile.Planned),
                        Float = Median(m, NumericsProfile.Float),
                    }),
                });

                double? Median(AttributionMethod method, NumericsProfile profile)
                {
                    var rho = Enumerable.Range(0, images).Select(k => FidelityMeasurement.Rho(method, trained[(k, profile, method)].Relevance, results[(k, profile, method)].Relevance));
                    var median = DistributionSummary.Of(rho).Median;
                    return double.IsFinite(median) ? Math.Round(median, 6) : null;
                }
            }

            // Every image on the model with its top `count` layers randomized (0: the trained model), each for its target.
            Dictionary<(int, NumericsProfile, AttributionMethod), CSimOutput> Explain(int count)
            {
                cancel.ThrowIfCancellationRequested();
                CSimResults.WriteFloats(randomizedWeights, [ModelRandomization.Cascade(weights, plan.Layers, count)]);
                var results = new Dictionary<(int, NumericsProfile, AttributionMethod), CSimOutput>();
                for (var k = 0; k < images; k++)
                {
                    var one = CSimProgram.Run(layout.SimulationProgram, randomizedWeights, [inputs[k]], targets[k], sameClass: false,
                        layout.IntermediateDirectory, "sanity", plan.Methods, plan.Classes, cancel);
                    foreach (var ((_, profile, method), output) in one)
                    {
                        results[(k, profile, method)] = output;
                    }
                }

                return results;
            }
        }
        finally
        {
            foreach (var scratch in new[] { randomizedWeights, Path.Combine(layout.IntermediateDirectory, "sanity-inputs.f32"), Path.Combine(layout.IntermediateDirectory, "sanity-outputs.bin") })
            {
                File.Delete(scratch);
            }
        }

        var section = new SanityCheckSection
        {
            Images = images,
            Randomization = "cascading from the top layer: each randomized layer's weights and biases permuted (seeded), so their distribution and the calibrated formats stay; each image explains the class the trained design predicts for it, on the trained and on every randomized model",
            Steps = steps,
        };
        AtomicFile.WriteAllText(layout.SanityCheckJson, ReportJson.Serialize(section));
        return section;
    }

    /// <summary>sanity.json when it is newer than the C simulation's results it was computed from; null otherwise.</summary>
    public static SanityCheckSection? Load(BuildLayout layout) =>
        File.Exists(layout.SanityCheckJson) && File.Exists(layout.CSimResultsFile) &&
        File.GetLastWriteTimeUtc(layout.SanityCheckJson) >= File.GetLastWriteTimeUtc(layout.CSimResultsFile)
            ? ReportJson.Read<SanityCheckSection>(layout.SanityCheckJson, DiagnosticCatalog.StageFileUnreadable, "The sanity check's results (sanity.json)")
            : null;

    private static float[][] ReadImages(string path, int images, int size)
    {
        var all = CSimResults.ReadFloats(path);
        if (all.Length != (long)images * size)
        {
            throw new XaiException(DiagnosticCatalog.SimulationOutputSize, $"{Path.GetFileName(path)} holds {all.Length} values; {images} images of {size} were expected. Rebuild.", path);
        }

        return [.. Enumerable.Range(0, images).Select(k => all.AsSpan(k * size, size).ToArray())];
    }
}
