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
        AtomicFile.WriteAllTextIfChanged(layout.CalibrationRanges, Measure(layout, inputFile, inputs.Count, "Calibration run", cancel));
    }

    /// <summary>
    /// Runs the compiled calibration program on the <paramref name="count"/> images of <paramref name="inputFile"/> and
    /// returns what it prints (<see cref="CalibrationRanges.Parse"/> reads it).
    /// </summary>
    /// <param name="what">Names the run in the error when it fails.</param>
    internal static string Measure(BuildLayout layout, string inputFile, int count, string what, CancellationToken cancel)
    {
        var run = ProcessRunner.Run(layout.CalibrationProgram, ["calibrate", layout.FloatWeights, inputFile, count.ToString(System.Globalization.CultureInfo.InvariantCulture)], layout.IntermediateDirectory, cancel)
            ?? throw new XaiException(DiagnosticCatalog.SimulationFailed, "The calibration program could not be started.", layout.CalibrationProgram);
        if (run.ExitCode != 0)
        {
            throw new XaiException(DiagnosticCatalog.SimulationFailed, $"{what} failed (exit {run.ExitCode}): {run.StandardError.Trim()}", layout.CalibrationProgram);
        }

        return run.StandardOutput;
    }
}
