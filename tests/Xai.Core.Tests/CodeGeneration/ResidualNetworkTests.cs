using Xai.Core.Tests.FpgaLatency;
using Xai.Planning;

namespace Xai.Core.Tests.CodeGeneration;

/// <summary>
/// The real stages on the torch export tiny_resnet.onnx (tests' Data; MLPerf Tiny's ResNet-8 in miniature: an
/// identity block and two projection blocks, batch norm folded at export, global average pool, Linear) with the
/// PNG whose torch logits and relevance the export wrote.
/// </summary>
public sealed class ResidualNetworkBuild : OddNetworkBuild
{
    public ResidualNetworkBuild()
        : base(new FileInfo(Relu6NetworkBuild.DataFile("tiny_resnet.onnx")), 11, 12, editModel: null, images: [Relu6NetworkBuild.DataFile("tiny_resnet.png")])
    {
    }
}

/// <summary>Residual joins and forks through the SDK, and the SDK's float C simulation against PyTorch for all three methods.</summary>
public sealed class ResidualNetworkTests(ResidualNetworkBuild build) : IClassFixture<ResidualNetworkBuild>
{
    [Fact]
    public void The_plan_runs_each_skip_convolution_after_its_main_branch_and_fuses_the_joins()
    {
        var layers = build.Plan.Layers;
        // stem, a1, a2 (+ stem), b1, b_skip (reads a2; the file computes it after b2, which moves behind it),
        // b2 (+ b_skip), c_skip (reads b2; the file computes it first), c1 (reads b2), c2 (+ c_skip), fc
        Assert.Equal(10, layers.Count);
        var joins = layers.Select(l => (l as ConvBlockLayer)?.ResidualFrom).ToArray();
        Assert.Equal(new int?[] { null, null, 1, null, null, 5, null, null, 7, null }, joins);
        var sources = layers.Select((l, k) => HardwareLayer.SourceOf(layers, k)).ToArray();
        Assert.Equal(new[] { 0, 1, 2, 3, 3, 4, 6, 6, 8, 9 }, sources);
        Assert.Equal(new[] { 1, 1, 1, 2, 2, 1, 2, 2, 1 }, layers.OfType<ConvBlockLayer>().Select(c => c.Conv.Stride).ToArray());
        // In BP a fork's later reader writes, the earlier adds: a1 (after the join's skip write), b1, c_skip.
        var writes = BackwardWrites.Of(layers);
        Assert.Equal(new[] { false, true, false, true, false, false, true, false, false, false }, writes.Accumulate);
        var header = File.ReadAllText(build.Layout.NetworkHeader);
        Assert.Contains("static const bool residual_paths = true;", header);
        Assert.Contains("static const int res_shift = NUM::act_exp(3) - NUM::act_exp(1), res_grad_shift = NUM::grad_exp(1) - NUM::grad_exp(3);", header);
        Assert.Contains("xai::conv_desc<conv3_config<NUM>>({w_conv3, a_conv2, a_conv3, g_2, g_3, 0, 0, a_conv1, g_1, false}),", header);
        Assert.Contains("xai::conv_desc<conv5_config<NUM>>({w_conv5, a_conv3, a_conv5, g_3, g_5, 0, 0}),", header);
        Assert.Contains("xai::conv_desc<conv4_config<NUM>>({w_conv4, a_conv3, a_conv4, g_3, g_4, 0, 0, 0, 0, true}),", header);
        Assert.Contains("act_in_exp = NUM::act_exp(3), act_shift = NUM::act_exp(5) - NUM::act_exp(3) - NUM::weight_exp(4);", header);
    }

    [Fact]
    public void The_float_C_simulation_gives_torchs_logits_and_each_methods_relevance_as_Captum_computes_it()
    {
        var outputs = Relu6NetworkTests.AssertFloatCSimulationMatchesTorch(build, "tiny_resnet.expected.json");
        Relu6NetworkTests.AssertPlannedDesignsExplainTheFloatClass(build, outputs);
    }

    [Fact]
    public void The_generated_networks_counts_equal_hls_libs_model() => EngineCycleModelTests.AssertGeneratedCountsEqual(build, "res");

    [Fact]
    public void The_testbench_runs_the_tops_with_synthesized_loops_and_they_reproduce_the_C_simulation_bit_for_bit()
    {
        var vendor = GridNetworkTests.WriteVariantSources(build, build.Plan with { DoubleBuffer = true }, "vendor-run-hls-loops");
        Assert.Contains("double_buffer = true", File.ReadAllText(vendor.Source("xai_network.h")));
        GridNetworkTests.AssertTopsReproduceTheCSimulation(vendor, build.Plan.Classes);
    }
}

/// <summary><see cref="ResidualNetworkBuild"/>'s network and image with Grad-CAM and Guided Grad-CAM on its last block (c2 in the export, after its join).</summary>
public sealed class ResidualGradCamBuild() : OddNetworkBuild(
    new FileInfo(Relu6NetworkBuild.DataFile("tiny_resnet.onnx")), 11, 12, editModel: null, images: [Relu6NetworkBuild.DataFile("tiny_resnet.png")],
    project: p => p with { Methods = "GradCam;GuidedGradCam" });

/// <summary>
/// Grad-CAM's whole map on a network with residual joins and forks: the BP that stops at the block, the map from the
/// arenas, the upsampling, and both tops against the C simulation. (hls-lib checks the stopped BP's gradient on its
/// res_net against the whole BP's, and the map against PyTorch on networks without joins.)
/// </summary>
public sealed class ResidualGradCamTests(ResidualGradCamBuild build) : IClassFixture<ResidualGradCamBuild>
{
    [Theory]
    [InlineData(Xai.Attribution.AttributionMethod.GradCam)]
    [InlineData(Xai.Attribution.AttributionMethod.GuidedGradCam)]
    public void The_tops_reproduce_the_C_simulation_bit_for_bit(Xai.Attribution.AttributionMethod method) =>
        GridNetworkTests.AssertMethodTopsReproduceTheCSimulation(build, method);

    [Fact]
    public void The_planned_map_follows_float_and_explains_the_same_class()
    {
        var csim = Xai.Stages.CSimStage.Load(build.Layout)!;
        var image = Assert.Single(csim.PerImage);
        Assert.Equal(image.FloatClass, image.Class);
        // The default block: the last convolution, c2, whose store adds c_skip's output (the join).
        var last = build.Plan.Layers.OfType<ConvBlockLayer>().Last();
        Assert.Equal(last.Name, build.Plan.Explanation.GradCamLayer);
        Assert.NotNull(last.ResidualFrom);
        Assert.All(csim.Fidelity, f => Assert.True(f.Value.SpearmanMin > 0.9, $"{f.Key}: rho {f.Value.SpearmanMin}"));
    }
}
