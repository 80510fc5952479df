using Xai.Diagnostics;
using Xai.Onnx.Proto;

namespace Xai.Onnx;

/// <summary>
/// Every node of a graph whose operator the SDK cannot build, found in one pass over all nodes before
/// the chain is followed, so that a model with several such layers is reported in one build (one
/// XAI2020 per node, each naming the user's node and the nearest thing that is supported) instead of
/// one per attempt. Attribute values (strides, pads, ...) are checked later, during translation, since
/// whether a value is allowed can depend on the shapes before it; those findings are collected over the
/// whole chain too (<see cref="OnnxLayerTranslator.Translate"/>).
/// </summary>
internal static class UnsupportedNodeScan
{
    /// <summary>Output activations a classifier may end in: not built; the explanation runs on the logits before them.</summary>
    public static bool IsOutputActivation(string opType) => opType is "Softmax" or "LogSoftmax";

    /// <summary>Throws one <see cref="XaiException"/> carrying a diagnostic for each unsupported node, if there is any.</summary>
    public static void ThrowIfAny(GraphProto graph, string source)
    {
        var constants = new HashSet<string>(graph.Initializer.Select(i => i.Name), StringComparer.Ordinal);
        foreach (var node in graph.Node.Where(n => n.OpType == "Constant" && OnnxOperators.IsDefaultDomain(n.Domain)))
        {
            constants.UnionWith(node.Output);
        }

        var graphOutputs = new HashSet<string>(graph.Output.Select(o => o.Name), StringComparer.Ordinal);
        var consumers = graph.Node.SelectMany(n => n.Input.Where(i => i.Length > 0).Distinct().Select(i => (Value: i, Node: n)))
            .ToLookup(x => x.Value, x => x.Node, StringComparer.Ordinal);
        var found = new List<XaiDiagnostic>();
        var fromConstants = new List<OnnxNodeView>();
        for (var i = 0; i < graph.Node.Count; i++)
        {
            var view = new OnnxNodeView(graph.Node[i], i, source);
            // ONNX lists nodes in topological order, so a node computing from constants only is seen
            // after those constants: its outputs are constants too, for the nodes after it. None of
            // them can be on the chain from the image, whatever its operator.
            if (view.OpType != "Constant" && view.Node.Input.Any(n => n.Length > 0)
                && view.Node.Input.All(n => n.Length == 0 || constants.Contains(n)))
            {
                constants.UnionWith(view.Node.Output);
                fromConstants.Add(view);
                continue;
            }

            var why = Finding(view, constants, graphOutputs, consumers);
            if (why is null)
            {
                continue;
            }

            found.Add(XaiDiagnostic.Error(DiagnosticCatalog.UnsupportedOperator, $"{view.Label}: {why}", source));
        }

        if (fromConstants.Count > 0)
        {
            // One finding for the whole unfolded subgraph: its cause is the export, not each node.
            var feedsPad = fromConstants.SelectMany(n => n.Node.Output).Any(v => consumers[v].Any(c => c.OpType == "Pad"));
            found.Insert(0, XaiDiagnostic.Error(
                DiagnosticCatalog.UnsupportedOperator,
                $"{fromConstants.Count} node(s) compute values from constants only and were not folded at export " +
                $"(the importer evaluates {OnnxConstantFolding.EvaluatedList} itself; not these): " +
                string.Join(", ", fromConstants.Take(6).Select(n => n.Label)) + (fromConstants.Count > 6 ? ", ..." : "") + ". " +
                "Export with constant folding (torch.onnx.export(..., do_constant_folding=True))" +
                (feedsPad
                    ? "; or give the convolution its own padding instead of the Pad (nn.Conv2d(..., padding=(K-1)//2))."
                    : "."),
                source));
        }

        if (found.Count > 0)
        {
            throw new XaiException(found);
        }
    }

    /// <summary>Why <paramref name="node"/> cannot be built, with what to do instead; null if its operator is supported.</summary>
    private static string? Finding(OnnxNodeView node, HashSet<string> constants, HashSet<string> graphOutputs, ILookup<string, NodeProto> consumers)
    {
        var op = node.OpType;
        if (!OnnxOperators.IsDefaultDomain(node.Node.Domain))
        {
            return $"operator '{node.Node.Domain}.{op}' is not supported (only the standard ONNX domain is).";
        }

        if (op == "Constant" || OnnxOperators.IsTranslated(op))
        {
            return null;
        }

        if (IsOutputActivation(op))
        {
            return node.Node.Output.Any(graphOutputs.Contains)
                ? null // the classifier's last node: dropped at import, explained on the logits
                : $"operator '{op}' is supported only as the graph's last node (it is then dropped and the explanation runs on the logits before it); export the logits instead.";
        }

        if (op == "Pad" && node.Node.Output.Count > 0
            && consumers[node.Node.Output[0]].ToList() is [{ OpType: "Conv" or "AveragePool" } next] && OnnxOperators.IsDefaultDomain(next.Domain))
        {
            return null; // folded into the convolution's or pool's padding by the translator, which checks the values
        }

        if (op == "Add")
        {
            // With a constant operand it is a bias (the translator accepts it right after a MatMul and says so
            // otherwise); with two computed operands a residual join, whose placement the translator checks.
            return null;
        }

        return $"operator '{op}' is not supported; {Alternative(op)} Supported: {OnnxOperators.SupportedList}.";
    }

    /// <summary>The nearest supported construct for an operator users commonly export.</summary>
    private static string Alternative(string op) => op switch
    {
        "Sigmoid" or "Tanh" or "LeakyRelu" or "PRelu" or "Elu" or "Selu" or "Gelu" or "HardSigmoid" or "HardSwish" or "Softplus" =>
            "the supported activations are Relu and ReLU6 (Clip 0..6).",
        "GlobalMaxPool" or "LpPool" or "GlobalLpPool" or "MaxRoiPool" =>
            "the supported pooling is MaxPool with kernel 2x2 or 3x3 and stride 2, AveragePool (run as a depthwise convolution), and the global average (GlobalAveragePool) before the dense layer.",
        "Pad" =>
            "a Pad is folded only into a Conv (or an AveragePool) right after it; give the convolution its own 'same' padding ((K-1)/2 on each side) instead.",
        "Dropout" =>
            "export in inference mode (model.eval()), where Dropout leaves no node.",
        "Identity" =>
            "export with constant folding (torch.onnx.export(..., do_constant_folding=True)), which removes Identity nodes.",
        "Shape" or "Gather" or "Unsqueeze" or "Concat" =>
            "compute the flatten as torch.flatten(x, 1) or x.view(1, -1) so that no shape arithmetic is exported; layers must form a single chain.",
        "Mul" or "Sub" or "Div" =>
            "fold the arithmetic into the weights before export (a normalisation of the input belongs on the host).",
        _ => "no supported operator computes it.",
    };
}
