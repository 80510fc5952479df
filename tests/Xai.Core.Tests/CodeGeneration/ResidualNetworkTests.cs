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
