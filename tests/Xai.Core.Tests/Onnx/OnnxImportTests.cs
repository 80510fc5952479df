using Google.Protobuf;
using Xai.Core.Tests.Model;
using Xai.Model;
using Xai.Onnx;
using Xai.Onnx.Proto;
using static Xai.Core.Tests.Onnx.OnnxModelBuilder;

namespace Xai.Core.Tests.Onnx;

/// <summary>Valid models built in memory: structure, shapes, parameter counts and where each weight lands.</summary>
public class OnnxImportTests
{
    [Fact]
    public void TableIII_HasThePapersLayersShapesAndParameterCount()
    {
        var network = OnnxImportHarness.Import(TableIII().Build());

        Assert.Equal(591_274, network.ParameterCount);
        Assert.Equal(TensorShape.FeatureMap(3, 32, 32), network.InputShape);
        Assert.Equal(10, network.OutputClasses);
        var shapes = network.Layers.Select(l => $"{l.GetType().Name}{l.OutputShape}").ToArray();
        Assert.Equal(
            new[]
            {
                "Conv2dLayer[32,32,32]", "ReluLayer[32,32,32]", "Conv2dLayer[32,32,32]", "ReluLayer[32,32,32]", "MaxPool2dLayer[32,16,16]",
                "Conv2dLayer[64,16,16]", "ReluLayer[64,16,16]", "Conv2dLayer[64,16,16]", "ReluLayer[64,16,16]", "MaxPool2dLayer[64,8,8]",
                "FlattenLayer[4096]", "DenseLayer[128]", "ReluLayer[128]", "DenseLayer[10]",
            },
            shapes);
        Assert.All(network.Layers.OfType<Conv2dLayer>(), c => Assert.Equal((3, 1, 1), (c.KernelSize, c.Padding, c.Stride)));
        Assert.Equal("/conv0/Conv", network.Layers[0].Name);
    }

    [Fact]
    public void ConvAndGemmWeights_KeepTheirValuesAndLayout()
    {
        var b = new OnnxModelBuilder(2, 4, 4);
        b.Conv(2, 3, 3);
        b.Flatten();
        b.Gemm(48, 5);
        var network = OnnxImportHarness.Import(b.Build());

        var conv = Assert.IsType<Conv2dLayer>(network.Layers[0]);
        Assert.Equal(b.Values["conv0.weight"], conv.Weights.ToArray());
        Assert.Equal(b.Values["conv0.bias"], conv.Bias.ToArray());
        Assert.Equal(b.Values["conv0.weight"][((2 * 2 + 1) * 3 + 2) * 3 + 0], conv.Weight(2, 1, 2, 0));
        var dense = Assert.IsType<DenseLayer>(network.Layers[2]);
        Assert.Equal(b.Values["fc2.weight"], dense.Weights.ToArray());
        Assert.Equal(b.Values["fc2.weight"][3 * 48 + 17], dense.Weight(3, 17));
    }

    [Fact]
    public void FloatData_GivesTheSameNetworkAsRawData()
    {
        var raw = OnnxImportHarness.Import(Small(seed: 9).Build());
        var typed = Small(seed: 9);
        typed.UseFloatData = true;
        var fromFloatData = OnnxImportHarness.Import(typed.Build());

        Assert.Equal(raw.ParameterCount, fromFloatData.ParameterCount);
        for (int i = 0; i < raw.Layers.Length; i++)
        {
            switch (raw.Layers[i])
            {
                case Conv2dLayer c:
                    Assert.Equal(c.Weights.ToArray(), ((Conv2dLayer)fromFloatData.Layers[i]).Weights.ToArray());
                    Assert.Equal(c.Bias.ToArray(), ((Conv2dLayer)fromFloatData.Layers[i]).Bias.ToArray());
                    break;
                case DenseLayer d:
                    Assert.Equal(d.Weights.ToArray(), ((DenseLayer)fromFloatData.Layers[i]).Weights.ToArray());
                    break;
            }
        }
    }

    [Fact]
    public void GemmWithoutTransB_AndMatMulAdd_AreTransposedToOutByIn()
    {
        var gemm = new OnnxModelBuilder(1, 2, 2);
        gemm.Flatten();
        gemm.Gemm(4, 3, transB: false);
        var fromGemm = Assert.IsType<DenseLayer>(OnnxImportHarness.Import(gemm.Build()).Layers[1]);
        var b = gemm.Values["fc1.weight"]; // [in=4, out=3]
        for (int o = 0; o < 3; o++)
        {
            for (int i = 0; i < 4; i++)
            {
                Assert.Equal(b[i * 3 + o], fromGemm.Weight(o, i));
            }
        }

        var matmul = new OnnxModelBuilder(1, 2, 2);
        matmul.Flatten();
        matmul.MatMul(4, 3);
        var network = OnnxImportHarness.Import(matmul.Build());
        Assert.Equal(2, network.Layers.Length); // Flatten, then MatMul+Add as one dense layer
        var fromMatMul = Assert.IsType<DenseLayer>(network.Layers[1]);
        var m = matmul.Values["mm1.weight"];
        Assert.Equal(m[2 * 3 + 1], fromMatMul.Weight(1, 2));
        Assert.Equal(matmul.Values["mm1.bias"], fromMatMul.Bias.ToArray());
    }

    [Fact]
    public void MatMulWithoutAdd_HasZeroBias_AndAddMayTakeTheBiasFirst()
    {
        var plain = new OnnxModelBuilder(1, 2, 2);
        plain.Flatten();
        plain.MatMul(4, 3, withAdd: false);
        var dense = Assert.IsType<DenseLayer>(OnnxImportHarness.Import(plain.Build()).Layers[1]);
        Assert.All(dense.Bias, v => Assert.Equal(0f, v));

        var swapped = new OnnxModelBuilder(1, 2, 2);
        swapped.Flatten();
        swapped.MatMul(4, 3);
        var add = swapped.Graph.Node[^1];
        (add.Input[0], add.Input[1]) = (add.Input[1], add.Input[0]);
        var fused = Assert.IsType<DenseLayer>(OnnxImportHarness.Import(swapped.Build()).Layers[1]);
        Assert.Equal(swapped.Values["mm1.bias"], fused.Bias.ToArray());
    }

    [Fact]
    public void BatchNormalization_IsFoldedIntoTheConvolution()
    {
        var b = new OnnxModelBuilder(2, 4, 4);
        b.Conv(2, 3, 3);
        b.BatchNormalization(3);
        b.Flatten();
        b.Gemm(48, 2);
        var network = OnnxImportHarness.Import(b.Build());

        Assert.Equal(new[] { typeof(Conv2dLayer), typeof(FlattenLayer), typeof(DenseLayer) }, network.Layers.Select(l => l.GetType()));
        var conv = (Conv2dLayer)network.Layers[0];
        float[] w = b.Values["conv0.weight"], bias = b.Values["conv0.bias"];
        float[] gamma = b.Values["bn1.weight"], beta = b.Values["bn1.bias"], mean = b.Values["bn1.running_mean"], variance = b.Values["bn1.running_var"];
        for (int c = 0; c < 3; c++)
        {
            double s = gamma[c] / Math.Sqrt(variance[c] + 1e-5);
            Assert.Equal((float)((bias[c] - mean[c]) * s + beta[c]), conv.Bias[c], 5);
            for (int j = 0; j < 18; j++)
            {
                Assert.Equal((float)(w[c * 18 + j] * s), conv.Weights[c * 18 + j], 5);
            }
        }
    }

    [Fact]
    public void ReshapeToOneByMinusOne_IsAFlatten_AndAReshapeOfAVectorAddsNothing()
    {
        var b = new OnnxModelBuilder(4, 2, 2);
        b.Reshape(1, -1);
        b.Reshape(0, 16); // 0 copies the batch dimension
        b.Flatten();
        b.Gemm(16, 2);
        var network = OnnxImportHarness.Import(b.Build());
        Assert.Equal(new[] { typeof(FlattenLayer), typeof(DenseLayer) }, network.Layers.Select(l => l.GetType()));
    }

    [Fact]
    public void ReshapeTargetFromAConstantNode_IsRead()
    {
        var b = new OnnxModelBuilder(4, 2, 2);
        var reshape = b.Reshape(1, 16);
        var shapeName = reshape.Input[1];
        var initializer = b.Graph.Initializer.Single(t => t.Name == shapeName);
        b.Graph.Initializer.Remove(initializer);
        var constant = new NodeProto { OpType = "Constant", Name = "/Constant" };
        constant.Output.Add(shapeName);
        constant.Attribute.Add(new AttributeProto { Name = "value", Type = AttributeProto.Types.AttributeType.Tensor, T = initializer });
        b.Graph.Node.Insert(0, constant);
        b.Gemm(16, 2);

        Assert.Equal(2, OnnxImportHarness.Import(b.Build()).OutputClasses);
    }

    [Theory]
    [InlineData("SAME_UPPER")]
    [InlineData("SAME_LOWER")]
    public void ConvAutoPadSame_IsTheSameAsSymmetricPads(string autoPad)
    {
        var b = new OnnxModelBuilder(1, 6, 6);
        var conv = b.Conv(1, 2, 5);
        conv.Attribute.Remove(conv.Attribute.Single(a => a.Name == "pads"));
        conv.Attribute.Add(OnnxModelBuilder.String("auto_pad", autoPad));
        b.Flatten();
        b.Gemm(72, 2);
        var layer = Assert.IsType<Conv2dLayer>(OnnxImportHarness.Import(b.Build()).Layers[0]);
        Assert.Equal((5, 2), (layer.KernelSize, layer.Padding));
        Assert.Equal(TensorShape.FeatureMap(2, 6, 6), layer.OutputShape);
    }

    [Fact]
    public void OneByOneConvWithoutPadsOrKernelShape_IsAccepted()
    {
        var b = new OnnxModelBuilder(3, 2, 2);
        var conv = b.Conv(3, 2, 1, bias: false);
        conv.Attribute.Clear(); // every Conv attribute is optional
        b.Flatten();
        b.Gemm(8, 2);
        var layer = Assert.IsType<Conv2dLayer>(OnnxImportHarness.Import(b.Build()).Layers[0]);
        Assert.Equal((1, 0), (layer.KernelSize, layer.Padding));
    }

    [Fact]
    public void SymbolicBatchDimension_IsTakenAsOne()
    {
        var model = Small().Build();
        var batch = model.Graph.Input[0].Type.TensorType.Shape.Dim[0];
        batch.DimParam = "batch_size";
        Assert.Equal(3, OnnxImportHarness.Import(model).OutputClasses);
    }

    [Fact]
    public void NodesListedOutOfOrder_AreFollowedThroughTheirValues()
    {
        var model = Small().Build();
        var nodes = model.Graph.Node.Reverse().ToList();
        model.Graph.Node.Clear();
        model.Graph.Node.Add(nodes);
        var expected = OnnxImportHarness.Import(Small().Build());

        var network = OnnxImportHarness.Import(model);
        Assert.Equal(expected.Layers.Select(l => l.GetType()), network.Layers.Select(l => l.GetType()));
    }

    [Fact]
    public void InitializersListedAsGraphInputs_AreNotTakenForTheImage()
    {
        // Exporters before IR version 4 list every initializer among the graph inputs too.
        var b = Small();
        foreach (var init in b.Graph.Initializer)
        {
            b.Graph.Input.Add(OnnxModelBuilder.TensorValue(init.Name, init.Dims.ToArray()));
        }

        Assert.Equal(TensorShape.FeatureMap(2, 8, 8), OnnxImportHarness.Import(b.Build()).InputShape);
    }

    [Fact]
    public void DeclaredShapesThatMatch_AreAccepted()
    {
        var b = Small();
        var model = b.Build();
        model.Graph.Output[0] = OnnxModelBuilder.TensorValue(b.Current, 1, 3);
        model.Graph.ValueInfo.Add(OnnxModelBuilder.TensorValue(model.Graph.Node[0].Output[0], 1, 4, 8, 8));
        Assert.Equal(3, OnnxImportHarness.Import(model).OutputClasses);
    }

    [Fact]
    public void ImportFromStream_NamesTheNetworkAfterTheSource()
    {
        using var stream = new MemoryStream(Small().Bytes());
        var network = new OnnxModelImporter().Import(stream, "models/small.onnx");
        Assert.Equal("small", network.Name);
        Assert.Equal(3, network.OutputClasses);
    }

    [Fact]
    public void SmallModel_ForwardPassMatchesAHandComputedFold()
    {
        // The folded network must compute what Conv followed by BatchNormalization computes.
        var b = new OnnxModelBuilder(1, 2, 2);
        b.Initializer("w", new long[] { 1, 1, 1, 1 }, new[] { 2f });
        b.Initializer("c", new long[] { 1 }, new[] { 0.5f });
        b.Node("Conv", new[] { "w", "c" });
        b.Initializer("g", new long[] { 1 }, new[] { 3f });
        b.Initializer("beta", new long[] { 1 }, new[] { -1f });
        b.Initializer("mu", new long[] { 1 }, new[] { 0.25f });
        b.Initializer("var", new long[] { 1 }, new[] { 4f });
        b.Node("BatchNormalization", new[] { "g", "beta", "mu", "var" }, OnnxModelBuilder.Float("epsilon", 0f));
        b.Flatten();
        b.Initializer("fw", new long[] { 1, 4 }, new[] { 1f, 1f, 1f, 1f });
        b.Node("Gemm", new[] { "fw" }, OnnxModelBuilder.Int("transB", 1));
        var network = OnnxImportHarness.Import(b.Build());

        // Each pixel: 3 * ((2x + 0.5) - 0.25) / 2 - 1; summed over x = 1, 2, 3, 4.
        float expected = new[] { 1f, 2f, 3f, 4f }.Sum(x => 3f * (2f * x + 0.25f) / 2f - 1f);
        Assert.Equal(expected, ReferenceForward.Run(network, new[] { 1f, 2f, 3f, 4f })[0], 5);
    }
}
