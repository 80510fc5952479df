using System.Text.Json;
using Xai.Core.Tests.Model;
using Xai.Model;
using Xai.Onnx;

namespace Xai.Core.Tests.Onnx;

/// <summary>
/// The trained sample network samples/table3/table3.onnx (exported by samples/table3/train.py): the
/// paper's structure and parameter count, and PyTorch's logits for the 20 sample images
/// (Data/table3_sample_logits.json, made by Data/make_table3_sample_logits.py from the same file).
/// </summary>
public class OnnxImportTableIIISampleTests
{
    private static string SamplePath() => Path.Combine(SampleDirectory(), "table3.onnx");

    private static string SampleDirectory()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Directory.Packages.props")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        return Path.Combine(dir.FullName, "samples", "table3");
    }

    [Fact]
    public void TableIIISample_ImportsAsThePapersNetwork()
    {
        var network = new OnnxModelImporter().Import(SamplePath());

        Assert.Equal("table3", network.Name);
        Assert.Equal(591_274, network.ParameterCount);
        Assert.Equal(TensorShape.FeatureMap(3, 32, 32), network.InputShape);
        Assert.Equal(10, network.OutputClasses);
        Assert.Equal(
            new[]
            {
                "Conv2dLayer[32,32,32]", "ReluLayer[32,32,32]", "Conv2dLayer[32,32,32]", "ReluLayer[32,32,32]", "MaxPool2dLayer[32,16,16]",
                "Conv2dLayer[64,16,16]", "ReluLayer[64,16,16]", "Conv2dLayer[64,16,16]", "ReluLayer[64,16,16]", "MaxPool2dLayer[64,8,8]",
                "FlattenLayer[4096]", "DenseLayer[128]", "ReluLayer[128]", "DenseLayer[10]",
            },
            network.Layers.Select(l => $"{l.GetType().Name}{l.OutputShape}"));
        Assert.All(network.Layers.OfType<Conv2dLayer>(), c => Assert.Equal((3, 1), (c.KernelSize, c.Padding)));
    }

    [Fact]
    public void TableIIISample_ReproducesPyTorchLogitsOnTheSampleImages()
    {
        var network = new OnnxModelImporter().Import(SamplePath());
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "table3_sample_logits.json")));
        var entries = json.RootElement.EnumerateObject().ToList();
        Assert.Equal(20, entries.Count);

        // Every fourth image: five classes, and the test stays a few seconds on a busy machine.
        foreach (var entry in entries.Where((_, i) => i % 4 == 0))
        {
            var input = RgbPng.ReadChw(Path.Combine(SampleDirectory(), "images", entry.Name), out int height, out int width);
            Assert.Equal((32, 32), (height, width));
            var expected = entry.Value.GetProperty("logits").EnumerateArray().Select(e => e.GetDouble()).ToArray();

            var logits = ReferenceForward.Run(network, input);

            Assert.Equal(expected.Length, logits.Length);
            double scale = Math.Max(1.0, expected.Max(Math.Abs));
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.True(Math.Abs(expected[i] - logits[i]) <= 1e-4 * scale, $"{entry.Name} logit {i}: PyTorch {expected[i]}, imported {logits[i]}");
            }
        }
    }
}
