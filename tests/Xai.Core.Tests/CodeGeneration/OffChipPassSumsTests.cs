using Xai.Attribution;
using Xai.CodeGeneration;
using Xai.FpgaLatency;
using Xai.FpgaResources;
using Xai.Planning;
using Xai.Simulation;
using Xai.Stages;

namespace Xai.Core.Tests.CodeGeneration;

/// <summary>
/// <see cref="ExplanationNetworkBuild"/>'s project with XaiPassSums OffChip: the same images, methods, parameters and engines
/// (4x4, fc 16), on the Ultra96-V2, since on the Pynq-Z2 the sums port's AXI master takes the 4x4 array over the LUT model.
/// </summary>
public sealed class OffChipSumsNetworkBuild() : OddNetworkBuild(
    new FileInfo(Path.Combine(RepositoryLayout.Root, "hls-lib", "tests", "data", "reference", "odd", "odd.onnx")), 14, 10, null, null,
    p => p with
    {
        Board = "ultra96-v2",
        ConvParallelism = "4x4",
        FcTile = "16",
        Methods = "Saliency;InputXGradient;IntegratedGradients;SmoothGrad;GradCam;GuidedGradCam",
        IgSteps = "8",
        SmoothGradSamples = "4",
        SmoothGradSigma = "0.2",
        PassSums = "OffChip",
    });

/// <summary>
/// The multi-pass methods with their pass input and sums in DRAM (XaiPassSums OffChip; hls-lib's explain_config::sums_off_chip):
/// the plan, header and top carry it, the results are the on-chip build's bit for bit, the top with the sums port reproduces the
/// C simulation, and the models count it (no BRAM for the buffers, one more AXI master, DRAM waits per pass).
/// </summary>
[Collection(ExplanationNetworkCollection.Name)]
public sealed class OffChipPassSumsTests(ExplanationNetworkBuild onChip, OffChipSumsNetworkBuild build) : IClassFixture<OffChipSumsNetworkBuild>
{
    [Fact]
    public void The_plan_header_and_top_keep_the_pass_input_and_the_sums_behind_ports_of_their_own()
    {
        Assert.Equal(PassSumsPlacement.OffChip, build.Plan.Explanation.PassSums);
        Assert.Equal(PassSumsPlacement.OnChip, onChip.Plan.Explanation.PassSums); // Auto: the odd network's buffers fit the Pynq-Z2
        Assert.All(new[] { AttributionMethod.InputXGradient, AttributionMethod.IntegratedGradients, AttributionMethod.SmoothGrad },
            m => Assert.True(build.Plan.ScheduleOf(m).SumsOffChip, m.ToString()));
        Assert.False(build.Plan.ScheduleOf(AttributionMethod.GradCam).SumsOffChip);

        // The arenas do not change: the pass input has a port of its own (the network's image copy then reads another argument).
        Assert.Equal(ArenaLayout.For(onChip.Plan).ActArena, ArenaLayout.For(build.Plan).ActArena);
        var header = File.ReadAllText(build.Layout.NetworkHeader);
        Assert.Contains("static const bool sums_off_chip = true;", header);
        Assert.Contains("const xai::pass_memory<NUM> memory = {pass_input, sums};", header);
        Assert.DoesNotContain("static const bool sums_off_chip", File.ReadAllText(onChip.Layout.NetworkHeader));

        var sizes = NetworkMemorySizes.For(build.Plan);
        var ig = HlsTopDesign.For(HlsTopVariant.Explain, AttributionMethod.IntegratedGradients, sizes);
        Assert.Equal(new HlsTopPort(HlsTopDesign.PassInputPort, "gmem_act", 420), ig.MasterPorts[^2]);
        Assert.Equal(new HlsTopPort(HlsTopDesign.SumsPort, "gmem_sums", 420), ig.MasterPorts[^1]);
        Assert.Contains("m_axi_gmem_sums", ig.MasterInterfaces);
        Assert.DoesNotContain(HlsTopDesign.For(HlsTopVariant.Inference, AttributionMethod.IntegratedGradients, sizes).MasterPorts, p => p.Name == HlsTopDesign.SumsPort);
        Assert.DoesNotContain(HlsTopDesign.For(HlsTopVariant.Explain, AttributionMethod.GradCam, sizes).MasterPorts, p => p.Name == HlsTopDesign.SumsPort);

        var path = Path.Combine(build.Directory, "round-trip-plan.json");
        DesignPlanFile.Save(build.Plan, path);
        Assert.Equal(build.Plan.Explanation, DesignPlanFile.Load(path, build.Layout.FloatWeights).Explanation);
    }

    [Fact]
    public void The_C_simulation_gives_the_on_chip_builds_results_bit_for_bit_in_every_profile()
    {
        var methods = build.Plan.Methods;
        foreach (var (method, profile) in onChip.Plan.Numerics) // calibration ran the same arithmetic
        {
            var other = build.Plan.Numerics[method];
            Assert.Equal((profile.Activation, profile.Weight, profile.Gradient, profile.GradientAccumulator), (other.Activation, other.Weight, other.Gradient, other.GradientAccumulator));
            Assert.Equal(profile.GradientExponents, other.GradientExponents);
            Assert.Equal(profile.ActivationExponents, other.ActivationExponents);
            Assert.Equal(profile.WeightExponents, other.WeightExponents);
        }

        var read = (OddNetworkBuild b) => CSimResults.Read(Path.Combine(b.Layout.IntermediateDirectory, "csim-outputs.bin"), 2, methods, b.Plan.Classes, 420);
        var on = read(onChip);
        var off = read(build);
        Assert.Equal(on.Keys.Order(), off.Keys.Order());
        foreach (var key in on.Keys)
        {
            Assert.Equal(on[key].Class, off[key].Class);
            Assert.Equal(on[key].Logits, off[key].Logits);
            Assert.Equal(on[key].Relevance, off[key].Relevance);
        }

        Assert.Contains(on.Keys, k => k.Method == AttributionMethod.IntegratedGradients && on[k].Relevance.Any(v => v != 0));
    }

    [Theory]
    [InlineData(AttributionMethod.IntegratedGradients)]
    [InlineData(AttributionMethod.SmoothGrad)]
    public void The_top_with_the_sums_port_reproduces_the_C_simulation_bit_for_bit(AttributionMethod method)
    {
        var vendor = new VendorLayout(Path.Combine(build.Directory, "vendor-" + method));
        var sources = HlsSourcesStage.Run(build.Plan, method, inferenceVariant: true, null, build.Layout, vendor);
        Assert.True(sources.HasTestbenchData);
        var top = File.ReadAllText(vendor.Source("xai_top.cpp"));
        Assert.Contains("#pragma HLS INTERFACE m_axi port=sums offset=slave bundle=gmem_sums depth=420", top);
        Assert.Contains("xai_generated::top_sum_t sums[420]", top);
        Assert.Contains("#pragma HLS INTERFACE m_axi port=pass_input offset=slave bundle=gmem_act depth=420", top);
        GridNetworkTests.AssertTopsReproduceTheCSimulation(vendor, build.Plan.Classes);
    }

    [Fact]
    public void The_buffers_cost_no_bram_but_an_axi_master_and_each_pass_waits_on_dram()
    {
        var shape = EngineShape.For(build.Plan);
        var on = onChip.Plan.ScheduleOf(AttributionMethod.IntegratedGradients);
        var off = build.Plan.ScheduleOf(AttributionMethod.IntegratedGradients);
        // The port's adapter and one chunk of 256 48-bit sums on chip (two 18 Kib blocks side by side: 512 x 36 and 512 x 18).
        Assert.Equal(ResourceModel.SumsPort.Bram18K + 2, ResourceModel.ExplanationBram18K(off, 420, shape.AccumulatorBits));
        var engines = ResourceModel.Estimate(shape);
        var estimate = ResourceModel.Estimate(shape, [off], 420);
        Assert.Equal(engines.Lut + ResourceModel.SumsPort.Lut, estimate.Lut);
        Assert.Equal(engines.Ff + ResourceModel.SumsPort.Ff, estimate.Ff);
        var onEstimate = ResourceModel.Estimate(shape, [on], 420);
        Assert.Equal((engines.Lut, engines.Ff), (onEstimate.Lut, onEstimate.Ff));
        Assert.Equal(engines.Bram18K + ResourceModel.ExplanationBram18K(on, 420, shape.AccumulatorBits), onEstimate.Bram18K);

        // 8 steps: 9 network passes form their input, 8 add their gradient. Off chip: a write response per zeroing and forming;
        // the 420 sums are added in chunks of 256 and 164, each a read loop and a write loop (entry 2, depth 3) with a read
        // latency and a write response (30 cycles each at 100 MHz) and its outer iteration, where on chip one loop of 420 ran.
        var dram = DramTiming.At(100);
        long chunks = (1 + 256 + 5 + 30 + 256 + 5 + 30) + (1 + 164 + 5 + 30 + 164 + 5 + 30);
        Assert.Equal(30 + 9 * 30 + 8 * (chunks - (420 + 5)), MethodLatency.MultiPassDriverCycles(off, 420, dram) - MethodLatency.MultiPassDriverCycles(on, 420, dram));
        var model = LatencyModel.Estimate(build.Plan);
        Assert.Equal(8 * model.FpBpMs + model.FpMs + model.Milliseconds(MethodLatency.MultiPassDriverCycles(off, 420, DramTiming.At(model.ClockMHz))),
            MethodLatency.Ms(build.Plan, off, model), 12);
    }
}
