using Xai.Attribution;
using Xai.Core.Tests.FpgaLatency;
using Xai.FpgaResources;
using Xai.Planning;
using Xai.Simulation;
using Xai.Stages;
using Xai.Tests;

namespace Xai.Core.Tests.CodeGeneration;

/// <summary>
/// The real stages on the torch export tiny_stempool.onnx (tests' Data: ResNet's stem - a stride-2 5x5 convolution,
/// batch norm, ReLU, MaxPool 3x3 stride 2 padding 1 - on an odd 19 x 17 map, then a 'same' convolution, ReLU and a
/// 2x2 stride-2 MaxPool with padding 1; Linear) with the PNG whose torch logits and relevance the export wrote.
/// </summary>
public sealed class PoolUnitNetworkBuild : OddNetworkBuild
{
    public PoolUnitNetworkBuild()
        : base(new FileInfo(Relu6NetworkBuild.DataFile("tiny_stempool.onnx")), 17, 19, editModel: null, images: [Relu6NetworkBuild.DataFile("tiny_stempool.png")])
    {
    }
}

/// <summary>Max pools the convolution store cannot fuse run on the pool unit, checked against PyTorch for all three methods.</summary>
public sealed class PoolUnitNetworkTests(PoolUnitNetworkBuild build) : IClassFixture<PoolUnitNetworkBuild>
{
    [Fact]
    public void Each_pool_the_store_cannot_fuse_is_a_block_of_its_own_on_the_pool_unit()
    {
        var layers = build.Plan.Layers;
        Assert.Equal(new[] { "ConvBlockLayer", "PoolBlockLayer", "ConvBlockLayer", "PoolBlockLayer", "DenseBlockLayer" }, layers.Select(l => l.GetType().Name).ToArray());
        var pools = layers.OfType<PoolBlockLayer>().ToList();
        Assert.Equal(new[] { (3, "[1,1,1,1]", 4, 10, 9, 5, 5), (2, "[1,1,1,1]", 6, 5, 5, 3, 3) },
            pools.Select(p => (p.Pool.KernelSize, p.Pool.Pads.ToString(), p.InputShape.Channels, p.InputShape.Height, p.InputShape.Width, p.OutputShape.Height, p.OutputShape.Width)).ToArray());
        Assert.All(layers.OfType<ConvBlockLayer>(), c => Assert.False(c.Pool));
        var header = File.ReadAllText(build.Layout.NetworkHeader);
        Assert.Contains("static const unsigned max_h = 10, max_w = 9;", header);
        Assert.Contains("xai::pool_desc<pool2_config<NUM>, pool_unit_config>", header);
        Assert.Contains("NUM::grad_exp(5), pool_unit_config>(", header);
        Assert.Contains("maxpool 3x3 stride 2 pads [1,1,1,1] on the pool unit [4,10,9] -> [4,5,5]", header);
    }

    [Fact]
    public void The_pool_units_output_keeps_its_inputs_activation_exponent_in_every_planned_profile()
    {
        var layers = build.Plan.Layers;
        foreach (var numerics in build.Plan.Numerics.Values)
        {
            for (var l = 0; l < layers.Count; l++)
            {
                if (layers[l] is PoolBlockLayer)
                {
                    Assert.Equal(numerics.ActivationExponents[HardwareLayer.SourceOf(layers, l)], numerics.ActivationExponents[l + 1]);
                }
            }
        }
    }

    [Fact]
    public void The_float_C_simulation_gives_torchs_logits_and_each_methods_relevance_as_Captum_computes_it()
    {
        var outputs = Relu6NetworkTests.AssertFloatCSimulationMatchesTorch(build, "tiny_stempool.expected.json");
        Relu6NetworkTests.AssertPlannedDesignsExplainTheFloatClass(build, outputs);

        Assert.NotEqual(outputs[(0, NumericsProfile.Float, AttributionMethod.Saliency)].Relevance, outputs[(0, NumericsProfile.Float, AttributionMethod.DeconvNet)].Relevance);
    }

    [Fact]
    public void The_generated_networks_counts_equal_hls_libs_model() => EngineCycleModelTests.AssertGeneratedCountsEqual(build, "stempool");

    [Fact]
    public void The_resource_model_counts_the_pool_units_buffers()
    {
        var shape = EngineShape.For(build.Plan);
        Assert.True(shape.HasPoolUnit);
        Assert.Equal((10, 9), (shape.PoolUnitMaxH, shape.PoolUnitMaxW));
        // The map, 90 x 16 bits: one block; the pooled map and its gradient, 30 x 16 bits, are small enough for LUTs;
        // with BP the sums over the map, 90 accumulator words of 48 bits: two blocks side by side (512 x 36 each).
        Assert.Equal(48, shape.AccumulatorBits);
        Assert.Equal(3, ResourceModel.PoolUnitBram18K(shape, withBp: true, word: 16));
        Assert.Equal(1, ResourceModel.PoolUnitBram18K(shape, withBp: false, word: 16));
        Assert.Equal(0, ResourceModel.PoolUnitBram18K(shape with { PoolUnitMaxH = 0, PoolUnitMaxW = 0 }, withBp: true, word: 16));
    }

    [Fact]
    public void The_testbench_runs_the_tops_with_synthesized_loops_and_they_reproduce_the_C_simulation_bit_for_bit()
    {
        var vendor = new VendorLayout(Path.Combine(build.Directory, "vendor-run-hls-loops"));
        var sources = HlsSourcesStage.Run(build.Plan, AttributionMethod.GuidedBackprop, inferenceVariant: true, null, build.Layout, vendor);
        Assert.True(sources.HasTestbenchData);
        GridNetworkTests.AssertTopsReproduceTheCSimulation(vendor, build.Plan.Classes);
    }

    [Fact]
    public void Plan_json_names_the_pool_blocks_and_meets_its_published_schema()
    {
        var json = File.ReadAllText(build.Layout.PlanFile);
        ReportSchemas.In(RepositoryLayout.Root).AssertPlan(json, "plan.json");
        var plan = Xai.Reporting.PlanDocument.Read(build.Layout.PlanFile);
        Assert.Equal(new[] { "conv", "pool", "conv", "pool", "dense" }, plan.Layers.Select(l => l.Kind).ToArray());
        Assert.Equal(new int?[] { 5, 3, 3, 2, null }, plan.Layers.Select(l => l.Kernel).ToArray());
        Assert.Equal(2, plan.Latency.Layers.Count(l => l.Kind == "pool"));
    }

    [Fact]
    public void The_plan_file_round_trips_the_pool_blocks()
    {
        var read = DesignPlanFile.Load(build.Layout.NetworkPlanFile, build.Layout.FloatWeights);
        Assert.Equal(build.Plan.Layers.Select(l => (l.GetType(), l.Name, l.InputShape, l.OutputShape)), read.Layers.Select(l => (l.GetType(), l.Name, l.InputShape, l.OutputShape)));
        Assert.Equal(((PoolBlockLayer)build.Plan.Layers[1]).Pool.Pads, ((PoolBlockLayer)read.Layers[1]).Pool.Pads);
    }
}

/// <summary><see cref="PoolUnitNetworkBuild"/>'s network and image with Grad-CAM and Guided Grad-CAM on its last convolution, whose max pool runs on the pool unit.</summary>
public sealed class PoolUnitGradCamBuild() : OddNetworkBuild(
    new FileInfo(Relu6NetworkBuild.DataFile("tiny_stempool.onnx")), 17, 19, editModel: null, images: [Relu6NetworkBuild.DataFile("tiny_stempool.png")],
    project: p => p with { Methods = "GradCam;GuidedGradCam" });

/// <summary>
/// Grad-CAM on a block followed by a pool-unit block: the block's stored output is the convolution's (the pool is a
/// block of its own), the BP stops at it after running back through the pool unit, and both tops reproduce the C simulation.
/// </summary>
public sealed class PoolUnitGradCamTests(PoolUnitGradCamBuild build) : IClassFixture<PoolUnitGradCamBuild>
{
    [Fact]
    public void The_map_is_of_the_convolution_before_the_pool_unit_block()
    {
        var layers = build.Plan.Layers;
        var index = layers.ToList().FindIndex(l => l.Name == build.Plan.Explanation.GradCamLayer);
        Assert.IsType<ConvBlockLayer>(layers[index]);
        Assert.IsType<PoolBlockLayer>(layers[index + 1]);
        // [6,5,5]: the convolution's output, before the 2x2 pool (padding 1, to 3x3) that runs on the unit.
        Assert.Equal((6, 25), build.Plan.ScheduleOf(AttributionMethod.GradCam).LayerMap);
        var csim = CSimStage.Load(build.Layout)!;
        Assert.Equal(csim.PerImage[0].FloatClass, csim.PerImage[0].Class);
        Assert.All(csim.Fidelity, f => Assert.True(f.Value.SpearmanMin > 0.9, $"{f.Key}: rho {f.Value.SpearmanMin}"));
    }

    [Theory]
    [InlineData(AttributionMethod.GradCam)]
    [InlineData(AttributionMethod.GuidedGradCam)]
    public void The_tops_reproduce_the_C_simulation_bit_for_bit(AttributionMethod method) =>
        GridNetworkTests.AssertMethodTopsReproduceTheCSimulation(build, method);
}
