using Google.Protobuf;
using Xai.Diagnostics;
using Xai.Onnx;
using Xai.Onnx.Proto;
using static Xai.Core.Tests.Onnx.OnnxModelBuilder;
using Codes = Xai.Diagnostics.DiagnosticCatalog;

namespace Xai.Core.Tests.Onnx;

/// <summary>
/// Every way a model can be unusable gets its own code, names the file, and says what is wrong and
/// what is allowed. Each case starts from a valid model and breaks one thing.
/// </summary>
public class OnnxImportErrorTests
{
    private sealed record Case(Func<ModelProto> Model, string Code, params string[] Mentions);

    private static readonly Dictionary<string, Case> Cases = new()
    {
        // The graph's input
        ["two image inputs"] = new(() => Edit(Small(), b => b.Graph.Input.Add(TensorValue("mask", 1, 1, 8, 8))), Codes.InputCount, "'image', 'mask'"),
        ["no image input"] = new(() => Edit(Small(), b => b.Graph.Input.Clear()), Codes.InputCount, "has 0"),
        ["int64 input"] = new(() => Edit(Small(), b => b.Graph.Input[0].Type.TensorType.ElemType = 7), Codes.InputType, "'image'", "INT64", "FLOAT"),
        ["rank-2 input"] = new(() => Edit(Small(), b => b.Graph.Input[0] = TensorValue("image", 1, 128)), Codes.InputShape, "[1,128]", "[1,C,H,W]"),
        ["symbolic height"] = new(
            () => Edit(Small(), b => b.Graph.Input[0].Type.TensorType.Shape.Dim[2].DimParam = "height"), Codes.InputShape, "[1,2,height,8]"),
        ["input without shape"] = new(() => Edit(Small(), b => b.Graph.Input[0].Type.TensorType.Shape = null), Codes.InputShape, "no shape"),
        ["batch 4"] = new(() => Edit(Small(), b => b.Graph.Input[0].Type.TensorType.Shape.Dim[0].DimValue = 4), Codes.InputBatch, "batch size 4", "must be 1"),

        // Operators
        ["sigmoid"] = new(() => Chain(b => b.Node("Sigmoid", Array.Empty<string>())), Codes.UnsupportedOperator, "/sigmoid0/Sigmoid", "'Sigmoid'", "activations are Relu and ReLU6", "Supported: Conv", "Gemm", "MaxPool"),
        ["an operator without a near alternative"] = new(
            () => Chain(b => b.Node("Erf", Array.Empty<string>())), Codes.UnsupportedOperator, "/erf0/Erf", "'Erf'", "Supported: Conv", "Gemm", "MaxPool"),
        ["a node on constants only"] = new(
            () => Edit(Small(), b =>
            {
                var folded = new NodeProto { OpType = "Relu", Name = "/unfolded/Relu" };
                folded.Input.Add("conv0.bias");
                folded.Output.Add("unfolded_out");
                b.Graph.Node.Add(folded);
            }),
            Codes.UnsupportedOperator,
            "1 node(s) compute values from constants only",
            "/unfolded/Relu",
            "do_constant_folding=True))."),
        ["pads computed from constants by an operator the importer does not evaluate"] = new(
            () => PaddedConv(b =>
            {
                b.Graph.Initializer.Add(Int64Tensor("pad.all", new long[] { 8 }, new long[] { 0, 0, 1, 1, 0, 0, 1, 1 }));
                b.Graph.Initializer.Add(Int64Tensor("pad.one", new long[] { 1 }, new long[] { 1 }));
                var mul = new NodeProto { OpType = "Mul", Name = "/pads/Mul" };
                mul.Input.Add(new[] { "pad.all", "pad.one" });
                mul.Output.Add("pad.pads");
                b.Graph.Node.Add(mul);
                b.Node("Pad", new[] { "pad.pads" }).Name = "/pad/Pad";
            }),
            Codes.UnsupportedOperator,
            "1 node(s) compute values from constants only",
            "/pads/Mul",
            "do_constant_folding=True",
            "padding=(K-1)//2"),
        ["unnamed softmax before the end"] = new(
            () => Chain(b =>
            {
                b.Node("Softmax", Array.Empty<string>()).Name = "";
                b.Relu();
            }),
            Codes.UnsupportedOperator,
            "node #0 (Softmax)",
            "only as the graph's last node",
            "export the logits"),
        ["softmax over a feature map at the end"] = new(
            () => Chain(b => b.Node("Softmax", Array.Empty<string>())), Codes.ShapeMismatch, "Softmax", "feature map [2,4,4]", "class scores"),
        ["log-softmax over the batch axis"] = new(
            () => Chain(b =>
            {
                b.Flatten();
                b.Gemm(32, 2);
                b.Node("LogSoftmax", Array.Empty<string>(), Int("axis", 0));
            }),
            Codes.UnsupportedAttribute,
            "axis = 0",
            "1 or -1"),
        ["residual add"] = new(
            () => Chain(b =>
            {
                var relu = b.Relu();
                b.Node("Add", new[] { relu.Input[0] }).Name = "/block/Add";
            }),
            Codes.UnsupportedOperator,
            "/block/Add",
            "a residual join is built into the convolution that computes one of its operands",
            "'/relu0/Relu_output_0' (a Relu)"),
        ["residual join on a convolution read twice"] = new(
            () => Chain(b =>
            {
                b.Conv(2, 2, 3);
                var convOut = b.Current;
                b.Relu();
                b.Node("Add", new[] { convOut }).Name = "/block/Add";
            }),
            Codes.UnsupportedOperator,
            "/block/Add",
            "whose output feeds only this Add"),
        ["clip other than ReLU6"] = new(
            () => Chain(b => b.Node("Clip", new[] { b.Initializer("lo", new long[] { 1 }, new[] { -1f }), b.Initializer("hi", new long[] { 1 }, new[] { 1f }) }).Name = "/act/Clip"),
            Codes.UnsupportedAttribute, "/act/Clip", "min, max = -1, 1", "0 and 6 (ReLU6)"),
        ["global max pool"] = new(() => Chain(b => b.Node("GlobalMaxPool", Array.Empty<string>()).Name = "/pool/GlobalMaxPool"), Codes.UnsupportedOperator, "/pool/GlobalMaxPool", "'GlobalMaxPool'", "MaxPool with kernel 2x2", "GlobalAveragePool"),
        ["average pool of a non-square window"] = new(
            () => Chain(b => b.Node("AveragePool", Array.Empty<string>(), Ints("kernel_shape", 3, 2)).Name = "/pool/AveragePool"),
            Codes.UnsupportedAttribute, "/pool/AveragePool", "kernel_shape = [3,2] on [2,4,4]", "a square window [K,K]", "[4,4] (the whole map"),
        ["average pool stride 3"] = new(
            () => Chain(b => b.Node("AveragePool", Array.Empty<string>(), Ints("kernel_shape", 3, 3), Ints("strides", 3, 3)).Name = "/pool/AveragePool"),
            Codes.UnsupportedAttribute, "/pool/AveragePool", "strides = [3,3]", "[1,1] or [2,2]"),
        ["average pool excluding its padding"] = new(
            () => Chain(b => b.Node("AveragePool", Array.Empty<string>(), Ints("kernel_shape", 3, 3), Ints("pads", 1, 1, 1, 1)).Name = "/pool/AveragePool"),
            Codes.UnsupportedAttribute, "/pool/AveragePool", "count_include_pad = 0 with pads [1,1,1,1]", "count_include_pad=True"),
        ["average pool of an even window padded on both sides"] = new(
            () => Chain(b => b.Node("AveragePool", Array.Empty<string>(), Ints("kernel_shape", 2, 2), Ints("pads", 1, 1, 1, 1), Int("count_include_pad", 1)).Name = "/pool/AveragePool"),
            Codes.UnsupportedAttribute, "/pool/AveragePool", "pads = [1,1,1,1]", "each at most 1, top + bottom and left + right at most 1 for a 2x2 window", "3x3 convolution"),
        ["global average pool not before a dense layer"] = new(
            () => Chain(b =>
            {
                b.Node("GlobalAveragePool", Array.Empty<string>()).Name = "/pool/GlobalAveragePool";
                b.Relu();
            }),
            Codes.UnsupportedOperator, "/pool/GlobalAveragePool", "folded into", "Relu"),
        ["reduce mean over channels"] = new(
            () => Chain(b => b.Node("ReduceMean", Array.Empty<string>(), Ints("axes", 1)).Name = "/m/ReduceMean"),
            Codes.UnsupportedAttribute, "/m/ReduceMean", "axes = [1]", "[2,3] or [-2,-1]"),
        ["vendor domain"] = new(
            () => Chain(b => b.Node("Relu", Array.Empty<string>()).Domain = "com.microsoft"), Codes.UnsupportedOperator, "com.microsoft.Relu"),
        ["lone Add"] = new(() => Chain(b => b.Node("Add", new[] { b.Initializer("k", 2) })), Codes.UnsupportedOperator, "Add", "after a MatMul"),

        // Attribute values the hardware does not implement
        ["conv stride 3"] = new(() => ConvWith("strides", Ints("strides", 3, 3)), Codes.UnsupportedAttribute, "/conv0/Conv", "strides = [3,3]", "[1,1] or [2,2]"),
        ["conv uneven strides"] = new(() => ConvWith("strides", Ints("strides", 1, 2)), Codes.UnsupportedAttribute, "strides = [1,2]", "[1,1] or [2,2]"),
        ["conv dilation 2"] = new(() => ConvWith("dilations", Ints("dilations", 2, 2)), Codes.UnsupportedAttribute, "dilations = [2,2]", "[1,1]"),
        ["conv pads beyond (K-1)/2"] = new(() => ConvWith("pads", Ints("pads", 2, 1, 1, 1)), Codes.UnsupportedAttribute, "pads = [2,1,1,1]", "each at most 1"),
        ["conv negative pads"] = new(() => ConvWith("pads", Ints("pads", -1, 1, 1, 1)), Codes.UnsupportedAttribute, "pads = [-1,1,1,1]", "each at most 1"),
        ["conv auto_pad with pads"] = new(() => ConvWith("group", Int("group", 1), String("auto_pad", "VALID")), Codes.UnsupportedAttribute, "auto_pad = 'VALID' together with pads"),
        ["conv group 2"] = new(() => ConvWith("group", Int("group", 2)), Codes.UnsupportedAttribute, "group = 2", "1, or 2 with weights [2,1,K,K] (depthwise"),
        ["conv unknown attribute"] = new(() => ConvWith("group", Int("groups", 1)), Codes.UnsupportedAttribute, "'groups'", "known attributes: auto_pad"),
        ["conv strides as INT"] = new(() => ConvWith("strides", Int("strides", 1)), Codes.UnsupportedAttribute, "'strides'", "type Int", "Ints"),
        ["conv even kernel"] = new(() => Chain(b => b.Conv(2, 2, 4)), Codes.UnsupportedAttribute, "kernel_shape = [4,4]", "odd K"),
        ["conv non-square kernel"] = new(
            () => Chain(b =>
            {
                b.Initializer("w35", 2, 2, 3, 5);
                b.Node("Conv", new[] { "w35" }, Ints("pads", 1, 2, 1, 2));
            }),
            Codes.UnsupportedAttribute,
            "kernel_shape = [3,5]",
            "square"),
        ["maxpool 4x4"] = new(() => PoolWith("kernel_shape", Ints("kernel_shape", 4, 4)), Codes.UnsupportedAttribute, "kernel_shape = [4,4]", "[2,2] or [3,3]"),
        ["maxpool 3x2"] = new(() => PoolWith("kernel_shape", Ints("kernel_shape", 3, 2)), Codes.UnsupportedAttribute, "kernel_shape = [3,2]", "[2,2] or [3,3]"),
        ["maxpool ceil_mode adding a window"] = new(
            () =>
            {
                var model = PoolWith("kernel_shape", Ints("kernel_shape", 3, 3));
                var pool = model.Graph.Node.Single(n => n.OpType == "MaxPool");
                pool.Attribute.Single(a => a.Name == "ceil_mode").I = 1;
                return model;
            },
            Codes.UnsupportedAttribute, "ceil_mode = 1 on [2,4,4]", "rounding up adds no window"),
        ["maxpool default stride"] = new(() => PoolWith("strides", null), Codes.UnsupportedAttribute, "strides = absent (stride 1)", "[2,2]"),
        ["maxpool padded beyond half the window"] = new(() => PoolWith("pads", Ints("pads", 2, 1, 1, 1)), Codes.UnsupportedAttribute, "pads = [2,1,1,1]", "0 to 1 (at most half the 2x2 window"),
        ["gemm alpha"] = new(() => GemmWith("alpha", Float("alpha", 0.5f)), Codes.UnsupportedAttribute, "alpha = 0.5", "1.0"),
        ["gemm transA"] = new(() => GemmWith("transB", Int("transA", 1), Int("transB", 1)), Codes.UnsupportedAttribute, "transA = 1"),
        ["flatten axis 2"] = new(
            () => Chain(b => b.Node("Flatten", Array.Empty<string>(), Int("axis", 2))), Codes.UnsupportedAttribute, "axis = 2"),
        ["reshape to [2,-1]"] = new(() => Chain(b => b.Reshape(2, -1)), Codes.UnsupportedAttribute, "[2,-1]", "[1,32]"),
        ["reshape to [1,4,8]"] = new(() => Chain(b => b.Reshape(1, 4, 8)), Codes.UnsupportedAttribute, "[1,4,8]"),
        ["reshape with two -1"] = new(() => Chain(b => b.Reshape(-1, -1)), Codes.UnsupportedAttribute, "[-1,-1]"),
        ["batchnorm training"] = new(
            () => Edit(Small(), b => b.Graph.Node[1].Attribute.Add(Int("training_mode", 1))), Codes.UnsupportedAttribute, "training_mode = 1", "eval"),

        // Constants
        ["missing conv weights"] = new(
            () => Edit(Small(), b => b.Graph.Initializer.Remove(b.Graph.Initializer.Single(t => t.Name == "conv0.weight"))),
            Codes.MissingInitializer,
            "'/conv0/Conv'",
            "'conv0.weight'",
            "weights"),
        ["reshape target computed"] = new(
            () => Chain(b => b.Node("Reshape", new[] { "computed_shape" })), Codes.MissingInitializer, "'computed_shape'", "target shape"),
        ["double weights"] = new(
            () => Edit(Small(), b => b.Graph.Initializer.Single(t => t.Name == "conv0.weight").DataType = 11),
            Codes.InitializerType,
            "'conv0.weight'",
            "DOUBLE",
            "FLOAT"),
        ["float reshape target"] = new(
            () => Chain(b => b.Node("Reshape", new[] { b.Initializer("fshape", new long[] { 2 }, new[] { 1f, -1f }) })),
            Codes.InitializerType,
            "'fshape'",
            "INT64"),
        ["zero-length weights"] = new(
            () => Edit(Small(), b => b.Graph.Initializer.Single(t => t.Name == "conv0.weight").RawData = ByteString.Empty),
            Codes.InitializerData,
            "'conv0.weight'",
            "holds no data",
            "[4,2,3,3] need 72"),
        ["short raw_data"] = new(
            () => Edit(Small(), b =>
            {
                var t = b.Graph.Initializer.Single(t => t.Name == "conv0.bias");
                t.RawData = ByteString.CopyFrom(t.RawData.Span[..10]);
            }),
            Codes.InitializerData,
            "10 bytes",
            "need 16"),
        ["raw_data and float_data"] = new(
            () => Edit(Small(), b => b.Graph.Initializer.Single(t => t.Name == "conv0.bias").FloatData.Add(1f)), Codes.InitializerData, "both"),
        ["negative variance"] = new(
            () => Edit(Small(), b =>
            {
                var t = b.Graph.Initializer.Single(t => t.Name == "bn1.running_var");
                t.RawData = FloatTensor("v", new long[] { 4 }, new[] { 1f, -2f, 1f, 1f }).RawData;
            }),
            Codes.InitializerData,
            "channel 1"),
        ["external data"] = new(
            () => Edit(Small(), b =>
            {
                var t = b.Graph.Initializer.Single(t => t.Name == "conv0.weight");
                t.DataLocation = TensorProto.Types.DataLocation.External;
                t.RawData = ByteString.Empty;
            }),
            Codes.InitializerExternal,
            "'conv0.weight'",
            "external file"),
        ["negative dims"] = new(
            () => Edit(Small(), b => b.Graph.Initializer.Single(t => t.Name == "conv0.bias").Dims[0] = -4), Codes.InitializerDims, "negative"),
        ["huge dims"] = new(
            () => Edit(Small(), b =>
            {
                var dims = b.Graph.Initializer.Single(t => t.Name == "conv0.weight").Dims;
                dims.Clear();
                dims.Add(new long[] { 1L << 40, 1L << 40, 3, 3 });
            }),
            Codes.InitializerDims,
            "[1099511627776,1099511627776,3,3]",
            "more than"),

        // Graph structure
        ["branch"] = new(
            () => Chain(b =>
            {
                var relu = b.Relu();
                var side = new NodeProto { OpType = "Relu", Name = "/side/Relu" };
                side.Input.Add(relu.Input[0]);
                side.Output.Add("side_out");
                b.Graph.Node.Add(side);
            }),
            Codes.NotSingleChain,
            "'side_out'",
            "/side/Relu",
            "used by no node"),
        ["shape-based flatten"] = new(
            () => Chain(b =>
            {
                var shape = new NodeProto { OpType = "Shape", Name = "/Shape" };
                shape.Input.Add(b.Current);
                shape.Output.Add("dynamic_shape");
                b.Graph.Node.Add(shape);
                b.Node("Reshape", new[] { "dynamic_shape" });
            }),
            Codes.UnsupportedOperator,
            "/Shape",
            "torch.flatten(x, 1)"),
        ["loose node"] = new(
            () => Edit(Small(), b =>
            {
                var loose = new NodeProto { OpType = "Relu", Name = "/loose/Relu" };
                loose.Input.Add("nowhere"); // (a node on constants only is an unfolded constant: its own case)
                loose.Output.Add("loose_out");
                b.Graph.Node.Add(loose);
            }),
            Codes.NotSingleChain,
            "/loose/Relu",
            "'nowhere'",
            "not connected to the input"),
        ["output not at the end"] = new(
            () => Edit(Small(), b => b.Graph.Output[0].Name = b.Graph.Node[3].Output[0]), Codes.NotSingleChain, "is used by no node and is not the graph output"),
        ["two outputs"] = new(() => Edit(Small(), b => b.Graph.Output.Add(TensorValue("extra", 1, 3))), Codes.NotSingleChain, "exactly one output", "has 2"),
        ["value written twice"] = new(
            () => Edit(Small(), b => b.Graph.Node[4].Output[0] = b.Graph.Node[2].Output[0]), Codes.NotSingleChain, "already defines"),
        ["data as second operand"] = new(
            () => Chain(b =>
            {
                b.Flatten();
                var gemm = b.Gemm(32, 2);
                (gemm.Input[0], gemm.Input[1]) = (gemm.Input[1], gemm.Input[0]);
            }),
            Codes.NotSingleChain,
            "first input"),
        ["pool index output used"] = new(
            () => Chain(b =>
            {
                var pool = b.MaxPool();
                pool.Output.Add("indices");
                var use = new NodeProto { OpType = "Relu", Name = "/idx/Relu" };
                use.Input.Add("indices");
                use.Output.Add("idx_out");
                b.Graph.Node.Add(use);
            }),
            Codes.NotSingleChain,
            "second output 'indices'"),

        // Shapes
        ["conv channel mismatch"] = new(
            () => Chain(b => b.Conv(3, 4, 3)), Codes.ShapeMismatch, "[4,3,3,3] expect 3 input channels", "[2,4,4]"),
        ["gemm size mismatch"] = new(
            () => Chain(b =>
            {
                b.Flatten();
                b.Gemm(30, 2);
            }),
            Codes.ShapeMismatch,
            "expect 30 inputs",
            "has 32",
            "flattened from [2,4,4]"),
        ["gemm on a feature map"] = new(() => Chain(b => b.Gemm(32, 2)), Codes.ShapeMismatch, "needs a vector", "Flatten"),
        ["conv on a vector"] = new(
            () => Chain(b =>
            {
                b.Flatten();
                b.Conv(32, 2, 3);
            }),
            Codes.ShapeMismatch,
            "needs a feature map"),
        ["pooling a single row"] = new(
            () =>
            {
                var b = new OnnxModelBuilder(1, 1, 6);
                b.MaxPool();
                b.Flatten();
                b.Gemm(3, 2);
                return b.Build();
            },
            Codes.ShapeMismatch,
            "at least 2",
            "[1,1,6]"),
        ["ceil_mode on an odd size"] = new(
            () =>
            {
                var b = new OnnxModelBuilder(1, 5, 4);
                var pool = b.MaxPool();
                pool.Attribute.Remove(pool.Attribute.Single(a => a.Name == "ceil_mode"));
                pool.Attribute.Add(Int("ceil_mode", 1));
                b.Flatten();
                b.Gemm(6, 2);
                return b.Build();
            },
            Codes.UnsupportedAttribute,
            "ceil_mode = 1 on [1,5,4]",
            "rounded down"),
        ["bias length"] = new(
            () => Edit(Small(), b => b.Graph.Initializer.Single(t => t.Name == "conv0.bias").Dims[0] = 2),
            Codes.InitializerData), // dims [2] but 4 values: the data check comes first
        ["bias dims"] = new(
            () => Edit(Small(), b =>
            {
                var t = b.Graph.Initializer.Single(t => t.Name == "conv0.bias");
                t.Dims.Clear();
                t.Dims.Add(new long[] { 2, 2 });
            }),
            Codes.ShapeMismatch,
            "bias 'conv0.bias' has dims [2,2]",
            "expected [4]"),
        ["kernel_shape disagrees with weights"] = new(
            () => ConvWith("kernel_shape", Ints("kernel_shape", 5, 5)), Codes.ShapeMismatch, "kernel_shape [5,5]", "[3,3]"),
        ["declared output shape"] = new(
            () => Edit(Small(), b => b.Graph.Output[0] = TensorValue(b.Current, 1, 7)), Codes.ShapeMismatch, "declares output", "[1,7]", "[1,3]"),
        ["batchnorm after relu"] = new(
            () => Chain(b =>
            {
                b.Relu();
                b.BatchNormalization(2);
            }),
            Codes.BatchNormalizationPlacement,
            "does not directly follow a Conv"),
        ["batchnorm of a conv the previous node did not compute"] = new(
            () => Chain(b =>
            {
                var input = b.Current;
                b.Conv(2, 2, 3);
                var main = b.Current;
                b.ContinueFrom(input);
                b.Conv(2, 2, 3); // a shortcut convolution, exported between the main one and its batch norm
                var shortcut = b.Current;
                b.ContinueFrom(main);
                b.BatchNormalization(2).Name = "/main/BatchNormalization";
                b.Node("Add", new[] { shortcut });
            }),
            Codes.BatchNormalizationPlacement,
            "/main/BatchNormalization",
            "does not directly follow a Conv"),
        ["conv without weights"] = new(() => Chain(b => b.Node("Conv", Array.Empty<string>())), Codes.NodeArity, "has 1 inputs", "2 to 3"),
        ["ends in a feature map"] = new(
            () =>
            {
                var b = new OnnxModelBuilder(2, 4, 4);
                b.Conv(2, 2, 3);
                return b.Build();
            },
            Codes.OutputNotScores,
            "ends in a feature map [2,4,4]"),
        ["no layers"] = new(() => new OnnxModelBuilder(2, 4, 4).Build(), Codes.OutputNotScores, "no layers"),
    };

    public static TheoryData<string> CaseNames => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void BrokenModel_FailsWithItsCode_NamingTheProblem(string name)
    {
        var c = Cases[name];
        var e = OnnxImportHarness.Fails(c.Model(), c.Code);
        foreach (var mention in c.Mentions)
        {
            Assert.True(e.Message.Contains(mention, StringComparison.Ordinal), $"'{mention}' missing from: {e.Message}");
        }
    }

    [Fact]
    public void EveryCode_IsInTheModelImportRange_AndDistinct()
    {
        var codes = Xai.Diagnostics.DiagnosticCatalog.Entries.Select(e => e.Code).Where(c => c.StartsWith("XAI2", StringComparison.Ordinal)).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Matches("^XAI2[0-9]{3}$", c));
        Assert.All(
            codes.Where(c => c is not (Codes.OnnxFileNotFound or Codes.OnnxFileUnreadable or Codes.OnnxEmptyFile or Codes.NotOnnx or Codes.NoGraph)),
            c => Assert.Contains(Cases.Values, k => k.Code == c));
    }

    [Fact]
    public void MissingFile_IsReportedWithItsPath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"xai-missing-{Guid.NewGuid():N}", "model.onnx");
        var e = Assert.Throws<XaiException>(() => new OnnxModelImporter().Import(path));
        Assert.Equal(Codes.OnnxFileNotFound, e.Code);
        Assert.Equal(path, e.Diagnostic.File);
        Assert.Contains("does not exist", e.Message);
    }

    [Fact]
    public void Directory_IsNotAModel()
    {
        var e = Assert.Throws<XaiException>(() => new OnnxModelImporter().Import(Path.GetTempPath()));
        Assert.Equal(Codes.OnnxFileUnreadable, e.Code);
        Assert.Contains("directory", e.Message);
    }

    [Fact]
    public void EmptyFile_IsReportedAsEmpty()
    {
        var e = OnnxImportHarness.FailsBytes(Array.Empty<byte>(), Codes.OnnxEmptyFile);
        Assert.Contains("0 bytes", e.Message);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.9)]
    [InlineData(0.99)]
    public void TruncatedModel_IsNotOnnx(double keep)
    {
        var bytes = Small().Bytes();
        var e = OnnxImportHarness.FailsBytes(bytes[..(int)(bytes.Length * keep)], Codes.NotOnnx);
        Assert.Contains("truncated or corrupt", e.Message);
    }

    [Fact]
    public void TextFile_IsNotOnnx()
    {
        OnnxImportHarness.FailsBytes(System.Text.Encoding.UTF8.GetBytes("{\"this\": \"is json, not onnx\"}\n"), Codes.NotOnnx);
    }

    [Fact]
    public void ProtobufWithoutGraph_IsNotAModel()
    {
        var e = OnnxImportHarness.Fails(new ModelProto { IrVersion = 8, ProducerName = "nothing" }, Codes.NoGraph);
        Assert.Contains("no ONNX graph", e.Message);
    }

    [Fact]
    public void AnotherProtobufMessage_IsNotAModel()
    {
        // A lone tensor is valid protobuf, but read as a ModelProto its name lands in opset_import
        // (field 8) and its bytes there are not a valid message.
        var tensor = FloatTensor("w", new long[] { 2 }, new[] { 1f, 2f });
        OnnxImportHarness.FailsBytes(tensor.ToByteArray(), Codes.NotOnnx);

        // An OperatorSetIdProto shares no field with a model's graph: it parses, and has no graph.
        OnnxImportHarness.FailsBytes(new OperatorSetIdProto { Domain = "ai.onnx", Version = 13 }.ToByteArray(), Codes.NoGraph);
    }

    /// <summary>Builds <see cref="OnnxModelBuilder.Small"/> and applies <paramref name="edit"/> to the built model.</summary>
    private static ModelProto Edit(OnnxModelBuilder b, Action<OnnxModelBuilder> edit)
    {
        b.Build();
        edit(b);
        return b.Model;
    }

    /// <summary>A chain whose convolutions use values the hardware lacks: each is reported in one import.</summary>
    [Fact]
    public void Every_unsupported_attribute_value_is_reported_in_one_import_and_shape_findings_after_it_are_not()
    {
        var b = new OnnxModelBuilder(1, 12, 12);
        static void Set(NodeProto node, AttributeProto value)
        {
            foreach (var old in node.Attribute.Where(a => a.Name == value.Name).ToList()) node.Attribute.Remove(old);
            node.Attribute.Add(value);
        }

        var conv1 = b.Conv(1, 2, 5);
        conv1.Name = "/c1/Conv";
        Set(conv1, Ints("pads", 3, 3, 3, 3));
        b.Relu();
        b.MaxPool();
        var conv2 = b.Conv(2, 4, 3);
        conv2.Name = "/c2/Conv";
        Set(conv2, Ints("strides", 3, 3));
        b.Relu();
        var conv3 = b.Conv(4, 4, 3);
        conv3.Name = "/c3/Conv";
        b.Flatten();
        b.Gemm(4 * 6 * 6, 3); // the size 'same' convolutions would give; with the values above it would not match

        var e = OnnxImportHarness.Fails(b.Build(), Codes.UnsupportedAttribute);
        Assert.Equal(2, e.Diagnostics.Count);
        Assert.All(e.Diagnostics, d => Assert.Equal(Codes.UnsupportedAttribute, d.Code));
        Assert.Contains("/c1/Conv", e.Diagnostics[0].Message);
        Assert.Contains("pads = [3,3,3,3]", e.Diagnostics[0].Message);
        Assert.Contains("/c2/Conv", e.Diagnostics[1].Message);
        Assert.Contains("strides = [3,3]", e.Diagnostics[1].Message);
        Assert.DoesNotContain(e.Diagnostics, d => d.Message.Contains("/c3/Conv", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_unsupported_node_is_reported_in_one_import_each_with_its_name_and_an_alternative()
    {
        var model = Chain(b =>
        {
            b.Node("HardSigmoid", Array.Empty<string>()).Name = "/act/HardSigmoid";
            b.Node("GlobalMaxPool", Array.Empty<string>()).Name = "/pool/GlobalMaxPool";
            b.Node("Dropout", Array.Empty<string>()).Name = "/drop/Dropout";
            b.Relu();
        });
        var e = OnnxImportHarness.Fails(model, Codes.UnsupportedOperator);
        Assert.Equal(3, e.Diagnostics.Count);
        Assert.All(e.Diagnostics, d => Assert.Equal(Codes.UnsupportedOperator, d.Code));
        Assert.Contains("/act/HardSigmoid", e.Diagnostics[0].Message);
        Assert.Contains("Relu", e.Diagnostics[0].Message);
        Assert.Contains("/pool/GlobalMaxPool", e.Diagnostics[1].Message);
        Assert.Contains("MaxPool", e.Diagnostics[1].Message);
        Assert.Contains("/drop/Dropout", e.Diagnostics[2].Message);
        Assert.Contains("model.eval()", e.Diagnostics[2].Message);
    }

    [Theory]
    [InlineData("Softmax")]
    [InlineData("LogSoftmax")]
    public void A_final_softmax_is_dropped_and_the_network_ends_in_the_logits(string op)
    {
        var plain = OnnxImportHarness.Import(Small().Build());
        var b = Small();
        b.Node(op, Array.Empty<string>(), Int("axis", 1)).Name = "/probs/" + op;
        var imported = OnnxImportHarness.Import(b.Build());
        Assert.Null(plain.DroppedOutputActivation);
        Assert.Equal($"{op} (node '/probs/{op}' ({op}))", imported.DroppedOutputActivation);
        Assert.Equal(plain.Layers.Select(l => (l.GetType(), l.OutputShape)), imported.Layers.Select(l => (l.GetType(), l.OutputShape)));
        Assert.Equal(plain.OutputClasses, imported.OutputClasses);
    }

    /// <summary>[2,8,8] in; a 3x3 Conv without padding after <paramref name="pad"/>, then ReLU, flatten and a dense layer.</summary>
    private static ModelProto PaddedConv(Action<OnnxModelBuilder> pad, long[]? convPads = null)
    {
        var b = new OnnxModelBuilder(2, 8, 8);
        pad(b);
        var conv = b.Conv(2, 3, 3);
        conv.Attribute.Single(a => a.Name == "pads").Ints.Clear();
        conv.Attribute.Single(a => a.Name == "pads").Ints.Add(convPads ?? new long[4]);
        b.Relu();
        b.Flatten();
        b.Gemm(3 * 8 * 8, 2);
        return b.Build();
    }

    private static void PadInput(OnnxModelBuilder b, params long[] pads)
    {
        b.Graph.Initializer.Add(Int64Tensor("pad.pads", new long[] { pads.Length }, pads));
        b.Node("Pad", new[] { "pad.pads" }, String("mode", "constant")).Name = "/pad/Pad";
    }

    [Fact]
    public void A_zero_Pad_right_before_a_Conv_is_folded_into_its_padding()
    {
        // Opset 11+ (pads as an input) and opset < 11 (pads as an attribute) alike.
        var fromInput = OnnxImportHarness.Import(PaddedConv(b => PadInput(b, 0, 0, 1, 1, 0, 0, 1, 1)));
        var fromAttribute = OnnxImportHarness.Import(PaddedConv(b => b.Node("Pad", Array.Empty<string>(), Ints("pads", 0, 0, 1, 1, 0, 0, 1, 1))));
        var split = OnnxImportHarness.Import(PaddedConv(b => PadInput(b, 0, 0, 1, 0, 0, 0, 0, 1), convPads: new long[] { 0, 1, 1, 0 }));
        foreach (var network in new[] { fromInput, fromAttribute, split })
        {
            var conv = Assert.IsType<Xai.Model.Conv2dLayer>(network.Layers[0]);
            Assert.Equal(1, conv.Padding);
            Assert.Equal("[3,8,8]", conv.OutputShape.ToString());
            Assert.Equal(2, network.OutputClasses);
        }
    }

    [Fact]
    public void A_Pad_that_does_not_make_same_padding_or_is_not_zero_or_not_before_a_Conv_is_named()
    {
        var lopsided = OnnxImportHarness.Fails(PaddedConv(b => PadInput(b, 0, 0, 2, 2, 0, 0, 0, 0)), Codes.UnsupportedAttribute);
        Assert.Contains("pads = [2,2,0,0]", lopsided.Message);
        Assert.Contains("/pad/Pad", lopsided.Message);
        Assert.Contains("folded", lopsided.Message);
        var reflect = OnnxImportHarness.Fails(
            PaddedConv(b => b.Node("Pad", Array.Empty<string>(), Ints("pads", 0, 0, 1, 1, 0, 0, 1, 1), String("mode", "reflect"))), Codes.UnsupportedAttribute);
        Assert.Contains("'reflect'", reflect.Message);
        var beforeRelu = OnnxImportHarness.Fails(
            Chain(b =>
            {
                b.Node("Pad", Array.Empty<string>(), Ints("pads", 0, 0, 1, 1, 0, 0, 1, 1)).Name = "/lonely/Pad";
                b.Relu();
            }),
            Codes.UnsupportedOperator);
        Assert.Contains("/lonely/Pad", beforeRelu.Message);
        Assert.Contains("folded only into a Conv", beforeRelu.Message);
    }

    /// <summary>[2,4,4] in, <paramref name="middle"/>, then flatten and a dense layer to 2 classes when still needed.</summary>
    private static ModelProto Chain(Action<OnnxModelBuilder> middle)
    {
        var b = new OnnxModelBuilder(2, 4, 4);
        middle(b);
        b.Build();
        return b.Model;
    }

    private static ModelProto ConvWith(string replaces, params AttributeProto[] attributes)
    {
        var b = new OnnxModelBuilder(2, 4, 4);
        var conv = b.Conv(2, 2, 3);
        foreach (var old in conv.Attribute.Where(a => a.Name == replaces).ToList())
        {
            conv.Attribute.Remove(old);
        }

        conv.Attribute.Add(attributes);
        b.Flatten();
        b.Gemm(32, 2);
        return b.Build();
    }

    private static ModelProto PoolWith(string replaces, AttributeProto? attribute)
    {
        var b = new OnnxModelBuilder(2, 4, 4);
        var pool = b.MaxPool();
        pool.Attribute.Remove(pool.Attribute.Single(a => a.Name == replaces));
        if (attribute is not null)
        {
            pool.Attribute.Add(attribute);
        }

        b.Flatten();
        b.Gemm(8, 2);
        return b.Build();
    }

    private static ModelProto GemmWith(string replaces, params AttributeProto[] attributes)
    {
        var b = new OnnxModelBuilder(2, 4, 4);
        b.Flatten();
        var gemm = b.Gemm(32, 2);
        gemm.Attribute.Remove(gemm.Attribute.Single(a => a.Name == replaces));
        gemm.Attribute.Add(attributes);
        return b.Build();
    }
}
