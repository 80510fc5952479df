using System.Buffers.Binary;
using Google.Protobuf;
using Xai.Onnx.Proto;

namespace Xai.Core.Tests.Onnx;

/// <summary>
/// Builds ONNX models in memory with the importer's own protobuf classes, in the shape torch exports
/// them (node names like "/conv1/Conv", initializers in raw_data). Each method appends one node that
/// consumes the current value; the returned NodeProto and <see cref="Graph"/> can then be edited to
/// craft a broken model. Weights are seeded random numbers, kept in <see cref="Values"/>.
/// </summary>
internal sealed class OnnxModelBuilder
{
    private readonly Random _random;
    private int _counter;

    public OnnxModelBuilder(long channels, long height, long width, long batch = 1, int seed = 1)
    {
        _random = new Random(seed);
        Model = new ModelProto
        {
            IrVersion = 8,
            ProducerName = "Xai.Core.Tests",
            Graph = new GraphProto { Name = "test_graph" },
        };
        Model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 13 });
        Graph.Input.Add(TensorValue("image", batch, channels, height, width));
        Current = "image";
    }

    public ModelProto Model { get; }

    public GraphProto Graph => Model.Graph;

    /// <summary>The value the next node will consume.</summary>
    public string Current { get; private set; }

    /// <summary>Makes the next node consume <paramref name="value"/>, an earlier value (the graph forks there).</summary>
    public void ContinueFrom(string value) => Current = value;

    /// <summary>When set, initializers are written to float_data instead of raw_data.</summary>
    public bool UseFloatData { get; set; }

    /// <summary>The values of every initializer added, by name.</summary>
    public Dictionary<string, float[]> Values { get; } = new();

    public static ValueInfoProto TensorValue(string name, params long[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (var d in dims)
        {
            shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = d });
        }

        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = 1, Shape = shape } },
        };
    }

    public static AttributeProto Ints(string name, params long[] values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.Add(values);
        return attribute;
    }

    public static AttributeProto Int(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    public static AttributeProto Float(string name, float value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = value };

    public static AttributeProto String(string name, string value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.String, S = ByteString.CopyFromUtf8(value) };

    public static TensorProto FloatTensor(string name, long[] dims, float[] values, bool raw = true)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.Add(dims);
        if (raw)
        {
            var bytes = new byte[values.Length * 4];
            for (int i = 0; i < values.Length; i++)
            {
                BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 4), values[i]);
            }

            tensor.RawData = ByteString.CopyFrom(bytes);
        }
        else
        {
            tensor.FloatData.Add(values);
        }

        return tensor;
    }

    public static TensorProto Int64Tensor(string name, long[] dims, long[] values)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Int64 };
        tensor.Dims.Add(dims);
        var bytes = new byte[values.Length * 8];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(i * 8), values[i]);
        }

        tensor.RawData = ByteString.CopyFrom(bytes);
        return tensor;
    }

    /// <summary>Adds a seeded random float32 initializer and returns its name.</summary>
    public string Initializer(string name, params long[] dims)
    {
        long count = dims.Aggregate(1L, (a, b) => a * b);
        var values = new float[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = (float)(_random.NextDouble() * 2 - 1);
        }

        return Initializer(name, dims, values);
    }

    public string Initializer(string name, long[] dims, float[] values)
    {
        Graph.Initializer.Add(FloatTensor(name, dims, values, raw: !UseFloatData));
        Values[name] = values;
        return name;
    }

    /// <summary>Appends a node of <paramref name="opType"/> on the current value plus <paramref name="operands"/>.</summary>
    public NodeProto Node(string opType, string[] operands, params AttributeProto[] attributes)
    {
        int id = _counter++;
        var node = new NodeProto { OpType = opType, Name = $"/{opType.ToLowerInvariant()}{id}/{opType}" };
        node.Input.Add(Current);
        node.Input.Add(operands);
        node.Output.Add($"/{opType.ToLowerInvariant()}{id}/{opType}_output_0");
        node.Attribute.Add(attributes);
        Graph.Node.Add(node);
        Current = node.Output[0];
        return node;
    }

    public NodeProto Conv(long inChannels, long outChannels, long kernel, bool bias = true)
    {
        string prefix = $"conv{_counter}";
        var weight = Initializer($"{prefix}.weight", outChannels, inChannels, kernel, kernel);
        var operands = bias ? new[] { weight, Initializer($"{prefix}.bias", outChannels) } : new[] { weight };
        long pad = (kernel - 1) / 2;
        return Node(
            "Conv",
            operands,
            Ints("dilations", 1, 1),
            Int("group", 1),
            Ints("kernel_shape", kernel, kernel),
            Ints("pads", pad, pad, pad, pad),
            Ints("strides", 1, 1));
    }

    public NodeProto BatchNormalization(long channels)
    {
        string prefix = $"bn{_counter}";
        var scale = Initializer($"{prefix}.weight", channels);
        var shift = Initializer($"{prefix}.bias", channels);
        var mean = Initializer($"{prefix}.running_mean", channels);
        var variance = Initializer($"{prefix}.running_var", new[] { channels }, Enumerable.Range(0, (int)channels).Select(i => 0.5f + i * 0.25f).ToArray());
        return Node("BatchNormalization", new[] { scale, shift, mean, variance }, Float("epsilon", 1e-5f), Float("momentum", 0.9f));
    }

    public NodeProto Relu() => Node("Relu", Array.Empty<string>());

    public NodeProto MaxPool() =>
        Node("MaxPool", Array.Empty<string>(), Int("ceil_mode", 0), Ints("kernel_shape", 2, 2), Ints("pads", 0, 0, 0, 0), Ints("strides", 2, 2));

    public NodeProto Flatten() => Node("Flatten", Array.Empty<string>(), Int("axis", 1));

    public NodeProto Reshape(params long[] target)
    {
        var name = $"shape{_counter}";
        Graph.Initializer.Add(Int64Tensor(name, new long[] { target.Length }, target));
        return Node("Reshape", new[] { name });
    }

    /// <summary>A torch-style Linear: Gemm with B = weight [out,in] and transB = 1, or B = [in,out] and transB = 0.</summary>
    public NodeProto Gemm(long inFeatures, long outFeatures, bool transB = true, bool bias = true)
    {
        string prefix = $"fc{_counter}";
        var weight = transB ? Initializer($"{prefix}.weight", outFeatures, inFeatures) : Initializer($"{prefix}.weight", inFeatures, outFeatures);
        var operands = bias ? new[] { weight, Initializer($"{prefix}.bias", outFeatures) } : new[] { weight };
        return Node("Gemm", operands, Float("alpha", 1f), Float("beta", 1f), Int("transB", transB ? 1 : 0));
    }

    /// <summary>x @ B with B [in,out], then (optionally) + bias [out].</summary>
    public NodeProto MatMul(long inFeatures, long outFeatures, bool withAdd = true)
    {
        string prefix = $"mm{_counter}";
        var node = Node("MatMul", new[] { Initializer($"{prefix}.weight", inFeatures, outFeatures) });
        if (withAdd)
        {
            Node("Add", new[] { Initializer($"{prefix}.bias", outFeatures) });
        }

        return node;
    }

    /// <summary>Declares the current value as the graph's output and returns the model.</summary>
    public ModelProto Build()
    {
        Graph.Output.Clear();
        Graph.Output.Add(new ValueInfoProto
        {
            Name = Current,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = 1 } },
        });
        return Model;
    }

    public byte[] Bytes() => Build().ToByteArray();

    /// <summary>The paper's Table III network (input [3,32,32], 10 classes) as torch would export it.</summary>
    public static OnnxModelBuilder TableIII(int seed = 3)
    {
        var b = new OnnxModelBuilder(3, 32, 32, seed: seed);
        b.Conv(3, 32, 3);
        b.Relu();
        b.Conv(32, 32, 3);
        b.Relu();
        b.MaxPool();
        b.Conv(32, 64, 3);
        b.Relu();
        b.Conv(64, 64, 3);
        b.Relu();
        b.MaxPool();
        b.Flatten();
        b.Gemm(4096, 128);
        b.Relu();
        b.Gemm(128, 10);
        return b;
    }

    /// <summary>A small valid model using every layer kind: [2,8,8] in, 3 classes out.</summary>
    public static OnnxModelBuilder Small(int seed = 5)
    {
        var b = new OnnxModelBuilder(2, 8, 8, seed: seed);
        b.Conv(2, 4, 3);
        b.BatchNormalization(4);
        b.Relu();
        b.MaxPool();
        b.Conv(4, 4, 5);
        b.Relu();
        b.MaxPool();
        b.Flatten();
        b.Gemm(16, 6);
        b.Relu();
        b.MatMul(6, 3);
        return b;
    }
}
