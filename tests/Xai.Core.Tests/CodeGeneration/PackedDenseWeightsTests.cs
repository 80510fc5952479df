using Xai.Attribution;
using Xai.CodeGeneration;
using Xai.FpgaLatency;
using Xai.Planning;

namespace Xai.Core.Tests.CodeGeneration;

/// <summary>
/// XaiPackDenseWeights through the SDK on hls-lib's `dw` network (its dense layer reads 48 inputs from weight
/// offset 436: a beat of 4 fits, 8 does not): the planned beat, the generated top's second weight port, and
/// the packed top with the synthesized loops reproducing the unpacked C simulation bit for bit.
/// </summary>
public sealed class PackedDenseWeightsTests(DepthwiseNetworkBuild build) : IClassFixture<DepthwiseNetworkBuild>
{
    private DesignPlan Packed => build.Plan with { PackDenseWeights = true };

    [Fact]
    public void The_beat_is_the_HP_ports_width_halved_until_every_dense_layer_starts_on_one()
    {
        Assert.Equal(1, build.Plan.DenseWeightBeat); // not asked for
        Assert.Equal(64, Packed.SlavePortBits);
        Assert.Equal(4, Packed.DenseWeightBeat); // 64 bits / 16
        // On a 128-bit port 8 would be the width, but offset 436 is not a multiple of 8.
        Assert.Equal(4, Xai.Planning.DenseWeightBeat.For(build.Plan.Layers, 128, 16));
        Assert.True(Xai.Planning.DenseWeightBeat.Fits(build.Plan.Layers, 4));
        Assert.False(Xai.Planning.DenseWeightBeat.Fits(build.Plan.Layers, 8));
        // A 16-bit port leaves nothing to pack.
        Assert.Equal(1, Xai.Planning.DenseWeightBeat.For(build.Plan.Layers, 16, 16));
        // The build says when the beat is narrower than the port, naming the layer and why (XAI3003).
        Assert.Null(Xai.Planning.DenseWeightBeat.NarrowerThanThePort(build.Plan.Layers, 64, 16, "dw.xaiproj"));
        var narrower = Xai.Planning.DenseWeightBeat.NarrowerThanThePort(build.Plan.Layers, 128, 16, "dw.xaiproj")!;
        Assert.Equal(("XAI3003", "dw.xaiproj"), (narrower.Code, narrower.File));
        var fc = build.Plan.Layers.OfType<DenseBlockLayer>().Single();
        Assert.Contains($"dense layer '{fc.Name}' has 48 inputs and starts at weight offset 436; both must be multiples of 8", narrower.Message);
        Assert.Contains("read 4 per cycle, not the 8 a 128-bit port carries", narrower.Message);
    }

    [Fact]
    public void The_header_and_the_top_read_the_weight_image_again_in_beats()
    {
        var header = NetworkHeaderWriter.Write(Packed);
        Assert.Contains("static const unsigned weight_beat = 4;", header);
        Assert.DoesNotContain("static const unsigned weight_beat", NetworkHeaderWriter.Write(build.Plan));
        var sizes = NetworkMemorySizes.For(Packed);
        var top = HlsTopDesign.For(HlsTopVariant.Explain, AttributionMethod.Saliency, sizes);
        var port = Assert.Single(top.MasterPorts, p => p.Name == HlsTopDesign.DenseWeightsPort);
        // Its own master: a bundle's arguments must share one width for Vitis HLS to infer bursts (UG1448, 200-451).
        Assert.Equal("gmem_dense_weights", port.Bundle);
        Assert.Equal(sizes.WeightImage / 4, port.Depth);
        Assert.Equal(["m_axi_gmem_act", "m_axi_gmem_weights", "m_axi_gmem_dense_weights", "m_axi_gmem_grad"], top.MasterInterfaces);
        var source = HlsTopWriter.WriteTop(Packed, AttributionMethod.Saliency, HlsTopVariant.Explain);
        Assert.Contains($"const xai_generated::top_weight_beat_t dense_weights[{sizes.WeightImage / 4}]", source);
        Assert.Contains($"#pragma HLS INTERFACE m_axi port=dense_weights offset=slave bundle=gmem_dense_weights depth={sizes.WeightImage / 4}", source);
        Assert.Contains("target, st, dense_weights);", source);
        Assert.DoesNotContain("dense_weights", HlsTopWriter.WriteTop(build.Plan, AttributionMethod.Saliency, HlsTopVariant.Explain));
    }

    [Fact]
    public void The_packed_tops_with_synthesized_loops_reproduce_the_unpacked_C_simulation_bit_for_bit()
    {
        var vendor = GridNetworkTests.WriteVariantSources(build, Packed, "vendor-run-packed");
        Assert.Contains("weight_beat = 4", File.ReadAllText(vendor.Source("xai_network.h")));
        GridNetworkTests.AssertTopsReproduceTheCSimulation(vendor, build.Plan.Classes);
    }

    [Fact]
    public void The_model_reads_the_dense_weights_a_beat_at_a_time_and_nothing_else_changes()
    {
        var plain = LatencyModel.Estimate(build.Plan);
        var packed = LatencyModel.Estimate(Packed);
        for (var k = 0; k < build.Plan.Layers.Count; k++)
        {
            var (a, b) = (plain.Layers[k], packed.Layers[k]);
            if (build.Plan.Layers[k] is DenseBlockLayer)
            {
                Assert.True(b.Backward.Memory < a.Backward.Memory && b.Forward.Memory < a.Forward.Memory, a.Name);
            }
            else
            {
                Assert.Equal(a.Forward.Total, b.Forward.Total);
                Assert.Equal(a.Backward.Total, b.Backward.Total);
            }
        }
    }
}
