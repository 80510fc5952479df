using Xai.Diagnostics;
using Xai.Onnx.Proto;

namespace Xai.Onnx;

/// <summary>
/// One ONNX node as the importer reads it: a readable label for messages, typed attribute access,
/// and errors that name the file, the node and the attribute.
/// </summary>
internal sealed class OnnxNodeView
{
    private readonly string _source;

    public OnnxNodeView(NodeProto node, int index, string source)
    {
        Node = node;
        Index = index;
        _source = source;
    }

    public NodeProto Node { get; }

    /// <summary>Position in the graph's node list, for nodes without a name.</summary>
    public int Index { get; }

    public string OpType => Node.OpType;

    public string Name => Node.Name;

    /// <summary>"node '/features/conv1/Conv' (Conv)", or "node #3 (Conv)" when the exporter gave no name.</summary>
    public string Label => Node.Name.Length > 0 ? $"node '{Node.Name}' ({Node.OpType})" : $"node #{Index} ({Node.OpType})";

    /// <summary>The node name when there is one, else "OpType#index", used as the layer name.</summary>
    public string LayerName => Node.Name.Length > 0 ? Node.Name : $"{Node.OpType}#{Index}";

    /// <summary>Rejects attributes the importer does not know for this operator: their meaning would be silently lost.</summary>
    public void RequireKnownAttributes(params string[] known)
    {
        foreach (var attribute in Node.Attribute)
        {
            if (Array.IndexOf(known, attribute.Name) < 0)
            {
                var allowed = known.Length == 0 ? "none" : string.Join(", ", known);
                throw Error(
                    DiagnosticCatalog.UnsupportedAttribute,
                    $"{Label}: attribute '{attribute.Name}' is not supported for {OpType}; known attributes: {allowed}.");
            }
        }
    }

    public long Int(string name, long defaultValue)
    {
        var attribute = Find(name, AttributeProto.Types.AttributeType.Int);
        return attribute is null ? defaultValue : attribute.I;
    }

    public float Float(string name, float defaultValue)
    {
        var attribute = Find(name, AttributeProto.Types.AttributeType.Float);
        return attribute is null ? defaultValue : attribute.F;
    }

    public string String(string name, string defaultValue)
    {
        var attribute = Find(name, AttributeProto.Types.AttributeType.String);
        return attribute is null ? defaultValue : attribute.S.ToStringUtf8();
    }

    /// <summary>The list, or null when the attribute is absent.</summary>
    public long[]? Ints(string name) => Find(name, AttributeProto.Types.AttributeType.Ints)?.Ints.ToArray();

    public TensorProto? Tensor(string name) => Find(name, AttributeProto.Types.AttributeType.Tensor)?.T;

    public bool Has(string name) => Node.Attribute.Any(a => a.Name == name);

    /// <summary>An "attribute value not supported" error naming the node, the attribute, what it holds and what is allowed.</summary>
    public XaiException UnsupportedValue(string attribute, string actual, string allowed) =>
        Error(DiagnosticCatalog.UnsupportedAttribute, $"{Label}: {attribute} = {actual} is not supported; allowed: {allowed}.");

    public XaiException Error(string code, string message) => new(code, message, _source);

    /// <summary>Input <paramref name="index"/>, or "" when the node has fewer inputs (ONNX's way of omitting optional ones).</summary>
    public string InputName(int index) => index < Node.Input.Count ? Node.Input[index] : "";

    public void RequireInputs(int minimum, int maximum)
    {
        int count = Node.Input.Count;
        while (count > 0 && Node.Input[count - 1].Length == 0)
        {
            count--; // trailing empty names are omitted optional inputs
        }

        if (count < minimum || count > maximum)
        {
            var expected = minimum == maximum ? $"{minimum}" : $"{minimum} to {maximum}";
            throw Error(DiagnosticCatalog.NodeArity, $"{Label} has {count} inputs; {OpType} takes {expected}.");
        }

        for (int i = 0; i < minimum; i++)
        {
            if (Node.Input[i].Length == 0)
            {
                throw Error(DiagnosticCatalog.NodeArity, $"{Label}: required input {i} is empty.");
            }
        }
    }

    public static string Format(IEnumerable<long> values) => $"[{string.Join(",", values)}]";

    private AttributeProto? Find(string name, AttributeProto.Types.AttributeType expected)
    {
        AttributeProto? found = null;
        foreach (var attribute in Node.Attribute)
        {
            if (attribute.Name == name)
            {
                found = attribute;
            }
        }

        // Very old writers leave 'type' unset; then trust the field the value is in.
        if (found is not null && found.Type != AttributeProto.Types.AttributeType.Undefined && found.Type != expected)
        {
            throw Error(
                DiagnosticCatalog.UnsupportedAttribute,
                $"{Label}: attribute '{name}' has type {found.Type}; {OpType} expects {expected}.");
        }

        return found;
    }
}
