using Xai.Core.Tests.Model;
using Xai.Model;
using Xai.Onnx;

namespace Xai.Core.Tests.Onnx;

/// <summary>
/// The `odd` reference network of hls-lib (hls-lib/tests/data/reference/odd: 5x5 and 3x3 kernels,
/// non-square maps, a floor max-pool on 5x7), exported by torch. Its logits were computed by
/// PyTorch in float64 from the same float32 weights; the imported network must reproduce them.
/// </summary>
public class OnnxImportReferenceModelTests
{
    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Directory.Packages.props")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException($"No repository root above {AppContext.BaseDirectory}.");
    }

    private static string OddDirectory => Path.Combine(RepoRoot(), "hls-lib", "tests", "data", "reference", "odd");

    [Fact]
    public void Odd_HasTheReferenceStructureAndWeights()
    {
        var network = new OnnxModelImporter().Import(Path.Combine(OddDirectory, "odd.onnx"));

        Assert.Equal(TensorShape.FeatureMap(3, 10, 14), network.InputShape);
        Assert.Equal(1129, network.ParameterCount);
        Assert.Equal(4, network.OutputClasses);
        Assert.Equal(
            new[] { "[5,10,14]", "[5,10,14]", "[5,5,7]", "[7,5,7]", "[7,5,7]", "[7,2,3]", "[42]", "[9]", "[9]", "[4]" },
            network.Layers.Select(l => l.OutputShape.ToString()));

        // Check values from the reference README: first weight, last bias, sum of all parameters.
        var first = (Conv2dLayer)network.Layers[0];
        var last = (DenseLayer)network.Layers[^1];
        Assert.Equal((float)-0.062321703881025314, first.Weights[0]);
        Assert.Equal((float)0.019560620188713074, last.Bias[^1]);
        double sum = network.Layers.Sum(l => l switch
        {
            Conv2dLayer c => c.Weights.Sum(v => (double)v) + c.Bias.Sum(v => (double)v),
            DenseLayer d => d.Weights.Sum(v => (double)v) + d.Bias.Sum(v => (double)v),
            _ => 0.0,
        });
        Assert.Equal(-9.63074643969594, sum, 10);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Odd_ReproducesTheReferenceLogits(int k)
    {
        var network = new OnnxModelImporter().Import(Path.Combine(OddDirectory, "odd.onnx"));
        var input = NpyFile.ReadFloat32(Path.Combine(OddDirectory, $"input_{k}.npy"));
        var expected = NpyFile.ReadFloat32(Path.Combine(OddDirectory, $"logits_{k}.npy"));
        var target = NpyFile.ReadInt32(Path.Combine(OddDirectory, $"target_{k}.npy"));

        var logits = ReferenceForward.Run(network, input);

        Assert.Equal(expected.Length, logits.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - logits[i]) <= 1e-5f, $"logit {i}: reference {expected[i]}, imported {logits[i]}");
        }

        Assert.Equal(target[0], Array.IndexOf(logits, logits.Max()));
    }

    private static string GridDirectory => Path.Combine(RepoRoot(), "hls-lib", "tests", "data", "reference", "grid");

    /// <summary>
    /// The `grid` reference network: a stride-2 3x3 and a stride-2 1x1 convolution, a ZeroPad2d on two sides
    /// before an unpadded 3x3 (torch exports it as a constant Pad subgraph, folded into the Conv) and a
    /// convolution padded along rows only.
    /// </summary>
    [Fact]
    public void Grid_ImportsStridesAndUnevenPadsAsTheyAre()
    {
        var network = new OnnxModelImporter().Import(Path.Combine(GridDirectory, "grid.onnx"));

        Assert.Equal(TensorShape.FeatureMap(3, 13, 11), network.InputShape);
        Assert.Equal(1194, network.ParameterCount);
        var convs = network.Layers.OfType<Conv2dLayer>().ToList();
        Assert.Equal(new[] { 2, 1, 2, 1 }, convs.Select(c => c.Stride));
        Assert.Equal(
            new[] { new ConvolutionPadding(1, 1, 1, 1), new ConvolutionPadding(1, 0, 0, 1), new ConvolutionPadding(0, 0, 0, 0), new ConvolutionPadding(1, 0, 1, 0) },
            convs.Select(c => c.Pads));
        Assert.Equal(new[] { "[6,7,6]", "[8,6,5]", "[8,3,3]", "[6,3,1]" }, convs.Select(c => c.OutputShape.ToString()));
        Assert.Equal(new[] { false, false, false, false }, convs.Select(c => c.IsSame));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void Grid_ReproducesTheReferenceLogits(int k)
    {
        var network = new OnnxModelImporter().Import(Path.Combine(GridDirectory, "grid.onnx"));
        var input = NpyFile.ReadFloat32(Path.Combine(GridDirectory, $"input_{k}.npy"));
        var expected = NpyFile.ReadFloat32(Path.Combine(GridDirectory, $"logits_{k}.npy"));

        var logits = ReferenceForward.Run(network, input);

        Assert.Equal(expected.Length, logits.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - logits[i]) <= 1e-5f, $"logit {i}: reference {expected[i]}, imported {logits[i]}");
        }
    }

    private static string DwDirectory => Path.Combine(RepoRoot(), "hls-lib", "tests", "data", "reference", "dw");

    /// <summary>The `dw` reference network: depthwise 3x3 convolutions (group = channels, stride 2 and 1), each followed by a pointwise 1x1.</summary>
    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void Dw_ImportsDepthwiseConvolutionsAndReproducesTheReferenceLogits(int k)
    {
        var network = new OnnxModelImporter().Import(Path.Combine(DwDirectory, "dw.onnx"));
        Assert.Equal(681, network.ParameterCount);
        Assert.Equal(new[] { false, true, false, true, false }, network.Layers.OfType<Conv2dLayer>().Select(c => c.Depthwise));
        var input = NpyFile.ReadFloat32(Path.Combine(DwDirectory, $"input_{k}.npy"));
        var expected = NpyFile.ReadFloat32(Path.Combine(DwDirectory, $"logits_{k}.npy"));

        var logits = ReferenceForward.Run(network, input);

        Assert.Equal(expected.Length, logits.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - logits[i]) <= 1e-5f, $"logit {i}: reference {expected[i]}, imported {logits[i]}");
        }
    }
}
