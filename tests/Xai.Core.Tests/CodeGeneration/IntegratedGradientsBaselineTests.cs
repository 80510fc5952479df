using Xai.Attribution;
using Xai.Boards;
using Xai.CodeGeneration;
using Xai.Diagnostics;
using Xai.FpgaResources;
using Xai.Imaging;
using Xai.Model;
using Xai.Planning;
using Xai.Projects;
using Xai.Simulation;
using Xai.Stages;

namespace Xai.Core.Tests.CodeGeneration;

/// <summary>
/// hls-lib's odd network with Saliency and Integrated Gradients from a baseline image (XaiIgBaseline), 64 steps (with 8, the
/// midpoint rule's error alone is half of one image's small F(x) − F(x')). The
/// baseline is a grey gradient written beside the project before the project is validated.
/// </summary>
public sealed class BaselineNetworkBuild() : OddNetworkBuild(
    new FileInfo(Path.Combine(RepositoryLayout.Root, "hls-lib", "tests", "data", "reference", "odd", "odd.onnx")), 14, 10, null, null,
    p =>
    {
        File.WriteAllBytes(Path.Combine(Path.GetDirectoryName(p.ProjectFile)!, "baseline.png"), PngWriter.Encode(BaselinePixels()));
        return p with { Methods = "Saliency;IntegratedGradients", IgSteps = "64", IgBaseline = "baseline.png" };
    })
{
    /// <summary>14 x 10 RGB, each channel a different ramp, so that x − x' is neither x nor a constant shift of it.</summary>
    public static RasterImage BaselinePixels()
    {
        var pixels = new byte[14 * 10 * 3];
        for (var i = 0; i < 14 * 10; i++)
        {
            pixels[3 * i] = (byte)(i * 37 % 256);
            pixels[3 * i + 1] = (byte)(255 - i);
            pixels[3 * i + 2] = 128;
        }

        return new RasterImage(14, 10, 3, pixels);
    }
}

/// <summary>
/// Integrated Gradients from a baseline image through the SDK: the setting reaches the plan and the header (a ROM
/// of the image's values), the exponent gains the bit x − x' needs, the top with the ROM reproduces the C simulation,
/// and completeness is measured against F(x'). Its values against PyTorch are hls-lib's explain_test.
/// </summary>
public sealed class IntegratedGradientsBaselineTests(BaselineNetworkBuild build) : IClassFixture<BaselineNetworkBuild>
{
    [Fact]
    public void The_plan_and_the_header_carry_the_baseline_image_as_the_network_sees_it()
    {
        var file = Path.Combine(build.Directory, "baseline.png");
        Assert.Equal(file, build.Plan.Explanation.IgBaseline);
        var header = File.ReadAllText(build.Layout.NetworkHeader);
        Assert.Contains("static const std::uint8_t (&ig_baseline())[420] {", header);
        Assert.Contains("static constexpr double ig_baseline_unit = 1.0 / 255;", header);
        Assert.Contains("static const bool inputs_nonnegative = true;", header);
        // Channel 0's ramp: pixel i * 37 mod 256, the PNG's bytes as the ROM holds them.
        Assert.Contains("            0, 37, 74, 111, 148, 185, 222, 3, 40, ", header);
        Assert.Throws<ArgumentException>(() => NetworkHeaderWriter.Write(build.Plan));
        var path = Path.Combine(build.Directory, "round-trip-plan.json");
        DesignPlanFile.Save(build.Plan, path);
        Assert.Equal(build.Plan.Explanation, DesignPlanFile.Load(path, build.Layout.FloatWeights).Explanation);
    }

    [Fact]
    public void The_attribution_keeps_x_times_gs_exponent_and_the_rom_costs_a_bram()
    {
        // Pixels / 255 are never negative: |x − x'| stays within x's bound, so no extra integer bit (hls-lib checks the
        // header's inputs_nonnegative gives the same exponent: the top's static_assert against the board runner's).
        var profile = build.Plan.Numerics[AttributionMethod.IntegratedGradients];
        var fromZero = ExplanationSchedule.For(AttributionMethod.IntegratedGradients, build.Plan.Explanation with { IgBaseline = null });
        var bits = ImageRange.IntegerBits(build.Plan, profile);
        Assert.True(build.Plan.ScheduleOf(AttributionMethod.IntegratedGradients).FromBaseline);
        Assert.Equal(fromZero.AttributionExponent(profile, bits), build.Plan.AttributionExponent(AttributionMethod.IntegratedGradients, profile));
        // The ROM: 420 8-bit pixels, one BRAM_18K more than the zero baseline's buffers.
        var schedule = build.Plan.ScheduleOf(AttributionMethod.IntegratedGradients);
        Assert.Equal(ResourceModel.ExplanationBram18K(fromZero, 420, 48) + 1, ResourceModel.ExplanationBram18K(schedule, 420, 48));
    }

    [Fact]
    public void The_planned_design_follows_float_from_the_baseline()
    {
        var csim = CSimStage.Load(build.Layout)!;
        Assert.All(csim.PerImage, i => Assert.True(i.Methods["IntegratedGradients"].SpearmanVsFloat > 0.9, $"{i.Stem}: rho {i.Methods["IntegratedGradients"].SpearmanVsFloat}"));
        Assert.True(csim.Completeness!.PlannedMax < 0.2, $"planned completeness gap {csim.Completeness.PlannedMax}");
    }

    [Fact]
    public void The_top_with_the_baseline_rom_reproduces_the_C_simulation_bit_for_bit() =>
        GridNetworkTests.AssertMethodTopsReproduceTheCSimulation(build, AttributionMethod.IntegratedGradients);

    [Fact]
    public void Completeness_is_measured_against_the_baseline_images_logits()
    {
        var csim = CSimStage.Load(build.Layout)!;
        Assert.Equal("baseline.png", csim.Completeness!.Baseline);
        var n = build.Plan.InputShape.ElementCount;
        var inputs = File.ReadAllBytes(Path.Combine(build.Layout.IntermediateDirectory, "csim-baseline-inputs.f32"));
        var baseline = InputImage.Load(build.Plan.Explanation.IgBaseline!, build.Plan.InputShape, null).Tensor;
        Assert.Equal(baseline, Enumerable.Range(0, n).Select(i => BitConverter.ToSingle(inputs, 4 * i)));

        var outputs = CSimResults.Read(Path.Combine(build.Layout.IntermediateDirectory, "csim-outputs.bin"), 2, build.Plan.Methods, build.Plan.Classes, n);
        var atBaseline = CSimResults.Read(Path.Combine(build.Layout.IntermediateDirectory, "csim-baseline-outputs.bin"), 1, build.Plan.Methods, build.Plan.Classes, n);
        var gaps = Enumerable.Range(0, 2).Select(k =>
        {
            var run = outputs[(k, NumericsProfile.Float, AttributionMethod.IntegratedGradients)];
            var fb = atBaseline[(0, NumericsProfile.Float, AttributionMethod.IntegratedGradients)].Logits[run.Class];
            return Math.Abs(run.Relevance.Sum(r => (double)r) - (run.Logits[run.Class] - fb)) / Math.Abs(run.Logits[run.Class] - fb);
        }).ToList();
        Assert.Equal(Math.Round(gaps.Max(), 6), csim.Completeness.FloatMax);
        // The map sums to F(x) − F(x'), not to F(x) − F(0) (what it would approach if the passes ignored the ROM):
        // within the midpoint rule's error, which shrinks only as 1/m on a ReLU network (0.49 at 8 steps, 0.08 at 64).
        Assert.True(gaps.Max() < 0.15, $"float completeness gap {gaps.Max()}");
        var atZero = CSimProgram.Run(build.Layout.SimulationProgram, build.Layout.FloatWeights, [new float[n]], -1, sameClass: false,
            build.Layout.IntermediateDirectory, "test-zero", build.Plan.Methods, build.Plan.Classes, CancellationToken.None);
        for (var k = 0; k < 2; k++)
        {
            var run = outputs[(k, NumericsProfile.Float, AttributionMethod.IntegratedGradients)];
            var sum = run.Relevance.Sum(r => (double)r);
            var fb = atBaseline[(0, NumericsProfile.Float, AttributionMethod.IntegratedGradients)].Logits[run.Class];
            var f0 = atZero[(0, NumericsProfile.Float, AttributionMethod.IntegratedGradients)].Logits[run.Class];
            Assert.True(Math.Abs(sum - (run.Logits[run.Class] - fb)) < 0.5 * Math.Abs(sum - (run.Logits[run.Class] - f0)),
                $"image {k}: sum {sum}, F(x) {run.Logits[run.Class]}, F(x') {fb}, F(0) {f0}");
        }
    }

    [Fact]
    public void A_baseline_of_another_size_is_XAI1019_naming_the_property_and_the_size_allowed()
    {
        var small = Path.Combine(build.Directory, "small.png");
        File.WriteAllBytes(small, PngWriter.Encode(new RasterImage(5, 5, 3, new byte[75])));
        var e = Assert.Throws<XaiException>(() => IgBaselineImage.Load(small, build.Plan.InputShape, "odd.xaiproj"));
        Assert.Equal("XAI1019", e.Code);
        Assert.Equal("odd.xaiproj", e.Diagnostic.File);
        Assert.Contains("Property 'XaiIgBaseline' names", e.Message);
        Assert.Contains("Image is 5x5; the network takes 14x10", e.Message);
        Assert.Contains("a fully opaque PNG of 14x10 (width x height) with 3 channels, or empty for the zero baseline", e.Message);

        var grey = Path.Combine(build.Directory, "grey.png");
        File.WriteAllBytes(grey, PngWriter.Encode(new RasterImage(14, 10, 1, new byte[140])));
        Assert.Equal("XAI1019", Assert.Throws<XaiException>(() => IgBaselineImage.Load(grey, build.Plan.InputShape, "odd.xaiproj")).Code);
    }

    [Fact]
    public void A_baseline_without_integrated_gradients_is_unused_and_XAI1020()
    {
        var (settings, diagnostics) = ValidateMissingBaseline("Saliency");
        Assert.Null(settings!.Explanation!.IgBaseline);
        var d = Assert.Single(diagnostics);
        Assert.Equal(("XAI1020", DiagnosticSeverity.Warning), (d.Code, d.Severity));
        Assert.Contains("does not list IntegratedGradients", d.Message);
    }

    [Fact]
    public void A_missing_baseline_file_is_XAI1019_when_the_project_is_validated()
    {
        var (settings, diagnostics) = ValidateMissingBaseline("IntegratedGradients");
        Assert.Null(settings);
        var d = Assert.Single(diagnostics);
        Assert.Equal("XAI1019", d.Code);
        Assert.Contains("'XaiIgBaseline' is 'no-such-baseline.png'", d.Message);
        Assert.Contains("does not exist", d.Message);
    }

    /// <summary>The odd network's project with <paramref name="methods"/> and XaiIgBaseline naming a file that does not exist.</summary>
    private (ProjectSettings? Settings, List<XaiDiagnostic> Diagnostics) ValidateMissingBaseline(string methods)
    {
        var diagnostics = new List<XaiDiagnostic>();
        var properties = new ProjectProperties
        {
            ProjectFile = Path.Combine(build.Directory, "odd.xaiproj"),
            Model = "odd.onnx",
            Board = "pynq-z2",
            Methods = methods,
            Numerics = "PerTensor",
            IgBaseline = "no-such-baseline.png",
        };
        return (ProjectValidator.Validate(properties, BoardCatalog.Load(RepositoryLayout.Boards), diagnostics), diagnostics);
    }
}
