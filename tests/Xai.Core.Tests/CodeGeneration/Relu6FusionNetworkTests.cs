using Xai.Attribution;
using Xai.Core.Tests.FpgaLatency;
using Xai.Planning;
using Xai.Simulation;
using Xai.Stages;

namespace Xai.Core.Tests.CodeGeneration;

/// <summary>
/// The real stages on the torch export tiny_relu6pool.onnx (tests' Data: twice a 'same' convolution, batch norm,
/// ReLU6 and a 2x2 max pool fused into the store - outputs clipping at 6 and windows tying there -, Linear).
/// </summary>
public sealed class Relu6PoolNetworkBuild : OddNetworkBuild
{
    public Relu6PoolNetworkBuild()
        : base(new FileInfo(Relu6NetworkBuild.DataFile("tiny_relu6pool.onnx")), 13, 14, editModel: null, images: [Relu6NetworkBuild.DataFile("tiny_relu6pool.png")])
    {
    }
}

/// <summary>ReLU6 before a fused max pool: the store clips, then pools; BP's clip rule is read at the window's winner.</summary>
public sealed class Relu6PoolNetworkTests(Relu6PoolNetworkBuild build) : IClassFixture<Relu6PoolNetworkBuild>
{
    [Fact]
    public void Each_ReLU6_and_its_pool_fuse_into_the_convolution()
    {
        var convs = build.Plan.Layers.OfType<ConvBlockLayer>().ToList();
        Assert.Equal(2, convs.Count);
        Assert.All(convs, c => Assert.True(c.Relu6 && c.Pool));
        Assert.DoesNotContain(build.Plan.Layers, l => l is PoolBlockLayer);
    }

    [Fact]
    public void The_float_C_simulation_gives_torchs_logits_and_each_methods_relevance_as_Captum_computes_it()
    {
        var outputs = Relu6NetworkTests.AssertFloatCSimulationMatchesTorch(build, "tiny_relu6pool.expected.json");
        Relu6NetworkTests.AssertPlannedDesignsExplainTheFloatClass(build, outputs);
    }

    [Fact]
    public void The_generated_networks_counts_equal_hls_libs_model() => EngineCycleModelTests.AssertGeneratedCountsEqual(build, "relu6pool");

    [Fact]
    public void The_testbench_runs_the_tops_with_synthesized_loops_and_they_reproduce_the_C_simulation_bit_for_bit()
    {
        var vendor = new VendorLayout(Path.Combine(build.Directory, "vendor-run-hls-loops"));
        var sources = HlsSourcesStage.Run(build.Plan, AttributionMethod.Saliency, inferenceVariant: true, null, build.Layout, vendor);
        Assert.True(sources.HasTestbenchData);
        GridNetworkTests.AssertTopsReproduceTheCSimulation(vendor, build.Plan.Classes);
    }
}

/// <summary>
/// The real stages on the torch export tiny_denserelu6.onnx (tests' Data: a 'same' convolution, ReLU and 2x2 max pool, then
/// Linear + ReLU6 with weights that make several outputs clip at 6, and the logits' Linear).
/// </summary>
public sealed class DenseRelu6NetworkBuild : OddNetworkBuild
{
    public DenseRelu6NetworkBuild()
        : base(new FileInfo(Relu6NetworkBuild.DataFile("tiny_denserelu6.onnx")), 11, 12, editModel: null, images: [Relu6NetworkBuild.DataFile("tiny_denserelu6.png")])
    {
    }
}

/// <summary>A dense layer's ReLU6, fused into the vector-matrix engine's store; its mask kept on chip for every method.</summary>
public sealed class DenseRelu6NetworkTests(DenseRelu6NetworkBuild build) : IClassFixture<DenseRelu6NetworkBuild>
{
    [Fact]
    public void The_ReLU6_fuses_into_the_dense_block_and_its_mask_is_kept_for_every_method()
    {
        var dense = build.Plan.Layers.OfType<DenseBlockLayer>().ToList();
        Assert.Equal(2, dense.Count);
        Assert.True(dense[0].Relu6 && dense[0].Relu);
        Assert.False(dense[1].Relu);
        Assert.Contains("static const bool relu6 = true; static const int act_out_exp = NUM::act_exp(2);", File.ReadAllText(build.Layout.NetworkHeader));
        // DeconvNet needs no ReLU mask, but ReLU6's clip rule does: its 12 bits stay on chip in every method.
        Assert.Equal(12, MemoryAccounting.For(build.Plan.Layers, AttributionMethod.DeconvNet).ReluMaskBits);
        Assert.Equal(12, MemoryAccounting.For(build.Plan.Layers, AttributionMethod.Saliency).ReluMaskBits);
        var roundTrip = DesignPlanFile.Load(build.Layout.NetworkPlanFile, build.Layout.FloatWeights);
        Assert.True(roundTrip.Layers[1].Relu6);
    }

    [Fact]
    public void The_float_C_simulation_gives_torchs_logits_and_each_methods_relevance_as_Captum_computes_it()
    {
        var outputs = Relu6NetworkTests.AssertFloatCSimulationMatchesTorch(build, "tiny_denserelu6.expected.json");
        Relu6NetworkTests.AssertPlannedDesignsExplainTheFloatClass(build, outputs);
    }

    [Fact]
    public void The_testbench_runs_the_tops_with_synthesized_loops_and_they_reproduce_the_C_simulation_bit_for_bit()
    {
        var vendor = new VendorLayout(Path.Combine(build.Directory, "vendor-run-hls-loops"));
        var sources = HlsSourcesStage.Run(build.Plan, AttributionMethod.DeconvNet, inferenceVariant: true, null, build.Layout, vendor);
        Assert.True(sources.HasTestbenchData);
        GridNetworkTests.AssertTopsReproduceTheCSimulation(vendor, build.Plan.Classes);
    }
}
