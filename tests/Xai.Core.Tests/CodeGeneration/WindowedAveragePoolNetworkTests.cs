using Xai.Attribution;
using Xai.Core.Tests.FpgaLatency;
using Xai.Planning;
using Xai.Simulation;
using Xai.Stages;

namespace Xai.Core.Tests.CodeGeneration;

/// <summary>
/// The real stages on the torch export tiny_avgpool.onnx (tests' Data: three average pools whose window lies
/// inside the map - 2x2 stride 2 on an odd map, 3x3 stride 1 padded, 4x4 stride 2 padded - each after a Conv
/// and ReLU, then Linear) with the PNG whose torch logits and relevance the export wrote.
/// </summary>
public sealed class WindowedAveragePoolNetworkBuild : OddNetworkBuild
{
    public WindowedAveragePoolNetworkBuild()
        : base(new FileInfo(Relu6NetworkBuild.DataFile("tiny_avgpool.onnx")), 11, 13, editModel: null, images: [Relu6NetworkBuild.DataFile("tiny_avgpool.png")])
    {
    }
}

/// <summary>Average pools run as depthwise convolutions, and the SDK's float C simulation against PyTorch for all three methods.</summary>
public sealed class WindowedAveragePoolNetworkTests(WindowedAveragePoolNetworkBuild build) : IClassFixture<WindowedAveragePoolNetworkBuild>
{
    [Fact]
    public void Each_pool_is_a_depthwise_convolution_without_a_ReLU_with_the_windows_of_the_pool()
    {
        var convs = build.Plan.Layers.OfType<ConvBlockLayer>().ToList();
        Assert.Equal(6, convs.Count);
        var pools = new[] { convs[1], convs[3], convs[5] };
        Assert.All(pools, p => Assert.True(p.Conv.Depthwise && !p.Relu));
        Assert.Equal(new[] { (3, 2, "[0,0,1,1]"), (3, 1, "[1,1,1,1]"), (5, 2, "[1,1,2,2]") }, pools.Select(p => (p.Conv.KernelSize, p.Conv.Stride, Pads(p))).ToArray());
        Assert.Equal(new[] { (6, 5), (6, 5), (3, 2) }, pools.Select(p => (p.Conv.OutputShape.Height, p.Conv.OutputShape.Width)).ToArray());
        Assert.Contains("(4x4, stride 2, pads [0,0,0,0] plus", File.ReadAllText(build.Layout.ModelSummary));
        Assert.Contains("runs as depthwise 5x5 convolution", File.ReadAllText(build.Layout.ModelSummary));
    }

    private static string Pads(ConvBlockLayer p) => $"[{p.Conv.Pads.Top},{p.Conv.Pads.Left},{p.Conv.Pads.Bottom},{p.Conv.Pads.Right}]";

    [Fact]
    public void The_float_C_simulation_gives_torchs_logits_and_each_methods_relevance_as_Captum_computes_it()
    {
        var outputs = Relu6NetworkTests.AssertFloatCSimulationMatchesTorch(build, "tiny_avgpool.expected.json");
        Relu6NetworkTests.AssertPlannedDesignsExplainTheFloatClass(build, outputs);

        Assert.NotEqual(outputs[(0, NumericsProfile.Float, AttributionMethod.Saliency)].Relevance, outputs[(0, NumericsProfile.Float, AttributionMethod.DeconvNet)].Relevance);
    }

    [Fact]
    public void The_generated_networks_counts_equal_hls_libs_model() => EngineCycleModelTests.AssertGeneratedCountsEqual(build, "avgpool");

    [Fact]
    public void The_testbench_runs_the_tops_with_synthesized_loops_and_they_reproduce_the_C_simulation_bit_for_bit()
    {
        var vendor = new VendorLayout(Path.Combine(build.Directory, "vendor-run-hls-loops"));
        var sources = HlsSourcesStage.Run(build.Plan, AttributionMethod.GuidedBackprop, inferenceVariant: true, null, build.Layout, vendor);
        Assert.True(sources.HasTestbenchData);
        GridNetworkTests.AssertTopsReproduceTheCSimulation(vendor, build.Plan.Classes);
    }
}
