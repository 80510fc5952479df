using Xai.Attribution;
using Xai.Diagnostics;
using Xai.IO;
using Xai.Planning;
using Xai.Simulation;

namespace Xai.Stages;

/// <summary>
/// Stage "Calibrate": runs the float C simulation (FP and BP for every method) over the
/// calibration images (and Integrated Gradients' baseline image) and records the largest magnitudes, from which the
/// planner sizes formats.
/// </summary>
public static class CalibrateStage
{
    public static void Run(DesignPlan network, IReadOnlyList<string> images, string projectFile, BuildLayout layout, ToolSettings tools, CancellationToken cancel)
    {
        if (images.Count == 0)
        {
            throw new XaiException(DiagnosticCatalog.NoImages, "No calibration images: add XaiImage (or XaiCalibrationImage) items, e.g. <XaiImage Include=\"images/*.png\" />.", projectFile);
        }

        var inputs = InputImage.LoadAll(images.Select(p => (p, (int?)null)).ToList(), network.InputShape).Select(i => i.Tensor).ToList();
        // Integrated Gradients' passes run on blends of the baseline and the image, and x' must fit the image's format.
        if (network.Explanation.IgBaseline is { } baseline && network.Methods.Contains(AttributionMethod.IntegratedGradients))
        {
            inputs.Add(IgBaselineImage.Load(baseline, network.InputShape, projectFile));
        }

        var inputFile = Path.Combine(layout.IntermediateDirectory, "calibration-inputs.f32");
        CSimResults.WriteFloats(inputFile, inputs);
        new CxxCompiler(tools.Compiler).Compile(tools.CSimMain, layout.CalibrationProgram, [tools.HlsInclude, layout.GeneratedDirectory], ["XAI_CALIBRATE_ONLY"], cancel);
        var run = ProcessRunner.Run(layout.CalibrationProgram, ["calibrate", layout.FloatWeights, inputFile, inputs.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)], layout.IntermediateDirectory, cancel)!;
        if (run.ExitCode != 0)
        {
            throw new XaiException(DiagnosticCatalog.SimulationFailed, $"Calibration run failed (exit {run.ExitCode}): {run.StandardError.Trim()}", layout.CalibrationProgram);
        }

        AtomicFile.WriteAllTextIfChanged(layout.CalibrationRanges, run.StandardOutput);
    }
}
