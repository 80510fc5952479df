using Xai.Diagnostics;
using Xai.Onnx.Proto;

namespace Xai.Onnx;

/// <summary>
/// The graph read as the SDK needs it: constants (initializers and Constant nodes) on one side, and on
/// the other the computing nodes in an execution order from the one graph input to the one graph
/// output. A value may feed several nodes (a residual skip forks) and a node may read values computed
/// several nodes earlier (the join); every node's output must be used. The order follows the values:
/// a node comes after the nodes it reads, and among ready nodes the file's order decides (a file that
/// ONNX's rules require to be sorted keeps its order; one that is not gets a valid order all the same).
/// </summary>
internal sealed class OnnxComputeGraph
{
    private readonly IReadOnlyDictionary<string, int> _consumers;

    private OnnxComputeGraph(
        ValueInfoProto input,
        IReadOnlyList<OnnxNodeView> nodes,
        IReadOnlyDictionary<string, TensorProto> constants,
        IReadOnlyDictionary<string, TensorShapeProto> declaredShapes,
        IReadOnlyDictionary<string, int> consumers)
    {
        Input = input;
        Nodes = nodes;
        Constants = constants;
        DeclaredShapes = declaredShapes;
        _consumers = consumers;
    }

    /// <summary>The graph input that is not an initializer: the image.</summary>
    public ValueInfoProto Input { get; }

    /// <summary>Computing nodes in execution order: each after every node whose output it reads.</summary>
    public IReadOnlyList<OnnxNodeView> Nodes { get; }

    /// <summary>Initializers and Constant node values, by value name.</summary>
    public IReadOnlyDictionary<string, TensorProto> Constants { get; }

    /// <summary>Shapes the file declares for values (graph outputs and value_info), to check inference against.</summary>
    public IReadOnlyDictionary<string, TensorShapeProto> DeclaredShapes { get; }

    /// <summary>How many computing nodes read <paramref name="value"/> (a fork: more than one).</summary>
    public int ConsumerCount(string value) => _consumers.TryGetValue(value, out var n) ? n : 0;

    public static OnnxComputeGraph Build(GraphProto graph, string source)
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

        if (graph.Output.Count != 1)
        {
            throw Error($"The graph must have exactly one output (the class scores); it has {graph.Output.Count}.");
        }

        var input = inputs[0];
        var output = graph.Output[0].Name;
        var defined = new HashSet<string>(StringComparer.Ordinal) { input.Name };
        defined.UnionWith(constants.Keys);
        var consumers = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var node in computing)
        {
            foreach (var value in node.Node.Output.Where(o => o.Length > 0))
            {
                if (!defined.Add(value))
                {
                    throw Error($"{node.Label} writes value '{value}', which another node, an initializer or the graph input already defines.");
                }
            }

            foreach (var name in node.Node.Input.Where(n => n.Length > 0).Distinct())
            {
                consumers[name] = consumers.GetValueOrDefault(name) + 1;
            }
        }

        foreach (var node in computing)
        {
            if (node.Node.Output.Count == 0 || node.Node.Output[0].Length == 0)
            {
                throw new XaiException(DiagnosticCatalog.NodeArity, $"{node.Label} has no output.", source);
            }

            foreach (var extra in node.Node.Output.Skip(1).Where(o => o.Length > 0))
            {
                if (consumers.ContainsKey(extra) || extra == output)
                {
                    throw Error($"{node.Label}: its second output '{extra}' is used; only the first output of a node may be used.");
                }
            }
        }

        // A value nothing defines cannot be a node's data: reported here. (An operand that should have been
        // an initializer - weights, a shape - is the translator's to report, with the operand's role.)
        foreach (var node in computing)
        {
            var data = node.Node.Input.Count > 0 ? node.Node.Input[0] : "";
            if (data.Length > 0 && !defined.Contains(data))
            {
                throw Error($"{node.Label} reads '{data}', which no node, initializer or graph input defines: it is not connected to the input '{input.Name}'.");
            }
        }

        // Execution order: repeatedly the first node (in file order) whose computed inputs all exist.
        var available = new HashSet<string>(StringComparer.Ordinal) { input.Name };
        var order = new List<OnnxNodeView>();
        var pending = new List<OnnxNodeView>(computing);
        while (pending.Count > 0)
        {
            var ready = pending.FindIndex(n => n.Node.Input.All(v => v.Length == 0 || available.Contains(v) || !defined.Contains(v) || constants.ContainsKey(v)));
            if (ready < 0)
            {
                break;
            }

            var node = pending[ready];
            pending.RemoveAt(ready);
            order.Add(node);
            available.Add(node.Node.Output[0]);
        }

        if (pending.Count > 0)
        {
            var listed = string.Join(", ", pending.Take(5).Select(n => n.Label)) + (pending.Count > 5 ? ", ..." : "");
            throw Error(
                $"{pending.Count} node(s) are not reachable from the input '{input.Name}' (or form a cycle): {listed}. " +
                "Every node must compute on the image or on values computed from it (constant folding at export removes most others).");
        }

        var unused = order.Where(n => n.Node.Output[0] != output && !consumers.ContainsKey(n.Node.Output[0])).ToList();
        if (unused.Count > 0)
        {
            var node = unused[0];
            var hint = node.OpType == "Shape"
                ? " A Shape node computing a reshape target is a branch too: export the flatten as torch.flatten(x, 1) or x.view(1, -1)."
                : "";
            throw Error(
                $"The output '{node.Node.Output[0]}' of {node.Label} is used by no node and is not the graph output '{output}': " +
                $"the graph must compute one result, the class scores{(unused.Count > 1 ? $" ({unused.Count} such nodes)" : "")}.{hint}");
        }

        if (order.Count > 0 && order[^1].Node.Output[0] != output)
        {
            throw Error($"The graph output '{output}' is not computed last; the last node is {order[^1].Label}.");
        }

        var declared = new Dictionary<string, TensorShapeProto>(StringComparer.Ordinal);
        foreach (var info in graph.ValueInfo.Concat(graph.Output))
        {
            if (info.Type?.TensorType?.Shape is { } shape)
            {
                declared[info.Name] = shape;
            }
        }

        return new OnnxComputeGraph(input, order, constants, declared, consumers);
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
