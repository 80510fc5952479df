using System.Text.Json;
using Xai.Core.Tests.Model;
using Xai.Model;
using Xai.Onnx;

namespace Xai.Core.Tests.Onnx;

/// <summary>
/// Models exported by torch.onnx.export (Data/export_tiny_models.py): the imported network, run by a
/// plain reference forward pass, must give torch's logits for torch's input. This checks the weight
/// layouts, BatchNormalization folding and the flatten order end to end, not just the structure.
/// </summary>
public class OnnxImportTorchExportTests
{
    private static string DataFile(string name) => Path.Combine(AppContext.BaseDirectory, "Data", name);

    private static (float[] Input, float[] Logits) Expected(string model)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(DataFile($"{model}.expected.json")));
        float[] Read(string key) => json.RootElement.GetProperty(key).EnumerateArray().Select(e => e.GetSingle()).ToArray();
        return (Read("input"), Read("logits"));
    }

    private static void AssertClose(float[] expected, float[] actual, float tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"logit {i}: torch {expected[i]}, imported network {actual[i]}");
        }
    }

    [Fact]
    public void TinyCnn_WithBatchNormalization_MatchesTorchLogits()
    {
        var network = new OnnxModelImporter().Import(DataFile("tiny_cnn.onnx"));

        Assert.Equal("tiny_cnn", network.Name);
        Assert.Equal(TensorShape.FeatureMap(3, 8, 8), network.InputShape);
        Assert.Equal(
            new[] { typeof(Conv2dLayer), typeof(ReluLayer), typeof(MaxPool2dLayer), typeof(Conv2dLayer), typeof(ReluLayer), typeof(MaxPool2dLayer), typeof(FlattenLayer), typeof(DenseLayer), typeof(ReluLayer), typeof(DenseLayer) },
            network.Layers.Select(l => l.GetType()));
        var conv2 = Assert.IsType<Conv2dLayer>(network.Layers[3]);
        Assert.Equal((4, 6, 5, 2), (conv2.InChannels, conv2.OutChannels, conv2.KernelSize, conv2.Padding));
        Assert.Equal(5, network.OutputClasses);
        Assert.Equal((3 * 4 * 9 + 4) + (4 * 6 * 25 + 6) + (24 * 8 + 8) + (8 * 5 + 5), network.ParameterCount);

        var (input, logits) = Expected("tiny_cnn");
        AssertClose(logits, ReferenceForward.Run(network, input), 1e-4f);
    }

    [Fact]
    public void TinyMatMul_ReshapeAndMatMulAdd_MatchesTorchLogits()
    {
        var network = new OnnxModelImporter().Import(DataFile("tiny_matmul.onnx"));

        Assert.Equal(
            new[] { typeof(Conv2dLayer), typeof(ReluLayer), typeof(MaxPool2dLayer), typeof(FlattenLayer), typeof(DenseLayer) },
            network.Layers.Select(l => l.GetType()));
        var conv = Assert.IsType<Conv2dLayer>(network.Layers[0]);
        Assert.All(conv.Bias, b => Assert.Equal(0f, b)); // exported without bias
        Assert.Equal(4, network.OutputClasses);

        var (input, logits) = Expected("tiny_matmul");
        AssertClose(logits, ReferenceForward.Run(network, input), 1e-4f);
    }

    /// <summary>
    /// nn.AdaptiveAvgPool2d(1) over a strided convolution's odd 4x5 map, a Linear, a Softmax: the pool is folded
    /// into the dense layer (weights repeated over the 20 cells, / 20), the Softmax dropped; torch's logits
    /// before the Softmax come out.
    /// </summary>
    [Fact]
    public void TinyGap_GlobalAveragePoolFoldedIntoTheDenseLayer_MatchesTorchLogits()
    {
        var network = new OnnxModelImporter().Import(DataFile("tiny_gap.onnx"));

        Assert.Equal(
            new[] { typeof(Conv2dLayer), typeof(ReluLayer), typeof(FlattenLayer), typeof(DenseLayer) },
            network.Layers.Select(l => l.GetType()));
        var dense = Assert.IsType<DenseLayer>(network.Layers[3]);
        Assert.Equal((4 * 4 * 5, 3), (dense.InFeatures, dense.OutFeatures));
        Assert.Equal(dense.Weight(2, 0), dense.Weight(2, 19)); // channel 0's 20 cells share one weight
        Assert.NotEqual(dense.Weight(2, 19), dense.Weight(2, 20));
        Assert.Contains("folded into dense", network.FoldedAveragePool);
        Assert.Contains("Softmax", network.DroppedOutputActivation);

        var (input, logits) = Expected("tiny_gap");
        AssertClose(logits, ReferenceForward.Run(network, input), 1e-5f);
    }

    /// <summary>x.mean((2, 3)) is a ReduceMean with keepdims 0 straight into the Gemm (no Flatten node).</summary>
    [Fact]
    public void TinyMean_ReduceMeanOverTheMapFoldedIntoTheDenseLayer_MatchesTorchLogits()
    {
        var network = new OnnxModelImporter().Import(DataFile("tiny_mean.onnx"));

        Assert.Equal(
            new[] { typeof(Conv2dLayer), typeof(ReluLayer), typeof(FlattenLayer), typeof(DenseLayer) },
            network.Layers.Select(l => l.GetType()));
        Assert.Equal(5 * 5 * 6, Assert.IsType<DenseLayer>(network.Layers[3]).InFeatures);

        var (input, logits) = Expected("tiny_mean");
        AssertClose(logits, ReferenceForward.Run(network, input), 1e-5f);
    }

    /// <summary>
    /// nn.AvgPool2d(6) on a 6x6 map: torch 1.13 exports a Pad of zeros and an AveragePool with kernel [6,6],
    /// which is the global average; the Pad folds into it, the pool into the dense layer after the view(1, -1).
    /// </summary>
    [Fact]
    public void TinyWholeAvgPool_PadAndWholeMapAveragePoolFolded_MatchesTorchLogits()
    {
        var network = new OnnxModelImporter().Import(DataFile("tiny_whole_avgpool.onnx"));

        Assert.Equal(
            new[] { typeof(Conv2dLayer), typeof(ReluLayer), typeof(FlattenLayer), typeof(DenseLayer) },
            network.Layers.Select(l => l.GetType()));

        var (input, logits) = Expected("tiny_whole_avgpool");
        AssertClose(logits, ReferenceForward.Run(network, input), 1e-5f);
    }

    /// <summary>
    /// nn.AvgPool2d inside the map (torch exports a Pad, of zeros when the pool does not pad, and an unpadded
    /// AveragePool): each a depthwise convolution with weights 1/K^2, an even window as K + 1 with a zero row and column.
    /// </summary>
    [Fact]
    public void TinyAvgPool_WindowsInsideTheMapAreDepthwiseConvolutions_MatchTorchLogits()
    {
        var network = new OnnxModelImporter().Import(DataFile("tiny_avgpool.onnx"));

        Assert.Equal(
            new[] { typeof(Conv2dLayer), typeof(ReluLayer), typeof(Conv2dLayer), typeof(Conv2dLayer), typeof(ReluLayer), typeof(Conv2dLayer), typeof(Conv2dLayer), typeof(ReluLayer), typeof(Conv2dLayer), typeof(FlattenLayer), typeof(DenseLayer) },
            network.Layers.Select(l => l.GetType()));
        var pool = Assert.IsType<Conv2dLayer>(network.Layers[2]);
        Assert.True(pool.Depthwise);
        Assert.Equal((3, 2, new ConvolutionPadding(0, 0, 1, 1)), (pool.KernelSize, pool.Stride, pool.Pads));
        // The 2x2 window in the top-left of the 3x3 kernel, 1/4 each; the rest zero.
        Assert.Equal(new[] { 0.25f, 0.25f, 0f, 0.25f, 0.25f, 0f, 0f, 0f, 0f }, pool.Weights.Take(9).ToArray());
        Assert.Contains("runs as depthwise 3x3 convolution", network.AveragePoolsAsConvolutions);

        var (input, logits) = Expected("tiny_avgpool");
        AssertClose(logits, ReferenceForward.Run(network, input), 1e-5f);
    }

    /// <summary>nn.ReLU6 exports as Clip with constant min 0 and max 6: a Relu6Layer; the batch norms fold into the convolutions.</summary>
    [Fact]
    public void TinyRelu6_ClipZeroSixIsReLU6_MatchesTorchLogits()
    {
        var network = new OnnxModelImporter().Import(DataFile("tiny_relu6.onnx"));

        Assert.Equal(
            new[] { typeof(Conv2dLayer), typeof(Relu6Layer), typeof(Conv2dLayer), typeof(Relu6Layer), typeof(Conv2dLayer), typeof(ReluLayer), typeof(FlattenLayer), typeof(DenseLayer) },
            network.Layers.Select(l => l.GetType()));

        var (input, logits) = Expected("tiny_relu6");
        AssertClose(logits, ReferenceForward.Run(network, input), 1e-4f);
    }

    /// <summary>
    /// F.pad before unpadded convolutions: torch 1.13 leaves the pads as a constant subgraph (ConstantOfShape,
    /// Concat, Reshape, Slice, Transpose, Cast); the importer evaluates it and folds each Pad into its Conv.
    /// </summary>
    [Fact]
    public void TinyFPad_ConstantPadSubgraphIsFoldedIntoTheConvolutions_MatchesTorchLogits()
    {
        var network = new OnnxModelImporter().Import(DataFile("tiny_fpad.onnx"));

        Assert.Equal(
            new[] { typeof(Conv2dLayer), typeof(ReluLayer), typeof(Conv2dLayer), typeof(ReluLayer), typeof(MaxPool2dLayer), typeof(FlattenLayer), typeof(DenseLayer) },
            network.Layers.Select(l => l.GetType()));
        Assert.Equal((3, 1), (Assert.IsType<Conv2dLayer>(network.Layers[0]).KernelSize, ((Conv2dLayer)network.Layers[0]).Padding));
        Assert.Equal((5, 2), (Assert.IsType<Conv2dLayer>(network.Layers[2]).KernelSize, ((Conv2dLayer)network.Layers[2]).Padding));

        var (input, logits) = Expected("tiny_fpad");
        AssertClose(logits, ReferenceForward.Run(network, input), 1e-4f);
    }
}
