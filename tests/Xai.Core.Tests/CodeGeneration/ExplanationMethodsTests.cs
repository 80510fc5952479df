using Xai.Attribution;
using Xai.CodeGeneration;
using Xai.Fidelity;
using Xai.Planning;
using Xai.Simulation;
using Xai.Stages;

namespace Xai.Core.Tests.CodeGeneration;

/// <summary>hls-lib's odd network built with Saliency and the three multi-pass methods, small IG and SmoothGrad settings.</summary>
public sealed class ExplanationNetworkBuild() : OddNetworkBuild(
    new FileInfo(Path.Combine(RepositoryLayout.Root, "hls-lib", "tests", "data", "reference", "odd", "odd.onnx")), 14, 10, null, null,
    p => p with { Methods = "Saliency;InputXGradient;IntegratedGradients;SmoothGrad", IgSteps = "8", SmoothGradSamples = "4", SmoothGradSigma = "0.2" });

/// <summary>One build of <see cref="ExplanationNetworkBuild"/> for every test class that reads it.</summary>
[CollectionDefinition(Name)]
public sealed class ExplanationNetworkCollection : ICollectionFixture<ExplanationNetworkBuild>
{
    public const string Name = "explanation network";
}

/// <summary>
/// Input x Gradient, Integrated Gradients and SmoothGrad through the SDK: the plan and header carry their
/// parameters, the C simulation computes them (hls-lib's explain_test checks them against PyTorch), the
/// planned 16-bit designs follow float, and the generated tops reproduce the C simulation.
/// </summary>
[Collection(ExplanationNetworkCollection.Name)]
public sealed class ExplanationMethodsTests(ExplanationNetworkBuild build)
{
    private Dictionary<(int Image, NumericsProfile Profile, AttributionMethod Method), CSimOutput> Outputs() =>
        CSimResults.Read(Path.Combine(build.Layout.IntermediateDirectory, "csim-outputs.bin"), 2, build.Plan.Methods, build.Plan.Classes, build.Plan.InputShape.ElementCount);

    [Fact]
    public void The_plan_and_the_generated_header_carry_the_methods_parameters()
    {
        Assert.Equal(new ExplanationSettings(8, 4, 0.2), build.Plan.Explanation);
        var header = NetworkHeaderWriter.Write(build.Plan);
        Assert.Contains("static const unsigned ig_steps = 8;", header);
        Assert.Contains("static const unsigned smoothgrad_samples = 4;", header);
        Assert.Contains("static constexpr double smoothgrad_sigma = 0.2;", header);
        Assert.Contains("#define XAI_FOR_EACH_METHOD(X) X(Saliency) X(InputXGradient) X(IntegratedGradients) X(SmoothGrad)", header);
        var path = Path.Combine(build.Directory, "round-trip-plan.json");
        DesignPlanFile.Save(build.Plan, path);
        Assert.Equal(build.Plan.Explanation, DesignPlanFile.Load(path, build.Layout.FloatWeights).Explanation);
    }

    [Fact]
    public void Input_x_gradient_is_the_image_times_the_saliency_map_in_float()
    {
        var outputs = Outputs();
        var inputs = File.ReadAllBytes(Path.Combine(build.Layout.IntermediateDirectory, "csim-inputs.f32"));
        var n = build.Plan.InputShape.ElementCount;
        for (var k = 0; k < 2; k++)
        {
            var saliency = outputs[(k, NumericsProfile.Float, AttributionMethod.Saliency)].Relevance;
            var ixg = outputs[(k, NumericsProfile.Float, AttributionMethod.InputXGradient)].Relevance;
            for (var i = 0; i < n; i++)
            {
                var x = BitConverter.ToSingle(inputs, 4 * (k * n + i));
                Assert.Equal(x * saliency[i], ixg[i]);
            }
        }
    }

    [Fact]
    public void Every_method_reports_the_images_own_logits_and_the_multi_pass_maps_differ_from_saliency()
    {
        var outputs = Outputs();
        foreach (var method in build.Plan.Methods)
        {
            Assert.Equal(outputs[(0, NumericsProfile.Float, AttributionMethod.Saliency)].Logits, outputs[(0, NumericsProfile.Float, method)].Logits);
            Assert.Equal(outputs[(0, NumericsProfile.Float, AttributionMethod.Saliency)].Class, outputs[(0, NumericsProfile.Float, method)].Class);
        }

        var saliency = outputs[(0, NumericsProfile.Float, AttributionMethod.Saliency)].Relevance;
        Assert.NotEqual(saliency, outputs[(0, NumericsProfile.Float, AttributionMethod.IntegratedGradients)].Relevance);
        Assert.NotEqual(saliency, outputs[(0, NumericsProfile.Float, AttributionMethod.SmoothGrad)].Relevance);
    }

    [Fact]
    public void The_planned_16_bit_designs_explain_the_float_class_and_follow_the_float_maps()
    {
        var outputs = Outputs();
        Relu6NetworkTests.AssertPlannedDesignsExplainTheFloatClass(build, outputs);
        foreach (var method in build.Plan.Methods)
        {
            var fidelity = new FidelityMeasurement(method);
            for (var k = 0; k < 2; k++)
            {
                var f = outputs[(k, NumericsProfile.Float, method)];
                var p = outputs[(k, NumericsProfile.Planned, method)];
                fidelity.Add(f.Logits, p.Logits, f.Relevance, p.Relevance);
            }

            Assert.True(fidelity.Spearman.Min > 0.95, $"{method}: Spearman min {fidelity.Spearman.Min}");
        }
    }

    [Theory]
    [InlineData(AttributionMethod.IntegratedGradients)]
    [InlineData(AttributionMethod.SmoothGrad)]
    [InlineData(AttributionMethod.InputXGradient)]
    public void The_tops_of_a_multi_pass_method_reproduce_the_C_simulation_bit_for_bit(AttributionMethod method)
    {
        // The top's static_assert checks the relevance exponent the board runner is given against hls-lib's.
        var vendor = new VendorLayout(Path.Combine(build.Directory, "vendor-" + method));
        var sources = HlsSourcesStage.Run(build.Plan, method, inferenceVariant: true, null, build.Layout, vendor);
        Assert.True(sources.HasTestbenchData);
        Assert.Contains("xai_generated::explain<", File.ReadAllText(vendor.Source("xai_top.cpp")));
        GridNetworkTests.AssertTopsReproduceTheCSimulation(vendor, build.Plan.Classes);
    }

    [Theory]
    [InlineData(AttributionMethod.IntegratedGradients)]
    [InlineData(AttributionMethod.SmoothGrad)]
    public void A_multi_pass_top_runs_the_network_from_one_call_site_and_keeps_one_engine_of_each_kind(AttributionMethod method)
    {
        var vendor = new VendorLayout(Path.Combine(build.Directory, "vendor-census-" + method));
        HlsSourcesStage.Run(build.Plan, method, inferenceVariant: false, null, build.Layout, vendor);
        var check = Path.Combine(RepositoryLayout.Root, "hls-lib", "tests", "engine_instances", "check.sh");
        var census = ProcessRunner.Run("sh", [check, "g++", vendor.Source("xai_top.cpp"), "-I", OddNetworkBuild.HlsInclude], vendor.SourceDirectory, CancellationToken.None)!;
        Assert.True(census.ExitCode == 0, census.StandardOutput + census.StandardError);

        // Vitis HLS makes one copy of an inlined function per call site: the passes must share one call of the network.
        var script = $"g++ -std=c++17 -O0 -DXAI_HLS_LOOPS -Wno-unknown-pragmas -c xai_top.cpp -o top.o -I {OddNetworkBuild.HlsInclude} && objdump -dr -C top.o | grep -cE 'R_X86_64_(PLT32|PC32)[[:space:]]+xai_generated::pass_runner<.*>::operator\\(\\)'";
        var calls = ProcessRunner.Run("sh", ["-c", script], vendor.SourceDirectory, CancellationToken.None)!;
        Assert.Equal("1", calls.StandardOutput.Trim());
    }

    [Fact]
    public void The_C_simulation_reports_integrated_gradients_completeness_against_the_zero_baselines_logits()
    {
        var csim = CSimStage.Load(build.Layout)!;
        var c = csim.Completeness!;
        Assert.Equal(2, c.Images);
        var outputs = Outputs();
        var baseline = CSimResults.Read(Path.Combine(build.Layout.IntermediateDirectory, "csim-baseline-outputs.bin"), 1, build.Plan.Methods, build.Plan.Classes, build.Plan.InputShape.ElementCount);
        var floatGaps = Enumerable.Range(0, 2).Select(k =>
        {
            var run = outputs[(k, NumericsProfile.Float, AttributionMethod.IntegratedGradients)];
            var f0 = baseline[(0, NumericsProfile.Float, AttributionMethod.IntegratedGradients)].Logits[run.Class];
            return Math.Abs(run.Relevance.Sum(r => (double)r) - (run.Logits[run.Class] - f0)) / Math.Abs(run.Logits[run.Class] - f0);
        }).ToList();
        Assert.Equal(Math.Round(floatGaps.Max(), 6), c.FloatMax);
        Assert.True(c.PlannedMax is > 0 and < 1, $"planned gap {c.PlannedMax}");
        Assert.All(csim.PerImage, i => Assert.NotNull(i.Methods["IntegratedGradients"].CompletenessGap));
        Assert.All(csim.PerImage, i => Assert.Null(i.Methods["SmoothGrad"].CompletenessGap));
    }

    [Fact]
    public void The_C_simulation_times_each_method_and_integrated_gradients_costs_more_than_saliency()
    {
        var times = CSimStage.Load(build.Layout)!.PlannedSecondsPerImage;
        Assert.Equal(build.Plan.Methods.Select(m => m.ToString()), times.Keys);
        Assert.All(times.Values, t => Assert.True(t > 0));
        // 8 FP + BP passes and an FP against one FP + BP: far beyond any timing noise.
        Assert.True(times["IntegratedGradients"] > 2 * times["Saliency"], $"{times["IntegratedGradients"]} s vs {times["Saliency"]} s");
    }

    [Fact]
    public void The_completeness_gap_is_relative_to_the_logit_difference()
    {
        Assert.Equal(0.25, CompletenessGap.Of([1f, 0.5f], [0f, 3f], [0f, 1f], 1), 12);
        Assert.True(double.IsNaN(CompletenessGap.Of([1f], [2f], [2f], 0)));
    }

    [Fact]
    public void The_schedules_count_the_passes_and_the_exponent_of_x_times_g()
    {
        var settings = new ExplanationSettings(8, 4, 0.2);
        Assert.Equal((1, 1, false), Passes(ExplanationSchedule.For(AttributionMethod.GuidedBackprop, settings)));
        Assert.Equal((1, 1, true), Passes(ExplanationSchedule.For(AttributionMethod.InputXGradient, settings)));
        Assert.Equal((8, 9, true), Passes(ExplanationSchedule.For(AttributionMethod.IntegratedGradients, settings)));
        Assert.Equal((4, 5, true), Passes(ExplanationSchedule.For(AttributionMethod.SmoothGrad, settings)));
        var profile = build.Plan.Numerics[AttributionMethod.IntegratedGradients];
        var schedule = ExplanationSchedule.For(AttributionMethod.IntegratedGradients, settings);
        // The planner scales the image into [1, 2): it needs 2 integer bits, x * g shifts by 1.
        Assert.Equal(2, ImageRange.IntegerBits(build.Plan, profile));
        Assert.Equal(profile.GradientExponents[0] + profile.ActivationExponents[0] - 1, build.Plan.AttributionExponent(AttributionMethod.IntegratedGradients, profile));
        Assert.Equal(profile.GradientExponents[0], build.Plan.AttributionExponent(AttributionMethod.SmoothGrad, profile));
        // The paper's <16,8> holds images up to 128, but these are below 2: a shift by 1, not by 7.
        Assert.Equal(2, ImageRange.IntegerBits(build.Plan, build.Plan.PaperNumerics));

        static (int Backward, int Forward, bool MultiPass) Passes(ExplanationSchedule s) => (s.BackwardPasses, s.ForwardPasses, s.MultiPass);
    }
}
