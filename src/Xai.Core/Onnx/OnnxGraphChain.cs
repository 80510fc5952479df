using Xai.Diagnostics;
using Xai.Onnx.Proto;

namespace Xai.Onnx;

/// <summary>
/// The graph read as the SDK needs it: constants (initializers and Constant nodes) on one side, and on
/// the other the computing nodes as a single chain from the one graph input to the one graph output,
/// each node consuming the previous node's first output. The order comes from following the values,
/// so it does not depend on how the exporter listed the nodes.
/// </summary>
internal sealed class OnnxGraphChain
{
    private OnnxGraphChain(
        ValueInfoProto input,
        IReadOnlyList<OnnxNodeView> nodes,
        IReadOnlyDictionary<string, TensorProto> constants,
        IReadOnlyDictionary<string, TensorShapeProto> declaredShapes)
    {
        Input = input;
        Nodes = nodes;
        Constants = constants;
        DeclaredShapes = declaredShapes;
    }

    /// <summary>The graph input that is not an initializer: the image.</summary>
    public ValueInfoProto Input { get; }

    /// <summary>Computing nodes in execution order; node i+1 consumes node i's first output.</summary>
    public IReadOnlyList<OnnxNodeView> Nodes { get; }

    /// <summary>Initializers and Constant node values, by value name.</summary>
    public IReadOnlyDictionary<string, TensorProto> Constants { get; }

    /// <summary>Shapes the file declares for values (graph outputs and value_info), to check inference against.</summary>
    public IReadOnlyDictionary<string, TensorShapeProto> DeclaredShapes { get; }

    public static OnnxGraphChain Build(GraphProto graph, string source)
    {
        XaiException Error(string message) => new(DiagnosticCatalog.NotSingleChain, message, source);

        var constants = new Dictionary<string, TensorProto>(StringComparer.Ordinal);
        foreach (var initializer in graph.Initializer)
        {
            constants[initializer.Name] = initializer;
        }

        var computing = new List<OnnxNodeView>();
        for (int i = 0; i < graph.Node.Count; i++)
        {
            var node = new OnnxNodeView(graph.Node[i], i, source);
            if (node.OpType == "Constant" && OnnxOperators.IsDefaultDomain(node.Node.Domain))
            {
                AddConstant(node, constants);
            }
            else
            {
                computing.Add(node);
            }
        }

        var inputs = graph.Input.Where(v => !constants.ContainsKey(v.Name)).ToList();
        if (inputs.Count != 1)
        {
            var names = inputs.Count == 0 ? "none" : string.Join(", ", inputs.Select(v => $"'{v.Name}'"));
            throw new XaiException(
                DiagnosticCatalog.InputCount,
                $"The graph must have exactly one input (the image) besides its initializers; it has {inputs.Count}: {names}.",
                source);
        }

        var input = inputs[0];
        var produced = new HashSet<string>(StringComparer.Ordinal) { input.Name };
        produced.UnionWith(constants.Keys);
        var consumers = new Dictionary<string, List<OnnxNodeView>>(StringComparer.Ordinal);
        foreach (var node in computing)
        {
            foreach (var output in node.Node.Output.Where(o => o.Length > 0))
            {
                if (!produced.Add(output))
                {
                    throw Error($"{node.Label} writes value '{output}', which another node, an initializer or the graph input already defines.");
                }
            }

            foreach (var name in node.Node.Input.Where(n => n.Length > 0).Distinct())
            {
                if (!consumers.TryGetValue(name, out var list))
                {
                    consumers[name] = list = new List<OnnxNodeView>();
                }

                list.Add(node);
            }
        }

        var chain = new List<OnnxNodeView>();
        var visited = new HashSet<int>();
        string current = input.Name;
        while (consumers.TryGetValue(current, out var next))
        {
            if (next.Count > 1)
            {
                var hint = next.Any(n => n.OpType == "Shape")
                    ? " A Shape node computing a reshape target is a branch too: export the flatten as torch.flatten(x, 1) or x.view(1, -1)."
                    : "";
                throw Error(
                    $"Value '{current}' feeds {next.Count} nodes ({string.Join(", ", next.Select(n => n.Label))}); " +
                    $"only a single chain of layers is supported, without branches or skip connections.{hint}");
            }

            var node = next[0];
            if (!visited.Add(node.Index))
            {
                throw Error($"{node.Label} is reached twice: the graph has a cycle.");
            }

            if (node.Node.Output.Count == 0 || node.Node.Output[0].Length == 0)
            {
                throw new XaiException(DiagnosticCatalog.NodeArity, $"{node.Label} has no output.", source);
            }

            foreach (var extra in node.Node.Output.Skip(1).Where(o => o.Length > 0))
            {
                if (consumers.ContainsKey(extra) || graph.Output.Any(o => o.Name == extra))
                {
                    throw Error($"{node.Label}: its second output '{extra}' is used; only the first output of a node may be used.");
                }
            }

            chain.Add(node);
            current = node.Node.Output[0];
        }

        var loose = computing.Where(n => !visited.Contains(n.Index)).ToList();
        if (loose.Count > 0)
        {
            var listed = string.Join(", ", loose.Take(5).Select(n => n.Label)) + (loose.Count > 5 ? ", ..." : "");
            throw Error(
                $"{loose.Count} node(s) are not on the chain from the input '{input.Name}': {listed}. " +
                "Every node must consume the previous node's output (constant folding at export removes most others).");
        }

        if (graph.Output.Count != 1)
        {
            throw Error($"The graph must have exactly one output (the class scores); it has {graph.Output.Count}.");
        }

        if (graph.Output[0].Name != current)
        {
            throw Error($"The graph output '{graph.Output[0].Name}' is not the end of the chain from the input; the chain ends at '{current}'.");
        }

        var declared = new Dictionary<string, TensorShapeProto>(StringComparer.Ordinal);
        foreach (var info in graph.ValueInfo.Concat(graph.Output))
        {
            if (info.Type?.TensorType?.Shape is { } shape)
            {
                declared[info.Name] = shape;
            }
        }

        return new OnnxGraphChain(input, chain, constants, declared);
    }

    private static void AddConstant(OnnxNodeView node, Dictionary<string, TensorProto> constants)
    {
        node.RequireKnownAttributes("value");
        var value = node.Tensor("value")
            ?? throw node.Error(DiagnosticCatalog.UnsupportedAttribute, $"{node.Label} has no 'value' tensor; only tensor-valued Constant nodes are supported.");
        if (node.Node.Output.Count != 1 || node.Node.Output[0].Length == 0)
        {
            throw node.Error(DiagnosticCatalog.NodeArity, $"{node.Label} must have exactly one output.");
        }

        constants[node.Node.Output[0]] = value;
    }
}
