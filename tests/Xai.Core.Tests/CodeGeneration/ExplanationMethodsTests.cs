using Xai.Attribution;
using Xai.CodeGeneration;
using Xai.Diagnostics;
using Xai.FpgaLatency;
using Xai.Fidelity;
using Xai.Model;
using Xai.Planning;
using Xai.Simulation;
using Xai.Stages;

namespace Xai.Core.Tests.CodeGeneration;

/// <summary>hls-lib's odd network built with Saliency, the three multi-pass methods and the two Grad-CAMs, small IG and SmoothGrad settings.</summary>
public sealed class ExplanationNetworkBuild() : OddNetworkBuild(
    new FileInfo(Path.Combine(RepositoryLayout.Root, "hls-lib", "tests", "data", "reference", "odd", "odd.onnx")), 14, 10, null, null,
    p => p with { Methods = "Saliency;InputXGradient;IntegratedGradients;SmoothGrad;GradCam;GuidedGradCam", IgSteps = "8", SmoothGradSamples = "4", SmoothGradSigma = "0.2" });

/// <summary>One build of <see cref="ExplanationNetworkBuild"/> for every test class that reads it.</summary>
[CollectionDefinition(Name)]
public sealed class ExplanationNetworkCollection : ICollectionFixture<ExplanationNetworkBuild>
{
    public const string Name = "explanation network";
}

/// <summary>
/// Input x Gradient, Integrated Gradients, SmoothGrad, Grad-CAM and Guided Grad-CAM through the SDK: the plan and header carry their
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
        // XaiGradCamLayer empty: the last convolution block, conv2 (block 1) of the odd network, [7,2,3] after its pool.
        Assert.Equal(new ExplanationSettings(8, 4, 0.2, GradCamLayer: "conv2", PassSums: PassSumsPlacement.OnChip), build.Plan.Explanation);
        var header = NetworkHeaderWriter.Write(build.Plan);
        Assert.Contains("static const unsigned ig_steps = 8;", header);
        Assert.Contains("static const unsigned smoothgrad_samples = 4;", header);
        Assert.Contains("static constexpr double smoothgrad_sigma = 0.2;", header);
        Assert.Contains("#define XAI_FOR_EACH_METHOD(X) X(Saliency) X(InputXGradient) X(IntegratedGradients) X(SmoothGrad) X(GradCam) X(GuidedGradCam)", header);
        Assert.Contains("static const unsigned gradcam_layer = 1, gradcam_channels = 7, gradcam_height = 2, gradcam_width = 3;", header);
        Assert.Contains("static const unsigned gradcam_act_at = a_conv2, gradcam_grad_at = g_2;", header);
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

    [Fact]
    public void Grad_cam_is_one_picture_over_the_channels_and_never_negative()
    {
        var outputs = Outputs();
        var plane = build.Plan.InputShape.Height * build.Plan.InputShape.Width;
        foreach (var profile in new[] { NumericsProfile.Float, NumericsProfile.Planned })
        {
            for (var k = 0; k < 2; k++)
            {
                var cam = outputs[(k, profile, AttributionMethod.GradCam)].Relevance;
                Assert.Contains(cam, r => r > 0);
                for (var i = 0; i < cam.Length; i++)
                {
                    Assert.True(cam[i] >= 0, $"{profile} image {k} element {i}: {cam[i]}");
                    Assert.Equal(cam[i % plane], cam[i]);
                }

                Assert.Contains(outputs[(k, profile, AttributionMethod.GuidedGradCam)].Relevance, r => r != 0);
            }
        }
    }

    [Fact]
    public void The_rounded_input_profile_is_float_on_the_image_as_the_planned_formats_store_it()
    {
        var n = build.Plan.InputShape.ElementCount;
        var methods = build.Plan.Methods;
        var inputs = CSimResults.ReadFloats(Path.Combine(build.Layout.IntermediateDirectory, "csim-inputs.f32")).Chunk(n).ToList();
        var (pixels, cancel) = (build.Plan.ScheduleOf(AttributionMethod.GradCam).LayerMap!.Value.Pixels, CancellationToken.None);
        var batch = CSimProgram.Prepare(build.Layout.SimulationProgram, build.Layout.FloatWeights, inputs, -1, sameClass: true, build.Directory, "rounded", layerMaps: true, roundedInput: true);
        var outputs = CSimProgram.RunBatch(batch, methods, build.Plan.Classes, cancel).Outputs;
        var maps = batch.ReadLayerMaps(pixels);
        var plain = CSimProgram.Prepare(build.Layout.SimulationProgram, build.Layout.FloatWeights, inputs, -1, sameClass: true, build.Directory, "plain", layerMaps: true);
        var without = CSimProgram.RunBatch(plain, methods, build.Plan.Classes, cancel).Outputs;
        var plainMaps = plain.ReadLayerMaps(pixels);

        // An image rounded here from the plan, as the host writes it (stored = x * 2^A_0 in the method's activation format).
        float[] Rounded(AttributionMethod method, float[] x)
        {
            var format = build.Plan.Numerics[method].Activation;
            var scale = Math.Pow(2, build.Plan.Numerics[method].ActivationExponents[0]);
            return x.Select(v => (float)(format.QuantizeToRaw(v * scale) * format.Resolution / scale)).ToArray();
        }

        for (var k = 0; k < inputs.Count; k++)
        {
            // The first three profiles are what a run without it writes, and the fourth explains the class they explain.
            foreach (var profile in CSimResults.Written(roundedInput: false))
            {
                Assert.Equal(plainMaps[(k, profile)], maps[(k, profile)]);
                foreach (var method in methods)
                {
                    Assert.Equal(without[(k, profile, method)].Relevance, outputs[(k, profile, method)].Relevance);
                }
            }

            foreach (var method in methods)
            {
                // The image rounded here, then run alone through float for the class float gave the image itself.
                var rounded = Rounded(method, inputs[k]);
                Assert.True(rounded.Zip(inputs[k]).Count(p => p.First != p.Second) > n / 4, "the image lies on the input grid: the test would prove nothing");
                var target = outputs[(k, NumericsProfile.Float, method)].Class;
                var aloneBatch = CSimProgram.Prepare(build.Layout.SimulationProgram, build.Layout.FloatWeights, [rounded], target, sameClass: false, build.Directory, "rounded-alone", layerMaps: true);
                var alone = CSimProgram.RunBatch(aloneBatch, methods, build.Plan.Classes, cancel).Outputs[(0, NumericsProfile.Float, method)];
                if (method == AttributionMethod.GradCam)
                {
                    Assert.Equal(aloneBatch.ReadLayerMaps(pixels)[(0, NumericsProfile.Float)], maps[(k, NumericsProfile.FloatRoundedInput)]);
                }

                var reported = outputs[(k, NumericsProfile.FloatRoundedInput, method)];
                Assert.Equal(target, reported.Class);
                Assert.Equal(alone.Logits, reported.Logits);
                Assert.Equal(alone.Relevance, reported.Relevance);
            }

            // Saliency's map is the same unless a ReLU flips (the network is piecewise linear); x * g moves with x.
            Assert.NotEqual(outputs[(k, NumericsProfile.Float, AttributionMethod.InputXGradient)].Relevance, outputs[(k, NumericsProfile.FloatRoundedInput, AttributionMethod.InputXGradient)].Relevance);
        }

        // An explicit class that is not the prediction: the fourth profile explains it too (not its own prediction).
        {
            var predicted = without[(0, NumericsProfile.Float, AttributionMethod.InputXGradient)].Class;
            var other = (predicted + 1) % build.Plan.Classes;
            var explicitRun = CSimProgram.Run(build.Layout.SimulationProgram, build.Layout.FloatWeights, [inputs[0]], other, sameClass: false, build.Directory, "rounded-other",
                methods, build.Plan.Classes, cancel);
            Assert.Equal(other, explicitRun[(0, NumericsProfile.Float, AttributionMethod.InputXGradient)].Class);
            var rounded = Rounded(AttributionMethod.InputXGradient, inputs[0]);
            var withRounded = CSimProgram.RunBatch(CSimProgram.Prepare(build.Layout.SimulationProgram, build.Layout.FloatWeights, [inputs[0]], other, sameClass: false,
                build.Directory, "rounded-other-4", roundedInput: true), methods, build.Plan.Classes, cancel).Outputs[(0, NumericsProfile.FloatRoundedInput, AttributionMethod.InputXGradient)];
            var solo = CSimProgram.Run(build.Layout.SimulationProgram, build.Layout.FloatWeights, [rounded], other, sameClass: false, build.Directory, "rounded-other-solo",
                methods, build.Plan.Classes, cancel)[(0, NumericsProfile.Float, AttributionMethod.InputXGradient)];
            Assert.Equal(other, withRounded.Class);
            Assert.Equal(solo.Relevance, withRounded.Relevance);
        }

        // And fidelity reads it as a reference: float against itself would be 1 everywhere; the rounding moves it.
        var fidelity = new ProfileFidelity(methods);
        for (var k = 0; k < inputs.Count; k++)
        {
            fidelity.Add(outputs, k);
        }

        Assert.All(methods, m => Assert.Equal(inputs.Count, fidelity.RoundedInput[m].Images));
        Assert.Contains(methods, m => fidelity.RoundedInput[m].Spearman.Min < 1);
    }

    [Fact]
    public void The_C_simulation_gives_grad_cams_map_at_its_blocks_resolution_which_upsampled_is_the_map_it_writes()
    {
        var n = build.Plan.InputShape.ElementCount;
        var inputs = CSimResults.ReadFloats(Path.Combine(build.Layout.IntermediateDirectory, "csim-inputs.f32")).Chunk(n).ToList();
        var batch = CSimProgram.Prepare(build.Layout.SimulationProgram, build.Layout.FloatWeights, inputs, -1, sameClass: true, build.Directory, "native", layerMaps: true);
        var outputs = CSimProgram.RunBatch(batch, build.Plan.Methods, build.Plan.Classes, CancellationToken.None).Outputs;
        var (channels, pixels) = build.Plan.ScheduleOf(AttributionMethod.GradCam).LayerMap!.Value;
        Assert.Equal((7, 6), (channels, pixels));
        var maps = batch.ReadLayerMaps(pixels);
        for (var k = 0; k < 2; k++)
        {
            foreach (var profile in CSimResults.Written(roundedInput: false))
            {
                Assert.All(maps[(k, profile)], v => Assert.True(v >= 0));
            }

            // The float map [2,3] upsampled to 10 x 14 as PyTorch's bilinear (align_corners=False) is the float relevance
            // of channel 0 up to the per-image power of two the design scales it by.
            var native = maps[(k, NumericsProfile.Float)];
            Assert.Contains(native, v => v > 0);
            var relevance = outputs[(k, NumericsProfile.Float, AttributionMethod.GradCam)].Relevance;
            var up = Bilinear(native, 2, 3, 10, 14);
            var scale = relevance.Zip(up).Where(p => p.Second > 1e-6 * up.Max()).Select(p => p.First / p.Second).ToList();
            Assert.Equal(Math.Pow(2, Math.Round(Math.Log2(scale[0]))), scale[0], 3);
            Assert.All(scale, s => Assert.Equal(scale[0], s, scale[0] * 1e-4));

            // The planned design's own map follows float's at the block's resolution.
            Assert.True(FidelityMeasurement.Rho(AttributionMethod.GradCam, native, maps[(k, NumericsProfile.Planned)]) > 0.9);
        }

        static double[] Bilinear(float[] map, int h, int w, int outH, int outW)
        {
            static (int I0, int I1, double L) Source(int dst, int size, int outSize)
            {
                var x = Math.Max((dst + 0.5) * size / outSize - 0.5, 0);
                var i0 = (int)Math.Floor(x);
                return (i0, Math.Min(i0 + 1, size - 1), x - i0);
            }

            var result = new double[outH * outW];
            for (var y = 0; y < outH; y++)
            {
                var (y0, y1, ly) = Source(y, h, outH);
                for (var x = 0; x < outW; x++)
                {
                    var (x0, x1, lx) = Source(x, w, outW);
                    var top = (1 - lx) * map[y0 * w + x0] + lx * map[y0 * w + x1];
                    var bottom = (1 - lx) * map[y1 * w + x0] + lx * map[y1 * w + x1];
                    result[y * outW + x] = (1 - ly) * top + ly * bottom;
                }
            }

            return result;
        }
    }

    [Theory]
    [InlineData(AttributionMethod.IntegratedGradients)]
    [InlineData(AttributionMethod.SmoothGrad)]
    [InlineData(AttributionMethod.InputXGradient)]
    [InlineData(AttributionMethod.GradCam)]
    [InlineData(AttributionMethod.GuidedGradCam)]
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
    [InlineData(AttributionMethod.GuidedGradCam)]
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
    public void A_grad_cam_layer_that_is_not_a_convolution_block_is_XAI1018_and_names_the_ones_that_are()
    {
        var layers = build.Plan.Layers;
        Assert.Equal(["conv1", "conv2", "fc3", "fc4"], layers.Select(l => l.Name));
        Assert.Equal("conv1", GradCamLayer.Resolve(layers, " conv1 ", "odd.xaiproj"));
        Assert.Equal("conv2", GradCamLayer.Resolve(layers, null, "odd.xaiproj"));
        var dense = Assert.Throws<XaiException>(() => GradCamLayer.Resolve(layers, "fc3", "odd.xaiproj"));
        Assert.Equal("XAI1018", dense.Code);
        Assert.Equal("odd.xaiproj", dense.Diagnostic.File);
        Assert.Contains("'XaiGradCamLayer' is 'fc3', a block of the network but not a convolution", dense.Message);
        Assert.Contains("conv1, conv2 (empty = conv2, the last)", dense.Message);
        var missing = Assert.Throws<XaiException>(() => GradCamLayer.Resolve(layers, "conv9", "odd.xaiproj"));
        Assert.Contains("'conv9', not a block of the network", missing.Message);
        Assert.Null(GradCamLayer.Resolve([.. layers.Where(l => l is not ConvBlockLayer)], null, "odd.xaiproj"));
        var none = Assert.Throws<XaiException>(() => GradCamLayer.Resolve([.. layers.Where(l => l is not ConvBlockLayer)], null, "odd.xaiproj", needed: true));
        Assert.Equal("XAI1018", none.Code);
        Assert.Contains("no convolution block", none.Message);

        // 513 channels: beyond the 48-bit channel sum in the paper format; 512 fit.
        static ConvBlockLayer Block(string name, int channels) => new(name,
            new Conv2dLayer(name, TensorShape.FeatureMap(1, 4, 4), channels, 1, 0, new float[channels], new float[channels]), true, false, TensorShape.FeatureMap(channels, 4, 4));
        Assert.Equal("narrow", GradCamLayer.Resolve([Block("narrow", 512)], null, "p.xaiproj", needed: true));
        var wide = Assert.Throws<XaiException>(() => GradCamLayer.Resolve([Block("narrow", 512), Block("wide", 513)], null, "p.xaiproj", needed: true));
        Assert.Contains("'wide', whose 513 channels are more than the 512", wide.Message);
        Assert.Contains("at most 512 channels: narrow", wide.Message);
        Assert.Equal("wide", GradCamLayer.Resolve([Block("wide", 513)], null, "p.xaiproj"));
    }

    [Fact]
    public void The_schedules_count_the_passes_and_the_exponent_of_x_times_g()
    {
        var settings = new ExplanationSettings(8, 4, 0.2);
        Assert.Equal((1, 1, false), Passes(ExplanationSchedule.For(AttributionMethod.GuidedBackprop, settings)));
        Assert.Equal((1, 1, true), Passes(ExplanationSchedule.For(AttributionMethod.InputXGradient, settings)));
        Assert.Equal((8, 9, true), Passes(ExplanationSchedule.For(AttributionMethod.IntegratedGradients, settings)));
        Assert.Equal((4, 5, true), Passes(ExplanationSchedule.For(AttributionMethod.SmoothGrad, settings)));
        Assert.Equal((1, 1, false), Passes(ExplanationSchedule.For(AttributionMethod.GradCam, settings)));
        Assert.Equal((2, 2, false), Passes(ExplanationSchedule.For(AttributionMethod.GuidedGradCam, settings)));
        Assert.Equal((7, 6), build.Plan.ScheduleOf(AttributionMethod.GradCam).LayerMap);
        // Grad-CAM's pass: the FP and the BP of fc3 and fc4 only, plus the map's sweeps (2 x 7 x 6 + 420 cycles).
        var model = LatencyModel.Estimate(build.Plan);
        var cam = MethodLatency.Ms(build.Plan, build.Plan.ScheduleOf(AttributionMethod.GradCam), model);
        var denseBackward = model.Layers.Where(l => l.Name is "fc3" or "fc4").Sum(l => l.Backward.Total);
        Assert.Equal(model.Milliseconds(model.Forward.Total + denseBackward + 2 * 7 * 6 + 420), cam, 12);
        Assert.True(cam < model.FpBpMs, $"{cam} ms vs FP + BP {model.FpBpMs} ms");
        Assert.Equal(cam + model.FpBpMs, MethodLatency.Ms(build.Plan, build.Plan.ScheduleOf(AttributionMethod.GuidedGradCam), model), 12);
        Assert.Equal(model.FpBpMs, MethodLatency.Ms(build.Plan, build.Plan.ScheduleOf(AttributionMethod.Saliency), model), 12);
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
