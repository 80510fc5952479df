using Xai.Attribution;
using Xai.CodeGeneration;
using Xai.Core.Tests.FpgaLatency;
using Xai.Planning;
using Xai.Stages;

namespace Xai.Core.Tests.CodeGeneration;

/// <summary>
/// Strided and unevenly padded convolutions through the SDK: the plan keeps them, the generated header
/// describes them to hls-lib, the C# cycle model counts what hls-lib's does, and the generated tops
/// reproduce the C simulation bit for bit with the synthesized loop nests.
/// </summary>
public sealed class GridNetworkTests(GridNetworkBuild build) : IClassFixture<GridNetworkBuild>
{
    [Fact]
    public void The_plan_and_the_generated_header_keep_each_convolutions_stride_and_pads()
    {
        var convs = build.Plan.Layers.OfType<ConvBlockLayer>().ToList();
        Assert.Equal(new[] { 2, 1, 2, 1 }, convs.Select(c => c.Conv.Stride));
        Assert.Equal(new[] { "[6,7,6]", "[8,6,5]", "[8,3,3]", "[6,3,1]" }, convs.Select(c => c.OutputShape.ToString()));
        var header = File.ReadAllText(build.Layout.NetworkHeader);
        Assert.Contains("stride = 2, pad_top = 1, pad_left = 1, pad_bottom = 1, pad_right = 1;", header);
        Assert.Contains("stride = 1, pad_top = 1, pad_left = 0, pad_bottom = 0, pad_right = 1;", header);
        Assert.Contains("stride = 2, pad_top = 0, pad_left = 0, pad_bottom = 0, pad_right = 0;", header);
        Assert.Contains("stride = 1, pad_top = 1, pad_left = 0, pad_bottom = 1, pad_right = 0;", header);
    }

    [Fact]
    public void The_generated_networks_counts_equal_hls_libs_model() => EngineCycleModelTests.AssertGeneratedCountsEqual(build, "grid");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_testbench_runs_the_tops_with_synthesized_loops_and_they_reproduce_the_C_simulation_bit_for_bit(bool doubleBuffer)
    {
        var vendor = new VendorLayout(Path.Combine(build.Directory, "vendor-run-hls-loops" + (doubleBuffer ? "-db" : "")));
        var sources = HlsSourcesStage.Run(build.Plan with { DoubleBuffer = doubleBuffer }, AttributionMethod.GuidedBackprop, inferenceVariant: true, null, build.Layout, vendor);
        Assert.True(sources.HasTestbenchData);
        AssertTopsReproduceTheCSimulation(vendor, build.Plan.Classes);
    }

    /// <summary>
    /// The HLS sources (GuidedBackprop, both tops) of <paramref name="variant"/>, a variant of <paramref name="build"/>'s plan,
    /// in a vendor folder of their own. HlsSources copies the build's own xai_network.h (in a build the plan and the
    /// header agree), so the variant's header takes its place.
    /// </summary>
    internal static VendorLayout WriteVariantSources(OddNetworkBuild build, DesignPlan variant, string folder)
    {
        var vendor = new VendorLayout(Path.Combine(build.Directory, folder));
        var sources = HlsSourcesStage.Run(variant, AttributionMethod.GuidedBackprop, inferenceVariant: true, null, build.Layout, vendor);
        Assert.True(sources.HasTestbenchData);
        File.WriteAllText(vendor.Source("xai_network.h"), NetworkHeaderWriter.Write(variant));
        return vendor;
    }

    /// <summary>The HLS sources of <paramref name="method"/>'s tops for the build's own plan, and <see cref="AssertTopsReproduceTheCSimulation"/> on them.</summary>
    internal static void AssertMethodTopsReproduceTheCSimulation(OddNetworkBuild build, AttributionMethod method)
    {
        // The top's static_assert checks the relevance exponent the board runner is given against hls-lib's.
        var vendor = new VendorLayout(Path.Combine(build.Directory, "vendor-" + method));
        var sources = HlsSourcesStage.Run(build.Plan, method, inferenceVariant: true, null, build.Layout, vendor);
        Assert.True(sources.HasTestbenchData);
        AssertTopsReproduceTheCSimulation(vendor, build.Plan.Classes);
    }

    /// <summary>Both tops (FP+BP, FP only) with their testbenches, compiled with the synthesized loop nests and run.</summary>
    internal static void AssertTopsReproduceTheCSimulation(VendorLayout vendor, int classes)
    {
        foreach (var (top, tb) in new[] { ("xai_top.cpp", "xai_tb.cpp"), ("xai_top_fp.cpp", "xai_tb_fp.cpp") })
        {
            var program = HlsTopWriterTests.Compile(vendor, top, tb, ["-DXAI_HLS_LOOPS"]);
            var run = HlsTopWriterTests.RunTestbench(vendor, program, "-1");
            Assert.True(run.ExitCode == 0, $"{tb}: exit {run.ExitCode}\n{run.StandardOutput}\n{run.StandardError}");
            Assert.Contains("tb: PASS", run.StandardOutput);
            Assert.Contains($"logits differing: 0 of {classes}", run.StandardOutput);
        }
    }
}

/// <summary>Depthwise convolutions through the SDK, as <see cref="GridNetworkTests"/> for strides and pads.</summary>
public sealed class DepthwiseNetworkTests(DepthwiseNetworkBuild build) : IClassFixture<DepthwiseNetworkBuild>
{
    [Fact]
    public void The_plan_and_the_generated_header_keep_the_depthwise_convolutions()
    {
        var convs = build.Plan.Layers.OfType<ConvBlockLayer>().ToList();
        Assert.Equal(new[] { false, true, false, true, false }, convs.Select(c => c.Conv.Depthwise));
        Assert.Equal(6 * 9 + 6, convs[1].ParameterCount);
        var header = File.ReadAllText(build.Layout.NetworkHeader);
        Assert.Equal(2, header.Split("static const bool depthwise = true;").Length - 1);
    }

    [Fact]
    public void The_generated_networks_counts_equal_hls_libs_model() => EngineCycleModelTests.AssertGeneratedCountsEqual(build, "dw");

    [Fact]
    public void The_testbench_runs_the_tops_with_synthesized_loops_and_they_reproduce_the_C_simulation_bit_for_bit()
    {
        var vendor = new VendorLayout(Path.Combine(build.Directory, "vendor-run-hls-loops"));
        var sources = HlsSourcesStage.Run(build.Plan, AttributionMethod.Saliency, inferenceVariant: true, null, build.Layout, vendor);
        Assert.True(sources.HasTestbenchData);
        GridNetworkTests.AssertTopsReproduceTheCSimulation(vendor, build.Plan.Classes);
    }
}

/// <summary>A global average pool through the SDK: folded into the dense layer after it, which every stage then builds.</summary>
public sealed class AveragePoolNetworkTests(AveragePoolNetworkBuild build) : IClassFixture<AveragePoolNetworkBuild>
{
    [Fact]
    public void The_plan_has_the_folded_dense_layer_over_the_whole_map()
    {
        var dense = Assert.Single(build.Plan.Layers.OfType<DenseBlockLayer>());
        Assert.Equal((5 * 5 * 6, 4), (dense.Dense.InFeatures, dense.Dense.OutFeatures));
        Assert.Contains("foldedAveragePool", File.ReadAllText(build.Layout.ModelSummary));
    }

    [Fact]
    public void The_generated_networks_counts_equal_hls_libs_model() => EngineCycleModelTests.AssertGeneratedCountsEqual(build, "mean");

    [Fact]
    public void The_testbench_runs_the_tops_with_synthesized_loops_and_they_reproduce_the_C_simulation_bit_for_bit()
    {
        var vendor = new VendorLayout(Path.Combine(build.Directory, "vendor-run-hls-loops"));
        var sources = HlsSourcesStage.Run(build.Plan, AttributionMethod.DeconvNet, inferenceVariant: true, null, build.Layout, vendor);
        Assert.True(sources.HasTestbenchData);
        GridNetworkTests.AssertTopsReproduceTheCSimulation(vendor, build.Plan.Classes);
    }
}
