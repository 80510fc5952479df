using Xai.Attribution;
using Xai.Diagnostics;
using Xai.Fidelity;
using Xai.Planning;
using Xai.Reporting.Model;
using Xai.Simulation;

namespace Xai.Stages;

/// <summary>
/// Fidelity on many images (XaiFidelityImages): the compiled C simulation runs the first N
/// Fashion-MNIST test images in chunks and compares the planned and the paper's formats with
/// float, per method. The fixed-point runs explain the class float predicted, so ρ compares
/// explanations of the same class; a changed prediction counts against top-1 agreement.
/// Only numbers are kept; no maps are written.
/// </summary>
public static class FidelityStage
{
    private const int Chunk = 50;

    public static DatasetFidelity? Run(DesignPlan plan, int count, string datasetDirectory, BuildLayout layout, Action<XaiDiagnostic> report, CancellationToken cancel)
    {
        if (count <= 0)
        {
            return null;
        }

        if (!FashionMnistTestSet.IsPresent(datasetDirectory))
        {
            report(XaiDiagnostic.Warning(DiagnosticCatalog.FidelityDatasetMissing, $"XaiFidelityImages={count}, but the Fashion-MNIST test set is not in '{datasetDirectory}'; install it (apt-get install dataset-fashion-mnist) or set XaiFidelityDataset. Fidelity on the dataset was skipped."));
            return null;
        }

        var (images, labels) = FashionMnistTestSet.Load(datasetDirectory, count, plan.InputShape);
        if (images.Count < count)
        {
            // Capped, not an error: all the test set is measured, but the figure is not over the number asked for.
            report(XaiDiagnostic.Warning(DiagnosticCatalog.FidelityImagesCapped, $"XaiFidelityImages={count}, but the Fashion-MNIST test set in '{datasetDirectory}' has {images.Count} images; fidelity is measured on all {images.Count}. Set XaiFidelityImages to {images.Count} or less."));
        }
        var fidelity = new ProfileFidelity(plan.Methods);
        int correctFloat = 0, correctPlanned = 0;
        var started = DateTime.UtcNow;
        for (var start = 0; start < images.Count; start += Chunk)
        {
            cancel.ThrowIfCancellationRequested();
            var chunk = images.Skip(start).Take(Chunk).ToList();
            var results = CSimProgram.Run(
                layout.SimulationProgram, layout.FloatWeights, chunk, target: -1, sameClass: true,
                layout.IntermediateDirectory, "fidelity", plan.Methods, plan.Classes, cancel);
            for (var k = 0; k < chunk.Count; k++)
            {
                var first = plan.Methods[0];
                correctFloat += FidelityMeasurement.ArgMax(results[(k, NumericsProfile.Float, first)].Logits) == labels[start + k] ? 1 : 0;
                correctPlanned += FidelityMeasurement.ArgMax(results[(k, NumericsProfile.Planned, first)].Logits) == labels[start + k] ? 1 : 0;
                fidelity.Add(results, k);
            }
        }

        File.Delete(Path.Combine(layout.IntermediateDirectory, "fidelity-outputs.bin"));
        return new DatasetFidelity
        {
            Dataset = "Fashion-MNIST test set (first images, padded and replicated to the network input)",
            Directory = datasetDirectory,
            Images = images.Count,
            AccuracyFloat = Math.Round((double)correctFloat / images.Count, 6),
            AccuracyPlanned = Math.Round((double)correctPlanned / images.Count, 6),
            Seconds = Math.Round((DateTime.UtcNow - started).TotalSeconds, 1),
            Fidelity = CSimStage.Fidelity(fidelity.Planned),
            FidelityPaper = CSimStage.Fidelity(fidelity.Paper),
        };
    }
}
