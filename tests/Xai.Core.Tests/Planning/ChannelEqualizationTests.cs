using Xai.Boards;
using Xai.CodeGeneration;
using Xai.Core.Tests.Model;
using Xai.Core.Tests.Onnx;
using Xai.Model;
using Xai.Onnx;
using Xai.Planning;
using Xai.Projects;
using Xai.Simulation;
using Xai.Stages;

namespace Xai.Core.Tests.Planning;

/// <summary>
/// Cross-layer equalization: the network computes the same logits, bit for bit in float, and the ranges
/// it exists for shrink (the DS-CNN sample's batch-norm-folded depthwise layer, 135 before).
/// </summary>
public class ChannelEqualizationTests
{
    private static readonly string DscnnModel = Path.Combine(RepositoryLayout.Root, "samples", "dscnn", "dscnn.onnx");

    [Fact]
    public void The_DS_CNN_sample_computes_the_same_logits_bit_for_bit_and_its_depthwise_outliers_are_gone()
    {
        var network = new OnnxModelImporter().Import(DscnnModel);
        var mapped = HardwareLayerMapper.Map(network, DscnnModel);
        var (equalized, channels) = ChannelEqualization.Apply(mapped);

        Assert.True(channels > 0);
        var depthwise = (ConvBlockLayer)mapped[1];
        Assert.True(depthwise.Conv.Depthwise);
        Assert.True(MaxAbs(depthwise.Conv.Weights) > 100, "the sample's first depthwise layer has batch-norm outliers");
        Assert.True(MaxAbs(((ConvBlockLayer)equalized[1]).Conv.Weights) < 16);
        for (var l = 0; l < mapped.Count; l++)
        {
            Assert.Equal(mapped[l].ParameterCount, equalized[l].ParameterCount);
        }

        var random = new Random(5);
        for (var image = 0; image < 3; image++)
        {
            var x = Enumerable.Range(0, network.InputShape.ElementCount).Select(_ => (float)random.NextDouble()).ToArray();
            Assert.Equal(ReferenceForward.Run(AsNetwork(network.InputShape, mapped), x), ReferenceForward.Run(AsNetwork(network.InputShape, equalized), x));
        }
    }

    /// <summary>Conv + ReLU + pool into a dense layer over the flattened map, dense + ReLU into dense: every kind of pair.</summary>
    [Fact]
    public void Convolution_pool_dense_and_dense_dense_pairs_keep_the_logits_and_balance_the_ranges()
    {
        var b = OnnxModelBuilder.Small(seed: 9);
        var network = OnnxImportHarness.Import(b.Build());
        var mapped = HardwareLayerMapper.Map(network, "small.onnx").ToArray();
        // An outlier channel, as batch-norm folding makes one: output channel 1 of the first block x 512.
        var first = (ConvBlockLayer)mapped[0];
        var weights = first.Conv.Weights.ToArray();
        var bias = first.Conv.Bias.ToArray();
        var per = first.Conv.WeightsPerOutputChannel;
        for (var i = per; i < 2 * per; i++)
        {
            weights[i] *= 512;
        }

        bias[1] *= 512;
        mapped[0] = first with { Conv = new Conv2dLayer(first.Conv.Name, first.Conv.InputShape, first.Conv.OutChannels, first.Conv.KernelSize, first.Conv.Pads, first.Conv.Stride, weights, bias) };

        var (equalized, channels) = ChannelEqualization.Apply(mapped);

        Assert.True(channels > 0);
        Assert.Contains(equalized, l => l is DenseBlockLayer);
        Assert.True(MaxAbs(((ConvBlockLayer)equalized[0]).Conv.Weights) < MaxAbs(weights) / 16);
        var x = Enumerable.Range(0, network.InputShape.ElementCount).Select(i => (float)Math.Sin(i)).ToArray();
        Assert.Equal(ReferenceForward.Run(AsNetwork(network.InputShape, mapped), x), ReferenceForward.Run(AsNetwork(network.InputShape, equalized), x));
    }

    /// <summary>Generate writes the equalized weights for the per-tensor formats and the model's own for a paper-faithful build.</summary>
    [Theory]
    [InlineData("PerTensor", true)]
    [InlineData("PaperFaithful", false)]
    public void Generate_equalizes_for_the_planned_formats_only(string numerics, bool equalized)
    {
        var dir = Path.Combine(Path.GetTempPath(), "xai-eq-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        try
        {
            File.Copy(DscnnModel, Path.Combine(dir, "m.onnx"));
            var diagnostics = new List<Xai.Diagnostics.XaiDiagnostic>();
            var settings = ProjectValidator.Validate(
                new ProjectProperties { ProjectFile = Path.Combine(dir, "m.xaiproj"), Model = "m.onnx", Board = "pynq-z2", Methods = "Saliency", Numerics = numerics },
                BoardCatalog.Load(RepositoryLayout.Boards),
                diagnostics) ?? throw new InvalidOperationException(string.Join("\n", diagnostics));
            var layout = new BuildLayout(Path.Combine(dir, "obj"), Path.Combine(dir, "bin"));
            Directory.CreateDirectory(layout.IntermediateDirectory);
            var messages = new List<string>();

            GenerateStage.Run(settings, layout, messages.Add);

            var original = WeightImage.Float(HardwareLayerMapper.Map(new OnnxModelImporter().Import(DscnnModel), DscnnModel));
            var written = new float[original.Length];
            Buffer.BlockCopy(File.ReadAllBytes(layout.FloatWeights), 0, written, 0, written.Length * sizeof(float));
            Assert.Equal(!equalized, original.SequenceEqual(written));
            Assert.Equal(equalized, messages.Any(m => m.Contains("equalized", StringComparison.Ordinal)));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static double MaxAbs(IEnumerable<float> values) => values.Max(v => Math.Abs((double)v));

    /// <summary>The hardware blocks as the model layers they fuse, for the reference forward pass.</summary>
    private static Network AsNetwork(TensorShape input, IReadOnlyList<HardwareLayer> layers)
    {
        var model = new List<Layer>();
        foreach (var layer in layers)
        {
            switch (layer)
            {
                case ConvBlockLayer c:
                    model.Add(c.Conv);
                    if (c.Relu)
                    {
                        model.Add(new ReluLayer(c.Name + "/relu", c.Conv.OutputShape));
                    }

                    if (c.Pool)
                    {
                        model.Add(new MaxPool2dLayer(c.Name + "/pool", c.Conv.OutputShape));
                    }

                    break;
                case DenseBlockLayer d:
                    if (model.Count > 0 && model[^1].OutputShape.IsFeatureMap)
                    {
                        model.Add(new FlattenLayer(d.Name + "/flatten", model[^1].OutputShape));
                    }

                    model.Add(d.Dense);
                    if (d.Relu)
                    {
                        model.Add(new ReluLayer(d.Name + "/relu", d.Dense.OutputShape));
                    }

                    break;
            }
        }

        return new Network("equalization", input, model);
    }
}
