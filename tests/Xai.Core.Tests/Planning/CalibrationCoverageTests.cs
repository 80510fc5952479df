using Xai.Attribution;
using Xai.Core.Tests.CodeGeneration;
using Xai.Diagnostics;
using Xai.Planning;
using Xai.Projects;
using Xai.Simulation;
using Xai.Stages;

namespace Xai.Core.Tests.Planning;

/// <summary>Images beyond the calibrated ranges: found per boundary against the planned formats, and warned about by the fidelity run.</summary>
[Collection(ExplanationNetworkCollection.Name)]
public sealed class CalibrationCoverageTests(ExplanationNetworkBuild build)
{
    private static CalibrationRanges With(CalibrationRanges r, double inputMax, IReadOnlyList<double> activationMax, IReadOnlyDictionary<AttributionMethod, double[]> gradientMax) =>
        new(r.Images, inputMax, activationMax, gradientMax);

    [Fact]
    public void The_calibration_images_themselves_exceed_nothing_and_the_paper_format_is_not_judged()
    {
        var calibrated = build.Plan.Calibration!;
        Assert.Empty(CalibrationCoverage.Find(build.Plan, calibrated));
        var quadrupled = With(calibrated, calibrated.InputMax * 4, calibrated.ActivationMax.Select(m => m * 4).ToArray(), calibrated.GradientMax);
        Assert.Empty(CalibrationCoverage.Find(build.Plan with { Scheme = NumericsScheme.PaperFaithful }, quadrupled));
    }

    [Fact]
    public void A_value_past_a_formats_largest_is_found_at_its_boundary_once_for_activations_and_per_method_for_gradients()
    {
        var plan = build.Plan;
        var calibrated = plan.Calibration!;
        var method = AttributionMethod.InputXGradient;
        var numerics = plan.Numerics[method];
        // Block 1's output (boundary 2): just under and just over what its format holds.
        var holds = numerics.Activation.Max * Math.Pow(2, -numerics.ActivationExponents[2]);
        // Tied to the format, not to the formula: holds stores as its largest word exactly, and 1 % more saturates there.
        var scale = Math.Pow(2, numerics.ActivationExponents[2]);
        Assert.Equal((1L << (numerics.Activation.Width - 1)) - 1, numerics.Activation.QuantizeToRaw(holds * scale));
        Assert.Equal(numerics.Activation.QuantizeToRaw(holds * scale), numerics.Activation.QuantizeToRaw(holds * 1.01 * scale));
        Assert.True(numerics.Activation.Round && numerics.Activation.Saturate);
        var activations = calibrated.ActivationMax.ToArray();
        activations[1] = holds;
        Assert.Empty(CalibrationCoverage.Find(plan, With(calibrated, calibrated.InputMax, activations, calibrated.GradientMax)));
        activations[1] = holds * 1.01;
        var gradients = calibrated.GradientMax.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray());
        var gradientHolds = numerics.Gradient.Max * Math.Pow(2, -numerics.GradientExponents[0]);
        gradients[method][0] = gradientHolds * 3;

        var found = CalibrationCoverage.Find(plan, With(calibrated, calibrated.InputMax, activations, gradients));

        Assert.Equal(2, found.Count);
        var activation = Assert.Single(found, o => !o.Gradient);
        Assert.Equal((2, holds * 1.01, holds, calibrated.ActivationMax[1]), (activation.Boundary, activation.Seen, activation.Holds, activation.Calibrated));
        Assert.Equal(plan.Methods[0], activation.Method); // every method shares the activation formats: reported once
        var gradient = Assert.Single(found, o => o.Gradient);
        Assert.Equal((method, 0, gradientHolds), (gradient.Method, gradient.Boundary, gradient.Holds));
        var text = CalibrationCoverage.Describe(plan, found);
        Assert.Contains($"the output of '{plan.Layers[1].Name}' reaches", text);
        Assert.Contains("the input relevance (InputXGradient) reaches", text);

        // Grad-CAM's boundary 0 holds its per-image scaled map, not a gradient: never judged against grad_exp(0).
        gradients[AttributionMethod.GradCam][0] = 1e6;
        Assert.DoesNotContain(CalibrationCoverage.Find(plan, With(calibrated, calibrated.InputMax, activations, gradients)), o => o.Method == AttributionMethod.GradCam && o.Boundary == 0);
    }

    [Fact]
    public void The_fidelity_run_warns_when_its_images_go_beyond_the_calibrated_ranges()
    {
        var n = build.Plan.InputShape.ElementCount;
        var images = CSimResults.ReadFloats(Path.Combine(build.Layout.IntermediateDirectory, "csim-inputs.f32")).Chunk(n).ToList();
        var warnings = new List<XaiDiagnostic>();

        // The images calibration saw (the fixture calibrates on them): nothing to say.
        FidelityStage.CheckCalibrationCoverage(build.Plan, images, build.Layout, warnings.Add, CancellationToken.None);
        Assert.Empty(warnings);

        // Eight times brighter: the input and the activations after it pass their formats' range.
        FidelityStage.CheckCalibrationCoverage(build.Plan, images.Select(x => x.Select(v => v * 8).ToArray()).ToList(), build.Layout, warnings.Add, CancellationToken.None);
        var warning = Assert.Single(warnings);
        Assert.Equal(("XAI3304", DiagnosticSeverity.Warning), (warning.Code, warning.Severity));
        Assert.Contains($"On the {images.Count} fidelity images", warning.Message);
        Assert.Contains("the input reaches", warning.Message);
        Assert.Contains($"the {build.Plan.Calibration!.Images} calibration images", warning.Message);
        Assert.Empty(Directory.GetFiles(build.Layout.IntermediateDirectory, "fidelity-coverage-*"));
    }
}
