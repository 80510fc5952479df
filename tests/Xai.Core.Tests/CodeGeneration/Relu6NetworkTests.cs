using System.Text.Json;
using Xai.Attribution;
using Xai.Core.Tests.FpgaLatency;
using Xai.Onnx;
using Xai.Planning;
using Xai.Simulation;
using Xai.Stages;

namespace Xai.Core.Tests.CodeGeneration;

/// <summary>
/// The real stages on the torch export tiny_relu6.onnx (tests' Data; MobileNet-v1 style: strided conv + BN +
/// ReLU6, depthwise + BN + ReLU6 where a fifth of the outputs clip, pointwise + BN + ReLU, global average
/// pool, Linear) with the PNG whose torch logits and relevance the export wrote.
/// </summary>
public sealed class Relu6NetworkBuild : OddNetworkBuild
{
    public Relu6NetworkBuild()
        : base(new FileInfo(DataFile("tiny_relu6.onnx")), 11, 13, editModel: null, images: [DataFile("tiny_relu6.png")])
    {
    }

    public static string DataFile(string name) => Path.Combine(AppContext.BaseDirectory, "Data", name);
}

/// <summary>ReLU6 through the SDK, and the SDK's float C simulation against PyTorch for all three methods.</summary>
public sealed class Relu6NetworkTests(Relu6NetworkBuild build) : IClassFixture<Relu6NetworkBuild>
{
    [Fact]
    public void The_plan_and_the_header_carry_both_ReLU6_and_equalization_leaves_their_weights_alone()
    {
        var convs = build.Plan.Layers.OfType<ConvBlockLayer>().ToList();
        Assert.Equal(new[] { true, true, false }, convs.Select(c => c.Relu6));
        Assert.All(convs, c => Assert.True(c.Relu));
        var header = File.ReadAllText(build.Layout.NetworkHeader);
        Assert.Contains("static const bool relu6 = true; static const int act_out_exp = NUM::act_exp(1);", header);
        Assert.Contains("static const bool relu6 = true; static const int act_out_exp = NUM::act_exp(2);", header);
        var imported = HardwareLayerMapper.Map(new OnnxModelImporter().Import(Relu6NetworkBuild.DataFile("tiny_relu6.onnx")), "tiny_relu6.onnx");
        for (var l = 0; l < 2; l++)
        {
            var a = ((ConvBlockLayer)imported[l]).Conv.Weights;
            var b = convs[l].Conv.Weights;
            var first = Enumerable.Range(0, a.Length).FirstOrDefault(k => a[k] != b[k], -1);
            Assert.True(first < 0, $"layer {l} weight {first}: {(first < 0 ? 0 : a[first])} imported, {(first < 0 ? 0 : b[first])} planned");
        }
        foreach (var numerics in build.Plan.Numerics.Values)
        {
            Assert.True(numerics.ActivationExponents[1] <= -2 && numerics.ActivationExponents[2] <= -2, "a ReLU6 output's format holds 6");
        }
    }

    [Fact]
    public void The_float_C_simulation_gives_torchs_logits_and_each_methods_relevance_as_Captum_computes_it()
    {
        var outputs = AssertFloatCSimulationMatchesTorch(build, "tiny_relu6.expected.json");

        // The methods differ at the one nn.ReLU; at the ReLU6 layers all pass the plain gradient.
        Assert.NotEqual(outputs[(0, NumericsProfile.Float, AttributionMethod.Saliency)].Relevance, outputs[(0, NumericsProfile.Float, AttributionMethod.GuidedBackprop)].Relevance);
    }

    /// <summary>Every planned fixed-point profile of every method explains the class the float C simulation does (image 0).</summary>
    internal static void AssertPlannedDesignsExplainTheFloatClass(OddNetworkBuild build, IReadOnlyDictionary<(int Image, NumericsProfile Profile, AttributionMethod Method), CSimOutput> outputs)
    {
        foreach (var method in build.Plan.Methods)
        {
            var planned = outputs.Where(kv => kv.Key.Image == 0 && kv.Key.Method == method && kv.Key.Profile != NumericsProfile.Float).Select(kv => kv.Value.Class).ToList();
            Assert.NotEmpty(planned);
            Assert.All(planned, c => Assert.Equal(outputs[(0, NumericsProfile.Float, method)].Class, c));
        }
    }

    /// <summary>
    /// The float C simulation of <paramref name="build"/>'s one image against the torch export's <paramref name="expectedFile"/>
    /// (tests' Data): the class, the logits and each method's relevance within 1e-4. Returns the outputs.
    /// </summary>
    internal static Dictionary<(int Image, NumericsProfile Profile, AttributionMethod Method), CSimOutput> AssertFloatCSimulationMatchesTorch(OddNetworkBuild build, string expectedFile)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Relu6NetworkBuild.DataFile(expectedFile)));
        var root = json.RootElement;
        float[] Read(JsonElement e) => e.EnumerateArray().Select(v => v.GetSingle()).ToArray();
        var logits = Read(root.GetProperty("logits"));
        var outputs = CSimResults.Read(Path.Combine(build.Layout.IntermediateDirectory, "csim-outputs.bin"), 1, build.Plan.Methods, build.Plan.Classes, build.Plan.InputShape.ElementCount);
        foreach (var method in build.Plan.Methods)
        {
            var run = outputs[(0, NumericsProfile.Float, method)];
            Assert.Equal(root.GetProperty("target").GetInt32(), run.Class);
            for (var i = 0; i < logits.Length; i++)
            {
                Assert.True(Math.Abs(logits[i] - run.Logits[i]) <= 1e-4 * (1 + Math.Abs(logits[i])), $"{method} logit {i}: torch {logits[i]}, C simulation {run.Logits[i]}");
            }

            var expected = Read(root.GetProperty("relevance").GetProperty(method.ToString()));
            var scale = expected.Max(Math.Abs);
            Assert.True(scale > 0);
            for (var i = 0; i < expected.Length; i++)
            {
                Assert.True(Math.Abs(expected[i] - run.Relevance[i]) <= 1e-4 * scale, $"{method} relevance {i}: torch {expected[i]}, C simulation {run.Relevance[i]}");
            }
        }

        return outputs;
    }

    [Fact]
    public void The_generated_networks_counts_equal_hls_libs_model() => EngineCycleModelTests.AssertGeneratedCountsEqual(build, "relu6");

    [Theory]
    [InlineData(AttributionMethod.DeconvNet)]
    [InlineData(AttributionMethod.GuidedBackprop)]
    public void The_testbench_runs_the_tops_with_synthesized_loops_and_they_reproduce_the_C_simulation_bit_for_bit(AttributionMethod method)
    {
        var vendor = new VendorLayout(Path.Combine(build.Directory, "vendor-run-hls-loops-" + method));
        var sources = HlsSourcesStage.Run(build.Plan, method, inferenceVariant: true, null, build.Layout, vendor);
        Assert.True(sources.HasTestbenchData);
        GridNetworkTests.AssertTopsReproduceTheCSimulation(vendor, build.Plan.Classes);
    }
}
