using Google.Protobuf;
using Xai.Onnx.Proto;
using DataType = Xai.Onnx.Proto.TensorProto.Types.DataType;

namespace Xai.Onnx;

/// <summary>
/// Evaluates the nodes of a graph that compute from constants only and that an exporter left
/// unfolded, and puts their results in as initializers, so that the translator reads constants. The
/// case it exists for: torch 1.13 exports the pads of <c>F.pad</c> as ConstantOfShape, Concat, Reshape,
/// Slice, Transpose and Cast over Constant nodes (even with do_constant_folding), in front of a Pad
/// the translator folds into the next convolution. Only small integer and float tensors and the
/// operators <see cref="Evaluate"/> knows; a node with anything else is left in the graph, where
/// <see cref="UnsupportedNodeScan"/> reports it. Nothing here reads an initializer it does not need.
/// </summary>
internal static class OnnxConstantFolding
{
    /// <summary>The operators evaluated on constants, for messages.</summary>
    public const string EvaluatedList = "ConstantOfShape, Concat, Reshape, Slice, Transpose, Cast and Identity";

    /// <summary>Largest tensor a folded node may produce (a shape computation is a handful of values).</summary>
    private const int MaxElements = 1 << 16;

    /// <summary>A constant: dims and row-major values (integers held exactly up to 2^53) with its ONNX type.</summary>
    private sealed record Value(long[] Dims, double[] Data, DataType Type)
    {
        public long Count => Dims.Aggregate(1L, (a, d) => a * d);
    }

    public static void Fold(GraphProto graph, string source)
    {
        var decoder = new OnnxTensorDecoder(source);
        // Where each constant tensor is, by value name: initializers and Constant nodes' values (decoded when read).
        var tensors = graph.Initializer.ToDictionary(i => i.Name, StringComparer.Ordinal);
        foreach (var c in graph.Node.Where(n => n.OpType == "Constant" && OnnxOperators.IsDefaultDomain(n.Domain) && n.Output.Count == 1))
        {
            if (c.Attribute.FirstOrDefault(a => a.Name == "value")?.T is { } t) tensors[c.Output[0]] = t;
        }

        var known = new Dictionary<string, Value>(StringComparer.Ordinal);
        var folded = new List<NodeProto>();
        foreach (var node in graph.Node)
        {
            if (!OnnxOperators.IsDefaultDomain(node.Domain) || node.OpType == "Constant" || node.Output.Count != 1
                || !node.Input.Any(n => n.Length > 0))
            {
                continue;
            }

            var inputs = new List<Value?>();
            var all = true;
            foreach (var name in node.Input)
            {
                if (name.Length == 0)
                {
                    inputs.Add(null); // an omitted optional input
                    continue;
                }

                var v = Lookup(name, tensors, known, decoder);
                all &= v is not null;
                inputs.Add(v);
            }

            var result = all ? Evaluate(node, inputs, decoder) : null;
            if (result is null || result.Count > MaxElements)
            {
                continue;
            }

            known[node.Output[0]] = result;
            folded.Add(node);
        }

        if (folded.Count == 0)
        {
            return;
        }

        // Results the rest of the graph reads become initializers; the folded nodes go, and so do the
        // Constant nodes only they read.
        var foldedSet = folded.ToHashSet();
        var read = graph.Node.Where(n => !foldedSet.Contains(n)).SelectMany(n => n.Input).Concat(graph.Output.Select(o => o.Name)).ToHashSet(StringComparer.Ordinal);
        var readByFolded = folded.SelectMany(n => n.Input).ToHashSet(StringComparer.Ordinal);
        foreach (var node in folded)
        {
            graph.Node.Remove(node);
            if (read.Contains(node.Output[0]))
            {
                graph.Initializer.Add(ToTensor(node.Output[0], known[node.Output[0]]));
            }
        }

        foreach (var constant in graph.Node.Where(n => n.OpType == "Constant" && n.Output.Count == 1
                     && readByFolded.Contains(n.Output[0]) && !read.Contains(n.Output[0])).ToList())
        {
            graph.Node.Remove(constant);
        }
    }

    private static Value? Lookup(string name, Dictionary<string, TensorProto> tensors, Dictionary<string, Value> known, OnnxTensorDecoder decoder)
    {
        if (known.TryGetValue(name, out var v))
        {
            return v;
        }

        v = tensors.TryGetValue(name, out var tensor) ? FromTensor(tensor, decoder) : null;
        if (v is not null)
        {
            known[name] = v;
        }

        return v;
    }

    private static Value? FromTensor(TensorProto t, OnnxTensorDecoder decoder)
    {
        if (t.Dims.Aggregate(1L, (a, d) => a * d) > MaxElements)
        {
            return null;
        }

        switch ((DataType)t.DataType)
        {
            case DataType.Int64:
                var (dl, vl) = decoder.Int64(t, "a constant computation");
                return new Value(dl, [.. vl.Select(x => (double)x)], DataType.Int64);
            case DataType.Float:
                var (df, vf) = decoder.Float32(t, "a constant computation");
                return new Value(df, [.. vf.Select(x => (double)x)], DataType.Float);
            case DataType.Int32 when t.RawData.Length == 0:
                return new Value(t.Dims.ToArray(), [.. t.Int32Data.Select(x => (double)x)], DataType.Int32);
            default:
                return null;
        }
    }

    private static TensorProto ToTensor(string name, Value v)
    {
        var t = new TensorProto { Name = name, DataType = (int)v.Type };
        t.Dims.Add(v.Dims);
        switch (v.Type)
        {
            case DataType.Int64:
                t.Int64Data.Add(v.Data.Select(x => (long)x));
                break;
            case DataType.Int32:
                t.Int32Data.Add(v.Data.Select(x => (int)x));
                break;
            default:
                t.FloatData.Add(v.Data.Select(x => (float)x));
                break;
        }

        return t;
    }

    /// <summary>The node's output by the ONNX operator definitions (opset 13), or null for an operator or case not handled.</summary>
    private static Value? Evaluate(NodeProto node, IReadOnlyList<Value?> inputs, OnnxTensorDecoder decoder)
    {
        long Int(string name, long fallback) => node.Attribute.FirstOrDefault(a => a.Name == name) is { } a ? a.I : fallback;
        var x = inputs[0]!;
        switch (node.OpType)
        {
            case "Identity":
                return x;
            case "Cast":
                var to = (DataType)Int("to", 0);
                return to switch
                {
                    DataType.Int64 or DataType.Int32 => x with { Data = [.. x.Data.Select(Math.Truncate)], Type = to },
                    DataType.Float => x with { Data = [.. x.Data.Select(d => (double)(float)d)], Type = to },
                    _ => null,
                };
            case "ConstantOfShape":
                if (x.Dims.Length != 1 || x.Data.Any(d => d < 0) || x.Data.Aggregate(1.0, (a, d) => a * d) > MaxElements)
                {
                    return null;
                }

                var fill = node.Attribute.FirstOrDefault(a => a.Name == "value")?.T;
                var filler = fill is null ? new Value([1], [0.0], DataType.Float) : FromTensor(fill, decoder);
                if (filler is null || filler.Data.Length != 1)
                {
                    return null;
                }

                var dims = x.Data.Select(d => (long)d).ToArray();
                return new Value(dims, Enumerable.Repeat(filler.Data[0], (int)dims.Aggregate(1L, (a, d) => a * d)).ToArray(), filler.Type);
            case "Reshape":
                return Reshape(x, inputs[1]);
            case "Concat":
                return Concat(inputs, Int("axis", 0));
            case "Transpose":
                var permAttr = node.Attribute.FirstOrDefault(a => a.Name == "perm");
                var perm = permAttr is null ? Enumerable.Range(0, x.Dims.Length).Reverse().ToArray() : permAttr.Ints.Select(p => (int)p).ToArray();
                return Transpose(x, perm);
            case "Slice":
                return Slice(x, inputs);
            default:
                return null;
        }
    }

    private static long[] Strides(long[] dims)
    {
        var s = new long[dims.Length];
        long acc = 1;
        for (var i = dims.Length - 1; i >= 0; i--)
        {
            s[i] = acc;
            acc *= dims[i];
        }

        return s;
    }

    private static Value? Reshape(Value x, Value? shape)
    {
        if (shape is null || shape.Dims.Length != 1)
        {
            return null;
        }

        var dims = shape.Data.Select((d, i) => d == 0 && i < x.Dims.Length ? x.Dims[i] : (long)d).ToArray();
        var unknown = Array.IndexOf(dims, -1L);
        var known = dims.Where(d => d != -1).Aggregate(1L, (a, d) => a * d);
        if (unknown >= 0)
        {
            if (known == 0 || x.Count % known != 0) return null;
            dims[unknown] = x.Count / known;
        }

        return dims.Any(d => d < 0) || dims.Aggregate(1L, (a, d) => a * d) != x.Count ? null : x with { Dims = dims };
    }

    private static Value? Concat(IReadOnlyList<Value?> inputs, long axis)
    {
        var parts = inputs.Where(v => v is not null).Select(v => v!).ToList();
        var rank = parts[0].Dims.Length;
        if (axis < 0) axis += rank;
        if (axis < 0 || axis >= rank || parts.Any(p => p.Dims.Length != rank || p.Type != parts[0].Type)
            || parts.Any(p => Enumerable.Range(0, rank).Any(d => d != axis && p.Dims[d] != parts[0].Dims[d])))
        {
            return null;
        }

        var dims = (long[])parts[0].Dims.Clone();
        dims[axis] = parts.Sum(p => p.Dims[axis]);
        // Row-major: the blocks before the axis are interleaved, each part contributing dims[axis..] of its own.
        var outer = dims.Take((int)axis).Aggregate(1L, (a, d) => a * d);
        var data = new List<double>();
        for (long o = 0; o < outer; o++)
        {
            foreach (var p in parts)
            {
                var block = p.Count / outer;
                data.AddRange(p.Data.Skip((int)(o * block)).Take((int)block));
            }
        }

        return new Value(dims, [.. data], parts[0].Type);
    }

    private static Value? Transpose(Value x, int[] perm)
    {
        var rank = x.Dims.Length;
        if (perm.Length != rank || perm.OrderBy(p => p).Where((p, i) => p != i).Any())
        {
            return null;
        }

        var dims = perm.Select(p => x.Dims[p]).ToArray();
        var inStrides = Strides(x.Dims);
        var data = new double[x.Data.Length];
        var index = new long[rank];
        for (var k = 0; k < data.Length; k++)
        {
            long at = 0;
            for (var d = 0; d < rank; d++) at += index[d] * inStrides[perm[d]];
            data[k] = x.Data[at];
            for (var d = rank - 1; d >= 0 && ++index[d] == dims[d]; d--) index[d] = 0;
        }

        return x with { Dims = dims, Data = data };
    }

    private static Value? Slice(Value x, IReadOnlyList<Value?> inputs)
    {
        var rank = x.Dims.Length;
        if (inputs.Count < 3 || inputs[1] is not { } starts || inputs[2] is not { } ends || starts.Data.Length != ends.Data.Length)
        {
            return null;
        }

        var axes = inputs.Count > 3 && inputs[3] is { } a ? a.Data.Select(v => (long)v).ToArray() : Enumerable.Range(0, starts.Data.Length).Select(i => (long)i).ToArray();
        var steps = inputs.Count > 4 && inputs[4] is { } s ? s.Data.Select(v => (long)v).ToArray() : Enumerable.Repeat(1L, starts.Data.Length).ToArray();
        if (axes.Length != starts.Data.Length || steps.Length != starts.Data.Length || steps.Any(v => v == 0))
        {
            return null;
        }

        // Per axis: first index, step and count, clamped as the ONNX Slice definition says.
        var first = new long[rank];
        var step = Enumerable.Repeat(1L, rank).ToArray();
        var count = (long[])x.Dims.Clone();
        for (var i = 0; i < axes.Length; i++)
        {
            var axis = axes[i] < 0 ? axes[i] + rank : axes[i];
            if (axis < 0 || axis >= rank) return null;
            long dim = x.Dims[axis], st = steps[i];
            long Clamp(double v, long lo, long hi)
            {
                var w = v < 0 ? v + dim : v;
                return (long)Math.Clamp(w, lo, hi);
            }

            long begin = st > 0 ? Clamp(starts.Data[i], 0, dim) : Clamp(starts.Data[i], 0, dim - 1);
            long end = st > 0 ? Clamp(ends.Data[i], 0, dim) : Clamp(ends.Data[i], -1, dim - 1);
            first[axis] = begin;
            step[axis] = st;
            count[axis] = st > 0 ? Math.Max(0, (end - begin + st - 1) / st) : Math.Max(0, (begin - end - st - 1) / -st);
        }

        var inStrides = Strides(x.Dims);
        var total = count.Aggregate(1L, (p, d) => p * d);
        var data = new double[total];
        var index = new long[rank];
        for (var k = 0; k < total; k++)
        {
            long at = 0;
            for (var d = 0; d < rank; d++) at += (first[d] + (index[d] * step[d])) * inStrides[d];
            data[k] = x.Data[at];
            for (var d = rank - 1; d >= 0 && ++index[d] == count[d]; d--) index[d] = 0;
        }

        return x with { Dims = count, Data = data };
    }
}
