using Xai.Attribution;
using Xai.Diagnostics;
using Xai.Fidelity;
using Xai.Planning;
using Xai.Reporting.Model;
using Xai.Simulation;
using Xai.Amd.Toolchain;
using Xai.Slurm;

namespace Xai.Stages;

/// <summary>
/// Fidelity on many images (XaiFidelityImages): the compiled C simulation runs the first N
/// Fashion-MNIST test images in chunks and compares the planned and the paper's formats with
/// float, per method. The fixed-point runs explain the class float predicted, so ρ compares
/// explanations of the same class; a changed prediction counts against top-1 agreement.
/// Grad-CAM is compared upsampled (its output) and at its block's resolution (the C simulation's
/// layer maps). Beside them, float on each image as the planned formats store it (the input rounded, nothing
/// else) against float: how far the network's own map moves under that one rounding. A planned figure close to
/// it means the layers' rounding adds little to the input's (which is one of the design's formats; an Integrated
/// Gradients baseline image stays unrounded there). Only numbers are kept; no maps are written.
/// </summary>
public static class FidelityStage
{
    private const int Chunk = 50;

    /// <param name="cluster">Runs the chunks as one Slurm job array (XaiExecutor=Slurm); null: here, one after another.</param>
    /// <param name="onLine">The cluster's lines (submitted, progress, how the array ended).</param>
    public static DatasetFidelity? Run(
        DesignPlan plan, int count, string datasetDirectory, BuildLayout layout, Action<XaiDiagnostic> report, CancellationToken cancel,
        SlurmToolExecutor? cluster = null, Action<string>? onLine = null)
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
        // Grad-CAM at its native resolution: the design's layer map before upsampling, in each profile.
        var camPixels = plan.Methods.Contains(AttributionMethod.GradCam) ? plan.ScheduleOf(AttributionMethod.GradCam).LayerMap?.Pixels : null;
        FidelityMeasurement? nativePlanned = camPixels is null ? null : new(AttributionMethod.GradCam), nativePaper = camPixels is null ? null : new(AttributionMethod.GradCam),
            nativeRounded = camPixels is null ? null : new(AttributionMethod.GradCam);
        int correctFloat = 0, correctPlanned = 0;
        var started = DateTime.UtcNow;
        var seconds = 0.0;
        // The same chunks here or as array tasks, merged in chunk order: the figures do not depend on where they ran.
        var chunks = Enumerable.Range(0, (images.Count + Chunk - 1) / Chunk).Select(c => images.Skip(c * Chunk).Take(Chunk).ToList()).ToList();
        try
        {
            var results = cluster is null ? RunHere(plan, chunks, layout, camPixels, cancel) : RunOnCluster(plan, chunks, layout, camPixels, cluster, onLine ?? (_ => { }), cancel);
            var k0 = 0;
            foreach (var (chunk, (result, maps)) in chunks.Zip(results))
            {
                for (var k = 0; k < chunk.Count; k++)
                {
                    var first = plan.Methods[0];
                    correctFloat += FidelityMeasurement.ArgMax(result[(k, NumericsProfile.Float, first)].Logits) == labels[k0 + k] ? 1 : 0;
                    correctPlanned += FidelityMeasurement.ArgMax(result[(k, NumericsProfile.Planned, first)].Logits) == labels[k0 + k] ? 1 : 0;
                    fidelity.Add(result, k);
                    if (maps is not null)
                    {
                        var f = result[(k, NumericsProfile.Float, AttributionMethod.GradCam)];
                        nativePlanned!.Add(f.Logits, result[(k, NumericsProfile.Planned, AttributionMethod.GradCam)].Logits, maps[(k, NumericsProfile.Float)], maps[(k, NumericsProfile.Planned)]);
                        nativePaper!.Add(f.Logits, result[(k, NumericsProfile.Paper, AttributionMethod.GradCam)].Logits, maps[(k, NumericsProfile.Float)], maps[(k, NumericsProfile.Paper)]);
                        nativeRounded!.Add(f.Logits, result[(k, NumericsProfile.FloatRoundedInput, AttributionMethod.GradCam)].Logits, maps[(k, NumericsProfile.Float)], maps[(k, NumericsProfile.FloatRoundedInput)]);
                    }
                }

                k0 += chunk.Count;
            }

            // Every chunk was asked for the rounded input's run; a reader that dropped it would leave the reference short.
            if (fidelity.RoundedInput.Values.Any(m => m.Images != images.Count))
            {
                throw new InvalidOperationException("The fidelity run's rounded-input profile does not cover every image.");
            }

            seconds = (DateTime.UtcNow - started).TotalSeconds; // the figures' run, not the check after it
            CheckCalibrationCoverage(plan, images, layout, report, cancel);
        }
        finally
        {
            // Scratch inputs and outputs (every chunk's, written up front for a job array), also after a failure or cancel.
            foreach (var scratch in new[] { "fidelity*-outputs.bin", "fidelity*-inputs.f32", "fidelity*-layermaps.f32" }.SelectMany(p => Directory.GetFiles(layout.IntermediateDirectory, p)))
            {
                File.Delete(scratch);
            }
        }

        return new DatasetFidelity
        {
            Dataset = "Fashion-MNIST test set (first images, padded and replicated to the network input)",
            Directory = datasetDirectory,
            Images = images.Count,
            AccuracyFloat = Math.Round((double)correctFloat / images.Count, 6),
            AccuracyPlanned = Math.Round((double)correctPlanned / images.Count, 6),
            Seconds = Math.Round(seconds, 1),
            Fidelity = CSimStage.Fidelity(fidelity.Planned),
            FidelityPaper = CSimStage.Fidelity(fidelity.Paper),
            FidelityRoundedInput = CSimStage.Fidelity(fidelity.RoundedInput),
            GradCamNative = nativePlanned is null ? null : CSimStage.Fidelity(new Dictionary<AttributionMethod, FidelityMeasurement> { [AttributionMethod.GradCam] = nativePlanned })["GradCam"],
            GradCamNativePaper = nativePaper is null ? null : CSimStage.Fidelity(new Dictionary<AttributionMethod, FidelityMeasurement> { [AttributionMethod.GradCam] = nativePaper })["GradCam"],
            GradCamNativeRoundedInput = nativeRounded is null ? null : CSimStage.Fidelity(new Dictionary<AttributionMethod, FidelityMeasurement> { [AttributionMethod.GradCam] = nativeRounded })["GradCam"],
        };
    }

    /// <summary>
    /// The calibration program on the fidelity images: where they reach beyond a planned format's range (which
    /// the calibration images set, with no headroom), warn, since those values saturate in the fixed-point runs.
    /// </summary>
    internal static void CheckCalibrationCoverage(DesignPlan plan, IReadOnlyList<float[]> images, BuildLayout layout, Action<XaiDiagnostic> report, CancellationToken cancel)
    {
        // The paper's one format is not sized from calibration: nothing to check, so nothing to run.
        if (plan.Scheme == Projects.NumericsScheme.PaperFaithful || plan.Calibration is not { } calibration || !File.Exists(layout.CalibrationProgram))
        {
            return;
        }

        var inputFile = Path.Combine(layout.IntermediateDirectory, "fidelity-coverage-inputs.f32");
        string measured;
        try
        {
            CSimResults.WriteFloats(inputFile, images);
            measured = CalibrateStage.Measure(layout, inputFile, images.Count, "Calibration run on the fidelity images", cancel);
        }
        finally
        {
            File.Delete(inputFile);
        }

        var overflows = CalibrationCoverage.Find(plan, CalibrationRanges.Parse(measured, plan.Layers.Count, layout.CalibrationProgram));
        if (overflows.Count > 0)
        {
            report(XaiDiagnostic.Warning(DiagnosticCatalog.CalibrationRangeExceeded,
                $"On the {images.Count} fidelity images, {overflows.Count} boundar{(overflows.Count == 1 ? "y exceeds" : "ies exceed")} the range the {calibration.Images} calibration images gave " +
                $"{(overflows.Count == 1 ? "its format" : "their formats")}, so values there saturate in the fixed-point runs (measured in float): {CalibrationCoverage.Describe(plan, overflows)}. " +
                "Add calibration images that cover the data (XaiCalibrationImage items)."));
        }
    }

    /// <summary>A chunk's outputs, and Grad-CAM's maps at the block's resolution when asked for (<c>camPixels</c> not null).</summary>
    private static IEnumerable<(Dictionary<(int Image, NumericsProfile Profile, AttributionMethod Method), CSimOutput> Outputs, Dictionary<(int Image, NumericsProfile Profile), float[]>? Maps)> RunHere(
        DesignPlan plan, IReadOnlyList<List<float[]>> chunks, BuildLayout layout, int? camPixels, CancellationToken cancel)
    {
        foreach (var chunk in chunks)
        {
            cancel.ThrowIfCancellationRequested();
            var batch = CSimProgram.Prepare(
                layout.SimulationProgram, layout.FloatWeights, chunk, target: -1, sameClass: true, layout.IntermediateDirectory, "fidelity", layerMaps: camPixels is not null, roundedInput: true);
            var outputs = CSimProgram.RunBatch(batch, plan.Methods, plan.Classes, cancel).Outputs;
            yield return (outputs, camPixels is { } pixels ? batch.ReadLayerMaps(pixels) : null);
        }
    }

    /// <summary>Every chunk's inputs written, then one job array whose task k runs chunk k; its outputs read in chunk order.</summary>
    private static IEnumerable<(Dictionary<(int Image, NumericsProfile Profile, AttributionMethod Method), CSimOutput> Outputs, Dictionary<(int Image, NumericsProfile Profile), float[]>? Maps)> RunOnCluster(
        DesignPlan plan, IReadOnlyList<List<float[]>> chunks, BuildLayout layout, int? camPixels, SlurmToolExecutor cluster, Action<string> onLine, CancellationToken cancel)
    {
        var batches = chunks.Select((chunk, c) => CSimProgram.Prepare(
            layout.SimulationProgram, layout.FloatWeights, chunk, target: -1, sameClass: true, layout.IntermediateDirectory, $"fidelity-{c}", layerMaps: camPixels is not null, roundedInput: true)).ToList();
        var tasks = batches.Select((b, c) => new ToolInvocation($"fidelity chunk {c}", b.Program, b.Arguments, b.WorkDirectory, null,
            b.LayerMapFile is { } maps ? [b.OutputFile, maps] : [b.OutputFile])).ToList();
        var (ended, findings, cancelled) = cluster.RunArray("fidelity", tasks, onLine, cancel);
        if (cancelled)
        {
            throw new OperationCanceledException(cancel);
        }

        if (ended is null || findings.Count > 0)
        {
            throw new XaiException(findings.Count > 0 ? findings : [XaiDiagnostic.Error(DiagnosticCatalog.SlurmJobEnded, "The fidelity job array ended without results.", layout.SimulationProgram)]);
        }

        foreach (var batch in batches)
        {
            foreach (var output in batch.LayerMapFile is { } maps ? [batch.OutputFile, maps] : new[] { batch.OutputFile })
            {
                if (!File.Exists(output))
                {
                    throw new XaiException(DiagnosticCatalog.SimulationFailed, $"A fidelity task completed but left no {output} (is obj/ on a file system the nodes share?).", output);
                }
            }

            yield return (batch.Read(plan.Methods, plan.Classes), camPixels is { } pixels ? batch.ReadLayerMaps(pixels) : null);
        }
    }
}
