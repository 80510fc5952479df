using Xai.Diagnostics;
using Xai.Model;
using Xai.Onnx.Proto;

namespace Xai.Onnx;

/// <summary>
/// Walks an <see cref="OnnxComputeGraph"/> node by node, checks each node's attributes against what the
/// hardware implements, infers the shape after it, and emits the network IR layers. Activation shapes
/// are tracked without the batch dimension: ONNX <c>[1,C,H,W]</c> is <c>[C,H,W]</c> here, <c>[1,N]</c> is <c>[N]</c>.
/// A node that reads an earlier value than the previous node's (a residual skip forks there) continues
/// from that value; an Add of two feature maps is a residual join (<see cref="ResidualJoin"/>).
/// </summary>
internal sealed class OnnxLayerTranslator
{
    private readonly OnnxComputeGraph _chain;
    private readonly OnnxTensorDecoder _decoder;
    private readonly string _source;

    // The layers emitted so far, in execution order, each with the slot of the layer it reads (null: the
    // image) and, for a join, of the skip; slots, not indices, because a join may move its convolution.
    private readonly List<EmittedLayer> _layers = new();

    // The slot producing each value a later node may read (null: the image), with its shape.
    private readonly Dictionary<string, (EmittedLayer? Producer, TensorShape Shape)> _producers = new(StringComparer.Ordinal);
    private EmittedLayer? _current;
    private TensorShape _shape;
    private TensorShape? _lastFeatureMap;
    private string _value;

    // The convolution the previous node produced, the only place a BatchNormalization can fold into.
    private Conv2dLayer? _convJustBefore;

    // Zero padding of a Pad node waiting to be folded into the Conv right after it: [top, left, bottom, right].
    private (OnnxNodeView Node, long[] Pads)? _padJustBefore;

    // A global average pool waiting for the dense layer it is folded into: the map is already
    // flattened (a FlattenLayer of [C,H,W] is emitted), _shape is the pool's own output ([C,1,1] or
    // [C]), and each of the C pooled values stands for Cells consecutive elements of the flat map.
    private (OnnxNodeView Node, TensorShape Map)? _averagedJustBefore;

    public OnnxLayerTranslator(OnnxComputeGraph chain, TensorShape inputShape, string source)
    {
        _chain = chain;
        _decoder = new OnnxTensorDecoder(source);
        _source = source;
        _shape = inputShape;
        _value = chain.Input.Name;
        _producers[_value] = (null, inputShape);
    }

    /// <summary>A layer as emitted: what it reads (null: the image) and, for a residual join, the skip it adds.</summary>
    private sealed class EmittedLayer(Layer layer, EmittedLayer? source)
    {
        public Layer Layer { get; set; } = layer;

        public EmittedLayer? Source { get; } = source;

        public EmittedLayer? Skip { get; init; }
    }

    /// <summary>The boundary each layer of <see cref="Translate"/>'s result reads (0 the image, i + 1 layer i's output).</summary>
    public IReadOnlyList<int> Sources { get; private set; } = [];

    /// <summary>
    /// The Softmax or LogSoftmax the graph ends in, if it does: not built; the network ends in the
    /// logits before it, which is what the explanation differentiates (as attribution libraries do).
    /// </summary>
    public string? DroppedOutputActivation { get; private set; }

    /// <summary>The global average pools folded into the dense layer after them, as the user should read it; null if none.</summary>
    public string? FoldedAveragePool { get; private set; }

    /// <summary>The average pools with a window inside the map, each run as a depthwise convolution, as the user should read it; null if none.</summary>
    public string? AveragePoolsAsConvolutions { get; private set; }

    public IReadOnlyList<Layer> Translate()
    {
        // Attribute values the hardware does not implement (XAI2021) are collected over the whole chain,
        // so that a model with several (a LeNet's unpadded convolutions) is reported in one build. After
        // the first, the shapes that follow are unknown (the value would have changed them): later nodes
        // are only checked for their attribute values, and other findings there are not reported.
        var attributeFindings = new List<XaiDiagnostic>();
        for (int i = 0; i < _chain.Nodes.Count; i++)
        {
            var node = _chain.Nodes[i];
            try
            {
                i = TranslateNode(i);
            }
            catch (Exception e) when (e is XaiException { Code: DiagnosticCatalog.UnsupportedAttribute } || (attributeFindings.Count > 0 && e is XaiException or ArgumentException or InvalidOperationException))
            {
                // (ArgumentException, InvalidOperationException: a layer built on a shape the earlier value made unknown.)
                if (e is XaiException { Code: DiagnosticCatalog.UnsupportedAttribute } x)
                {
                    attributeFindings.AddRange(x.Diagnostics);
                }

                _value = node.Node.Output[0];
                _producers[_value] = (_current, _shape);
                _convJustBefore = null;
                _padJustBefore = null;
                _averagedJustBefore = null;
            }
        }

        if (attributeFindings.Count > 0)
        {
            throw new XaiException(attributeFindings);
        }

        if (_averagedJustBefore is { } pending)
        {
            throw AverageNotFolded(pending.Node, "the graph ends after it");
        }

        if (_layers.Count == 0 || !_shape.IsVector)
        {
            throw new XaiException(
                DiagnosticCatalog.OutputNotScores,
                _layers.Count == 0
                    ? "The graph has no layers; the network must end in a vector of class scores."
                    : $"The network ends in a feature map {_shape}; it must end in a vector of class scores (Flatten, then Gemm/MatMul).",
                _source);
        }

        // Boundaries from positions: a join's skip and every layer's source are slots of earlier layers.
        var boundary = new Dictionary<EmittedLayer, int>();
        for (var k = 0; k < _layers.Count; k++)
        {
            boundary[_layers[k]] = k + 1;
        }

        int BoundaryOf(EmittedLayer? slot) => slot is null ? 0 : boundary[slot];
        Sources = _layers.Select(l => BoundaryOf(l.Source)).ToArray();
        return _layers.Select(l => l.Layer is ResidualAddLayer add ? new ResidualAddLayer(add.Name, add.InputShape, BoundaryOf(l.Skip)) : l.Layer).ToList();
    }

    /// <summary>Translates node <paramref name="i"/> of the chain (with the Add after a MatMul); returns the index of the last node it took.</summary>
    private int TranslateNode(int i)
    {
        var node = _chain.Nodes[i];
        var conv = _convJustBefore;
        _convJustBefore = null;
        // Operators and domains the SDK cannot build never get here: UnsupportedNodeScan reported them
        // all before the chain was followed (an untranslated operator reaching the switch is a bug).
        if (node.OpType == "Add" && !_chain.Constants.ContainsKey(node.InputName(0)) && !_chain.Constants.ContainsKey(node.InputName(1)))
        {
            ResidualJoin(node);
            Record(node);
            return i;
        }

        if (node.InputName(0) != _value)
        {
            ContinueFrom(node);
            conv = null; // a BatchNormalization here reads another value than the Conv just before it
        }

        if (node.OpType == "Add")
        {
            throw Unsupported(node, "Add is supported only as the bias right after a MatMul (the pair becomes one dense layer) or as a residual join of two feature maps");
        }

        if (_averagedJustBefore is { } averaged && node.OpType is not ("Flatten" or "Reshape" or "Gemm" or "MatMul"))
        {
            throw AverageNotFolded(averaged.Node, $"{node.Label} follows it");
        }

        if (node.OpType == "Pad")
        {
            Pad(node, i + 1 < _chain.Nodes.Count ? _chain.Nodes[i + 1] : null);
            _value = node.Node.Output[0]; // its declared shape is the padded one; the Conv consumes it
            return i;
        }

        if (UnsupportedNodeScan.IsOutputActivation(node.OpType) && i == _chain.Nodes.Count - 1)
        {
            OutputActivationAtTheEnd(node);
            _value = node.Node.Output[0];
            CheckDeclaredShape(node);
            return i;
        }

        switch (node.OpType)
        {
            case "Conv":
                Conv(node);
                break;
            case "Relu":
                Relu(node);
                break;
            case "Clip":
                Clip(node);
                break;
            case "MaxPool":
                MaxPool(node);
                break;
            case "Flatten":
                Flatten(node);
                break;
            case "Reshape":
                Reshape(node);
                break;
            case "Gemm":
                Gemm(node);
                break;
            case "MatMul":
                var add = i + 1 < _chain.Nodes.Count && _chain.Nodes[i + 1].OpType == "Add"
                    && OnnxOperators.IsDefaultDomain(_chain.Nodes[i + 1].Node.Domain)
                    ? _chain.Nodes[i + 1]
                    : null;
                MatMul(node, add);
                if (add is not null)
                {
                    i++;
                    node = add;
                }

                break;
            case "BatchNormalization":
                BatchNormalization(node, conv);
                break;
            case "GlobalAveragePool":
                node.RequireKnownAttributes();
                node.RequireInputs(1, 1);
                AverageOverMap(node, keepDims: true);
                break;
            case "AveragePool":
                AveragePool(node);
                break;
            case "ReduceMean":
                ReduceMean(node);
                break;
            default:
                throw new InvalidOperationException($"{node.OpType} is listed as translated but has no translation.");
        }

        Record(node);
        return i;
    }

    /// <summary>After <paramref name="node"/>: its output is the current value, which later nodes may read.</summary>
    private void Record(OnnxNodeView node)
    {
        _value = node.Node.Output[0];
        CheckDeclaredShape(node);
        if (_padJustBefore is null && _averagedJustBefore is null)
        {
            _producers[_value] = (_current, _shape);
        }
    }

    /// <summary>
    /// <paramref name="node"/> reads an earlier value than the previous node's output: the graph forks
    /// there (a residual skip), and translation continues from that value.
    /// </summary>
    private void ContinueFrom(OnnxNodeView node)
    {
        var value = node.InputName(0);
        if (_padJustBefore is { } pad || _averagedJustBefore is not null)
        {
            var pending = _padJustBefore is { } p ? p.Node : _averagedJustBefore!.Value.Node;
            throw node.Error(
                DiagnosticCatalog.NotSingleChain,
                $"{node.Label} reads '{value}', but {pending.Label} before it is waiting for the node it is folded into, which must come right after it.");
        }

        if (!_producers.TryGetValue(value, out var producer))
        {
            throw node.Error(
                DiagnosticCatalog.NotSingleChain,
                $"{node.Label} must take a layer's output or the image as its first input; its first input '{value}' is neither (the previous value is '{_value}').");
        }

        _value = value;
        _current = producer.Producer;
        _shape = producer.Shape;
        _convJustBefore = null;
    }

    /// <summary>
    /// An Add of two computed feature maps: a residual join. The hardware fuses it into the store of the
    /// stride-1 'same' convolution that computes one operand (the main branch; the ReLU after the Add
    /// follows as usual) and reads the other (the skip) from DRAM. That convolution's output must feed
    /// only the Add, and it runs after the skip's producer: it is moved there if the file computed the
    /// skip later (torch's <c>conv2(y) + shortcut(x)</c>), which changes nothing else (no other node reads it).
    /// </summary>
    private void ResidualJoin(OnnxNodeView node)
    {
        node.RequireKnownAttributes();
        node.RequireInputs(2, 2);
        if (_padJustBefore is not null || _averagedJustBefore is not null)
        {
            ContinueFrom(node); // reports the pending fold
        }

        var operands = new[] { node.InputName(0), node.InputName(1) }.Select(v => _producers.TryGetValue(v, out var p)
            ? (Value: v, p.Producer, p.Shape)
            : throw node.Error(DiagnosticCatalog.NotSingleChain, $"{node.Label} adds '{v}', which is neither a layer's output nor the image.")).ToArray();
        if (operands[0].Shape != operands[1].Shape || !operands[0].Shape.IsFeatureMap)
        {
            throw Shape(node, $"a residual join adds two feature maps of one shape; it receives {operands[0].Shape} and {operands[1].Shape} (no broadcasting).");
        }

        bool CanCarry((string Value, EmittedLayer? Producer, TensorShape Shape) o) =>
            o.Producer?.Layer is Conv2dLayer { IsSame: true } && _chain.ConsumerCount(o.Value) == 1;
        var main = operands.Where(CanCarry).OrderByDescending(o => _layers.IndexOf(o.Producer!)).FirstOrDefault();
        if (main.Producer is null)
        {
            throw Unsupported(node,
                $"a residual join is built into the convolution that computes one of its operands, which must be a stride-1 'same' Conv (BatchNormalization folded) whose output feeds only this Add; " +
                $"neither '{operands[0].Value}' ({Describe(operands[0].Producer)}) nor '{operands[1].Value}' ({Describe(operands[1].Producer)}) is. " +
                "Put the ReLU after the Add, and the stride or pool in the other convolution of the block");
        }

        var skip = operands[0].Value == main.Value ? operands[1] : operands[0];
        var slot = main.Producer;
        if (_layers[^1] != slot)
        {
            _layers.Remove(slot);
            _layers.Add(slot);
        }

        _value = main.Value;
        _current = slot;
        _shape = main.Shape;
        _convJustBefore = null;
        var join = new EmittedLayer(new ResidualAddLayer(node.Name, _shape, 0), _current) { Skip = skip.Producer };
        _layers.Add(join);
        _current = join;
    }

    private static string Describe(EmittedLayer? producer) => producer switch
    {
        null => "the image",
        { Layer: Conv2dLayer c } => $"a Conv with stride {c.Stride} and pads {c.Pads}",
        { Layer: var l } => $"a {l.GetType().Name.Replace("Layer", "")}",
    };

    private void Conv(OnnxNodeView node)
    {
        node.RequireKnownAttributes("auto_pad", "dilations", "group", "kernel_shape", "pads", "strides");
        node.RequireInputs(2, 3);
        RequireFeatureMap(node);
        var (dims, weights) = FloatConstant(node, 1, "weights");
        if (dims.Length != 4)
        {
            throw Shape(node, $"weights '{node.InputName(1)}' have dims {OnnxNodeView.Format(dims)}; a 2-D convolution needs [Cout,Cin,K,K].");
        }

        long outChannels = dims[0], inChannels = dims[1], kernelHeight = dims[2], kernelWidth = dims[3];
        var kernelShape = node.Ints("kernel_shape");
        if (kernelShape is not null && !kernelShape.SequenceEqual(new[] { kernelHeight, kernelWidth }))
        {
            throw Shape(node, $"kernel_shape {OnnxNodeView.Format(kernelShape)} does not match the weights' [{kernelHeight},{kernelWidth}].");
        }

        if (kernelHeight != kernelWidth || kernelHeight % 2 == 0 || kernelHeight <= 0)
        {
            throw node.UnsupportedValue("kernel_shape", $"[{kernelHeight},{kernelWidth}]", "a square kernel [K,K] with odd K (1, 3, 5, ...)");
        }

        int k = (int)kernelHeight;
        long group = node.Int("group", 1);
        bool depthwise = group != 1 && group == _shape.Channels && group == outChannels && inChannels == 1;
        if (group != 1 && !depthwise)
        {
            throw node.UnsupportedValue("group", $"{group} (weights {OnnxNodeView.Format(dims)} on {_shape})", $"1, or {_shape.Channels} with weights [{_shape.Channels},1,K,K] (depthwise; other grouped convolutions are not implemented)");
        }

        var strides = node.Ints("strides") ?? new long[] { 1, 1 };
        if (strides.Length != 2 || strides[0] != strides[1] || strides[0] is not (1 or 2))
        {
            throw node.UnsupportedValue("strides", OnnxNodeView.Format(strides), "[1,1] or [2,2] (the engine computes the stride-1 convolution and keeps every second point)");
        }

        int stride = (int)strides[0];
        RequireOnes(node, "dilations", 2, "[1,1] (no dilation)");

        int same = (k - 1) / 2;
        var allowedPads = $"[top,left,bottom,right], each at most {same} ((K-1)/2 for K = {k}: the engine computes the 'same' convolution and keeps the part the padding asks for)";
        var autoPad = node.String("auto_pad", "NOTSET");
        var folded = _padJustBefore;
        _padJustBefore = null;
        if (folded is { } f && autoPad != "NOTSET")
        {
            throw node.UnsupportedValue("auto_pad", $"'{autoPad}' after {f.Node.Label}", "NOTSET when a Pad node's padding is folded into the convolution");
        }

        long[] pads;
        switch (autoPad)
        {
            case "NOTSET":
                pads = node.Ints("pads") ?? new long[4];
                if (folded is { } p0 && pads.Length == 4)
                {
                    // ONNX Conv pads are [top, left, bottom, right], the order _padJustBefore keeps.
                    pads = pads.Zip(p0.Pads, (a, b) => a + b).ToArray();
                }

                if (pads.Length != 4 || pads.Any(p => p < 0 || p > same))
                {
                    var what = folded is { } p1 ? $"{OnnxNodeView.Format(pads)} (its own plus {p1.Node.Label}'s, folded into it)" : OnnxNodeView.Format(pads);
                    throw node.UnsupportedValue("pads", what, allowedPads);
                }

                break;
            case "SAME_UPPER" or "SAME_LOWER" when !node.Has("pads"):
                pads = AutoSamePads(k, stride, upper: autoPad == "SAME_UPPER");
                if (pads.Any(p => p > same))
                {
                    throw node.UnsupportedValue("auto_pad", $"'{autoPad}' (pads {OnnxNodeView.Format(pads)} on {_shape})", allowedPads);
                }

                break;
            case "VALID" when !node.Has("pads"):
                pads = new long[4];
                break;
            default:
                throw node.UnsupportedValue("auto_pad", $"'{autoPad}'" + (node.Has("pads") ? " together with pads" : ""), $"NOTSET with pads {allowedPads}, SAME_UPPER, SAME_LOWER or VALID");
        }

        if (!depthwise && inChannels != _shape.Channels)
        {
            throw Shape(node, $"weights '{node.InputName(1)}' {OnnxNodeView.Format(dims)} expect {inChannels} input channels; the incoming feature map is {_shape}.");
        }

        if (outChannels <= 0)
        {
            throw Shape(node, $"weights '{node.InputName(1)}' {OnnxNodeView.Format(dims)} have no output channels.");
        }

        var bias = OptionalBias(node, 2, (int)outChannels);
        var layer = new Conv2dLayer(node.LayerName, _shape, (int)outChannels, k, new ConvolutionPadding((int)pads[0], (int)pads[1], (int)pads[2], (int)pads[3]), stride, weights, bias, depthwise);
        Emit(layer);
        _convJustBefore = layer;
    }

    /// <summary>
    /// ONNX's SAME_UPPER / SAME_LOWER pads for the incoming map: output ceil(in / stride), the padding
    /// that needs split evenly, the odd one at the end (UPPER) or the start (LOWER).
    /// </summary>
    private long[] AutoSamePads(int k, int stride, bool upper)
    {
        long[] Axis(int size)
        {
            long output = (size + stride - 1) / stride;
            long total = Math.Max((output - 1) * stride + k - size, 0);
            long small = total / 2, large = total - small;
            return upper ? new[] { small, large } : new[] { large, small };
        }

        var rows = Axis(_shape.Height);
        var columns = Axis(_shape.Width);
        return new[] { rows[0], columns[0], rows[1], columns[1] };
    }

    /// <summary>
    /// A Pad right before a Conv: zero padding of the two spatial axes, which the convolution's own
    /// padding then includes (an exporter writes F.pad + Conv this way). Anything else is XAI2020/XAI2021.
    /// </summary>
    private void Pad(OnnxNodeView node, OnnxNodeView? next)
    {
        node.RequireKnownAttributes("mode", "pads", "value");
        node.RequireInputs(1, 3);
        RequireFeatureMap(node);
        // torch exports nn.AvgPool2d with a Pad in front (of zeros when the pool has no padding).
        if (next is null || next.OpType is not ("Conv" or "AveragePool") || !OnnxOperators.IsDefaultDomain(next.Node.Domain))
        {
            throw Unsupported(node, "Pad is supported only right before a Conv or an AveragePool, whose padding it is folded into; give the convolution its own 'same' padding instead");
        }

        var mode = node.String("mode", "constant");
        if (mode != "constant")
        {
            throw node.UnsupportedValue("mode", $"'{mode}'", "'constant' (zero padding, which a convolution's or pool's padding is)");
        }

        // Opset < 11: pads and value are attributes; from 11: inputs 1 and 2 (constants).
        var pads = node.Has("pads") ? node.Ints("pads")! : node.InputName(1).Length > 0 ? Int64Constant(node, 1, "pads").Values : null;
        if (pads is null)
        {
            throw node.Error(DiagnosticCatalog.NodeArity, $"{node.Label} gives no pads (neither the attribute nor input 1).");
        }

        var value = node.Has("value") ? node.Float("value", 0f)
            : node.InputName(2).Length > 0 ? SingleFloat(node, 2, "constant value") : 0f;
        if (value != 0f)
        {
            throw node.UnsupportedValue("value", value.ToString(System.Globalization.CultureInfo.InvariantCulture), "0 (zero padding, which a convolution's or pool's padding is)");
        }

        // [N, C, H, W] begins, then ends: only H and W may be padded, and not negatively (a crop).
        if (pads.Length != 8 || pads[0] != 0 || pads[1] != 0 || pads[4] != 0 || pads[5] != 0 || pads.Any(p => p < 0))
        {
            throw node.UnsupportedValue("pads", OnnxNodeView.Format(pads), "[0,0,top,left,0,0,bottom,right] with top, left, bottom, right >= 0 (padding of the two spatial axes)");
        }

        _padJustBefore = (node, new[] { pads[2], pads[3], pads[6], pads[7] });
    }

    private void OutputActivationAtTheEnd(OnnxNodeView node)
    {
        node.RequireKnownAttributes("axis");
        node.RequireInputs(1, 1);
        if (!_shape.IsVector)
        {
            throw Shape(node, $"{node.OpType} at the end of the graph applies to a feature map {_shape}; a classifier's {node.OpType} applies to its vector of class scores.");
        }

        var axis = node.Int("axis", 1);
        if (axis != 1 && axis != -1)
        {
            throw node.UnsupportedValue("axis", $"{axis}", "1 or -1 (the class axis of [1,N])");
        }

        DroppedOutputActivation = $"{node.OpType} ({node.Label})";
    }

    private void Relu(OnnxNodeView node)
    {
        node.RequireKnownAttributes();
        node.RequireInputs(1, 1);
        Emit(new ReluLayer(node.LayerName, _shape));
    }

    /// <summary>Clip(0, 6) is ReLU6 (torch exports nn.ReLU6 so); Clip(0) without a maximum is ReLU.</summary>
    private void Clip(OnnxNodeView node)
    {
        node.RequireKnownAttributes("min", "max");
        node.RequireInputs(1, 3);
        // Opset < 11: min and max are attributes; from 11: optional constant inputs 1 and 2.
        float? Bound(string name, int input) =>
            node.Has(name) ? node.Float(name, 0f) : node.InputName(input).Length > 0 ? SingleFloat(node, input, name) : null;
        var min = Bound("min", 1);
        var max = Bound("max", 2);
        if (min == 0f && max == 6f)
        {
            Emit(new Relu6Layer(node.LayerName, _shape));
        }
        else if (min == 0f && max is null)
        {
            Emit(new ReluLayer(node.LayerName, _shape));
        }
        else
        {
            static string Text(float? v) => v?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none";
            throw node.UnsupportedValue("min, max", $"{Text(min)}, {Text(max)}", "0 and 6 (ReLU6) or 0 and none (ReLU); other clips are not implemented");
        }
    }

    private void MaxPool(OnnxNodeView node)
    {
        node.RequireKnownAttributes("auto_pad", "ceil_mode", "dilations", "kernel_shape", "pads", "storage_order", "strides");
        node.RequireInputs(1, 1);
        RequireFeatureMap(node);
        var kernel = node.Ints("kernel_shape");
        if (kernel is null || kernel.Length != 2 || kernel[0] != kernel[1] || kernel[0] is not (2 or 3))
        {
            throw node.UnsupportedValue("kernel_shape", kernel is null ? "absent" : OnnxNodeView.Format(kernel), "[2,2] or [3,3]");
        }

        int k = (int)kernel[0];
        var strides = node.Ints("strides");
        if (strides is null || !strides.SequenceEqual(new long[] { 2, 2 }))
        {
            throw node.UnsupportedValue("strides", strides is null ? "absent (stride 1)" : OnnxNodeView.Format(strides), "[2,2]");
        }

        var pads = node.Ints("pads");
        if (pads is not null && (pads.Length != 4 || pads.Any(p => p < 0 || p > k / 2)))
        {
            throw node.UnsupportedValue("pads", OnnxNodeView.Format(pads), $"4 values of 0 to {k / 2} (at most half the {k}x{k} window, as PyTorch allows)");
        }

        var padding = pads is null ? default : new ConvolutionPadding((int)pads[0], (int)pads[1], (int)pads[2], (int)pads[3]);
        RequireOnes(node, "dilations", 2, "[1,1] (no dilation)");
        if (_shape.Height + padding.Top + padding.Bottom < k || _shape.Width + padding.Left + padding.Right < k)
        {
            throw Shape(node, $"{k}x{k} max-pooling with pads {padding} needs a padded height and width of at least {k}; the incoming feature map is {_shape}.");
        }

        // The hardware rounds the output size down (PyTorch's default). ceil_mode and the SAME auto_pad
        // modes are accepted where they give those same windows: ceil where rounding up adds no window
        // (for the unpadded 2x2 pool, on even sizes), SAME only for the unpadded 2x2 pool on even sizes.
        static int Ceil(int n, int k, int lo, int hi)
        {
            var o = ((n + lo + hi - k + 1) / 2) + 1;
            return (o - 1) * 2 >= n + lo ? o - 1 : o; // PyTorch drops a last window that starts in the padding
        }

        bool ceilSame = MaxPool2dLayer.OutputSize(_shape.Height, k, padding.Top, padding.Bottom) == Ceil(_shape.Height, k, padding.Top, padding.Bottom) &&
            MaxPool2dLayer.OutputSize(_shape.Width, k, padding.Left, padding.Right) == Ceil(_shape.Width, k, padding.Left, padding.Right);
        bool evenUnpadded2 = k == 2 && padding == default && _shape.Height % 2 == 0 && _shape.Width % 2 == 0;
        var autoPad = node.String("auto_pad", "NOTSET");
        if (!(autoPad is "NOTSET" or "VALID" || (evenUnpadded2 && autoPad is "SAME_UPPER" or "SAME_LOWER")))
        {
            throw node.UnsupportedValue("auto_pad", $"'{autoPad}' on {_shape}", "NOTSET or VALID (SAME_UPPER, SAME_LOWER only for the 2x2 pool on even sizes); give explicit pads");
        }

        long ceilMode = node.Int("ceil_mode", 0);
        if (!(ceilMode == 0 || (ceilSame && ceilMode == 1)))
        {
            throw node.UnsupportedValue("ceil_mode", $"{ceilMode} on {_shape}", "0 (output size rounded down; 1 is accepted where rounding up adds no window)");
        }

        Emit(new MaxPool2dLayer(node.LayerName, _shape, k, padding));
    }

    private void Flatten(OnnxNodeView node)
    {
        node.RequireKnownAttributes("axis");
        node.RequireInputs(1, 1);
        int rank = _shape.Rank + 1;
        long axis = node.Int("axis", 1);
        long normalized = axis < 0 ? axis + rank : axis;

        // Batch 1: axis 0 gives [1, C*H*W] just as axis 1 does.
        if (normalized is not (0 or 1))
        {
            throw node.UnsupportedValue("axis", $"{axis}", "1 (or 0): flatten everything but the batch");
        }

        FlattenTo(node);
    }

    private void Reshape(OnnxNodeView node)
    {
        node.RequireKnownAttributes("allowzero");
        node.RequireInputs(2, 2);
        long allowZero = node.Int("allowzero", 0);
        var (dims, target) = Int64Constant(node, 1, "target shape");
        var onnxShape = new long[_shape.Rank + 1];
        onnxShape[0] = 1;
        for (int d = 0; d < _shape.Rank; d++)
        {
            onnxShape[d + 1] = _shape.Dimensions[d];
        }

        // Resolve ONNX's conventions: 0 copies the input dimension (unless allowzero), one -1 is inferred.
        long total = _shape.ElementCount;
        var resolved = new long[target.Length];
        int inferred = -1;
        bool valid = dims.Length == 1;
        long product = 1;
        for (int d = 0; d < target.Length && valid; d++)
        {
            long v = target[d] == 0 && allowZero == 0 ? (d < onnxShape.Length ? onnxShape[d] : 0) : target[d];
            if (v == -1 && inferred < 0)
            {
                inferred = d;
            }
            else if (v <= 0 || v > total / product)
            {
                valid = false;
            }
            else
            {
                resolved[d] = v;
                product *= v;
            }
        }

        if (valid && inferred >= 0)
        {
            valid = total % product == 0;
            resolved[inferred] = total / product;
        }

        bool flattens = valid && resolved.Length == 2 && resolved[0] == 1 && resolved[1] == total;
        if (!flattens)
        {
            throw node.UnsupportedValue(
                $"target shape '{node.InputName(1)}'",
                OnnxNodeView.Format(target),
                $"a flatten to [1,{_shape.ElementCount}] of the incoming {OnnxNodeView.Format(onnxShape)} (e.g. [1,-1])");
        }

        FlattenTo(node);
    }

    private void Gemm(OnnxNodeView node)
    {
        node.RequireKnownAttributes("alpha", "beta", "transA", "transB");
        node.RequireInputs(2, 3);
        RequireVector(node);
        float alpha = node.Float("alpha", 1f), beta = node.Float("beta", 1f);
        if (alpha != 1f)
        {
            throw node.UnsupportedValue("alpha", $"{alpha}", "1.0");
        }

        if (beta != 1f)
        {
            throw node.UnsupportedValue("beta", $"{beta}", "1.0");
        }

        long transA = node.Int("transA", 0), transB = node.Int("transB", 0);
        if (transA != 0)
        {
            throw node.UnsupportedValue("transA", $"{transA}", "0 (the activation is the left operand)");
        }

        if (transB is not (0 or 1))
        {
            throw node.UnsupportedValue("transB", $"{transB}", "0 or 1");
        }

        var (dims, b) = FloatConstant(node, 1, "weights");
        var weights = DenseWeights(node, dims, b, transposed: transB == 1);
        int outFeatures = (int)(transB == 1 ? dims[0] : dims[1]);
        var bias = OptionalBias(node, 2, outFeatures);
        EmitDense(node, outFeatures, weights, bias);
    }

    private void MatMul(OnnxNodeView node, OnnxNodeView? add)
    {
        node.RequireKnownAttributes();
        node.RequireInputs(2, 2);
        RequireVector(node);
        var (dims, b) = FloatConstant(node, 1, "weights");
        var weights = DenseWeights(node, dims, b, transposed: false);
        int outFeatures = (int)dims[1];
        var bias = new float[outFeatures];
        if (add is not null)
        {
            add.RequireKnownAttributes();
            add.RequireInputs(2, 2);
            var output = node.Node.Output[0];
            int biasInput = add.InputName(0) == output ? 1 : 0;
            if (add.InputName(1 - biasInput) != output)
            {
                throw add.Error(DiagnosticCatalog.NotSingleChain, $"{add.Label} does not add to the output '{output}' of {node.Label}.");
            }

            bias = OptionalBias(add, biasInput, outFeatures);
        }

        EmitDense(node, outFeatures, weights, bias);
    }

    /// <summary>
    /// The dense layer of <paramref name="weights"/> <c>[out,in]</c>; after a global average pool, the
    /// pool folded into it: y[o] = b[o] + sum_c W[o][c] mean_p x[c][p] = b[o] + sum_{c,p} (W[o][c] / HW) x[c][p],
    /// a dense layer over the flat map whose weights repeat W[o][c] / HW over the HW cells of channel c.
    /// Its BP, sum_o W[o][c] / HW g[o] at every cell of channel c, is the pool's (the gradient spread
    /// evenly). Exact in real arithmetic; it costs HW times the weights and MACs of the dense layer,
    /// small beside the convolutions before it (64 x 8 x 8 x 10 for ResNet-8's head).
    /// </summary>
    private void EmitDense(OnnxNodeView node, int outFeatures, float[] weights, float[] bias)
    {
        if (_averagedJustBefore is not { } averaged)
        {
            Emit(new DenseLayer(node.LayerName, _shape, outFeatures, weights, bias));
            return;
        }

        _averagedJustBefore = null;
        var map = averaged.Map;
        int channels = map.Channels, cells = map.Height * map.Width, inFeatures = channels * cells;
        var spread = new float[(long)outFeatures * inFeatures];
        for (int o = 0; o < outFeatures; o++)
        {
            for (int c = 0; c < channels; c++)
            {
                float w = (float)(weights[o * channels + c] / (double)cells);
                Array.Fill(spread, w, o * inFeatures + c * cells, cells);
            }
        }

        _shape = TensorShape.Vector(inFeatures);
        Emit(new DenseLayer(node.LayerName, _shape, outFeatures, spread, bias));
        FoldedAveragePool = (FoldedAveragePool is null ? "" : FoldedAveragePool + "; ")
            + $"{averaged.Node.Label} over {map} folded into dense '{node.LayerName}' ({channels} -> {inFeatures} inputs, weights / {cells}; "
            + string.Create(System.Globalization.CultureInfo.InvariantCulture, $"its {(long)outFeatures * (channels + 1):N0} parameters become {(long)outFeatures * (inFeatures + 1):N0})");
    }

    /// <summary>
    /// The mean over each channel's whole map (GlobalAveragePool, ReduceMean over H and W, an
    /// AveragePool whose window is the map): the map is flattened here and the mean is folded into the
    /// dense layer that must follow (<see cref="EmitDense"/>).
    /// </summary>
    private void AverageOverMap(OnnxNodeView node, bool keepDims)
    {
        RequireFeatureMap(node);
        var map = _shape;
        Emit(new FlattenLayer(node.LayerName, map));
        _averagedJustBefore = (node, map);
        _shape = keepDims ? TensorShape.FeatureMap(map.Channels, 1, 1) : TensorShape.Vector(map.Channels);
    }

    /// <summary>
    /// An AveragePool. A window over the whole map is the global mean, folded into the dense layer after
    /// it (<see cref="AverageOverMap"/>). A K x K window inside the map is a linear map with the same
    /// weights on every channel: a depthwise convolution whose weights are 1/K^2 and bias 0, which the
    /// convolution engine runs with its BP (the transposed convolution: the gradient spread evenly over
    /// each window, as the pool's BP). An even K becomes the odd kernel K + 1 with a zero row and column,
    /// and the padding that keeps the windows in place. Exact in real arithmetic; a fixed-point build
    /// rounds 1/K^2 to the layer's weight format (exact for K = 1, 2, 4).
    /// </summary>
    private void AveragePool(OnnxNodeView node)
    {
        node.RequireKnownAttributes("auto_pad", "ceil_mode", "count_include_pad", "kernel_shape", "pads", "strides", "dilations");
        node.RequireInputs(1, 1);
        RequireFeatureMap(node);
        var own = node.Ints("pads") ?? new long[4];
        var folded = _padJustBefore;
        _padJustBefore = null;
        if (own.Length != 4 || own.Any(p => p < 0))
        {
            throw node.UnsupportedValue("pads", OnnxNodeView.Format(own), "[top,left,bottom,right] of non-negative values");
        }

        // A folded Pad's zeros are cells of the map the pool sees, so they count in the divisor whatever
        // count_include_pad says (torch exports count_include_pad=True this way); the pool's own padding
        // counts only with count_include_pad = 1.
        var pads = folded is { } f ? own.Zip(f.Pads, (a, b) => a + b).ToArray() : own;
        var padsText = folded is { } f1 ? $"{OnnxNodeView.Format(own)} plus {f1.Node.Label}'s {OnnxNodeView.Format(f1.Pads)}" : OnnxNodeView.Format(own);
        var kernel = node.Ints("kernel_shape");
        if (kernel is not null && kernel.Length == 2 && kernel[0] == _shape.Height && kernel[1] == _shape.Width && pads.All(p => p == 0))
        {
            var wholeAutoPad = node.String("auto_pad", "NOTSET");
            if (wholeAutoPad is not ("NOTSET" or "VALID"))
            {
                throw node.UnsupportedValue("auto_pad", $"'{wholeAutoPad}'", "NOTSET or VALID (a window over the whole map)");
            }

            RequireOnes(node, "dilations", 2, "[1,1] (no dilation)");
            AverageOverMap(node, keepDims: true);
            return;
        }

        const int largestKernel = 7;
        if (kernel is null || kernel.Length != 2 || kernel[0] != kernel[1] || kernel[0] < 1 || kernel[0] > largestKernel - 1 + kernel[0] % 2)
        {
            throw node.UnsupportedValue(
                "kernel_shape",
                kernel is null ? "absent" : $"{OnnxNodeView.Format(kernel)} on {_shape}",
                $"a square window [K,K] with K from 1 to {largestKernel} (run as a depthwise convolution; an even K as K + 1 with a zero row and column, so at most {largestKernel - 1}), or [{_shape.Height},{_shape.Width}] (the whole map, folded into the dense layer after it)");
        }

        int k = (int)kernel[0];
        var strides = node.Ints("strides") ?? new long[] { 1, 1 };
        if (strides.Length != 2 || strides[0] != strides[1] || strides[0] is not (1 or 2))
        {
            throw node.UnsupportedValue("strides", OnnxNodeView.Format(strides), "[1,1] or [2,2] (absent is [1,1]), as the convolution engine that runs the pool");
        }

        int stride = (int)strides[0];
        RequireOnes(node, "dilations", 2, "[1,1] (no dilation)");
        var autoPad = node.String("auto_pad", "NOTSET");
        if (autoPad is not ("NOTSET" or "VALID") || (autoPad == "VALID" && node.Has("pads")))
        {
            throw node.UnsupportedValue("auto_pad", $"'{autoPad}'", "NOTSET with pads, or VALID (export nn.AvgPool2d with explicit padding)");
        }

        if (node.Int("count_include_pad", 0) == 0 && own.Any(p => p != 0))
        {
            throw node.UnsupportedValue(
                "count_include_pad",
                $"0 with pads {OnnxNodeView.Format(own)}",
                "1 when the pool pads (the divisor is then K^2 everywhere; with 0 it shrinks at the border, which no convolution computes): nn.AvgPool2d's default count_include_pad=True");
        }

        int Output(int size, long before, long after) => (int)((size + before + after - k) / stride) + 1;
        int outH = Output(_shape.Height, pads[0], pads[2]), outW = Output(_shape.Width, pads[1], pads[3]);
        if (_shape.Height + pads[0] + pads[2] < k || _shape.Width + pads[1] + pads[3] < k)
        {
            throw Shape(node, $"a {k}x{k} window does not fit the incoming {_shape} with pads {padsText}.");
        }

        if (node.Int("ceil_mode", 0) != 0)
        {
            int Ceil(int size, long before, long after) => (int)((size + before + after - k + stride - 1) / stride) + 1;
            if (Ceil(_shape.Height, pads[0], pads[2]) != outH || Ceil(_shape.Width, pads[1], pads[3]) != outW)
            {
                throw node.UnsupportedValue("ceil_mode", $"1 on {_shape}", $"0 (output size rounded down; 1 is accepted where it gives the same {outH}x{outW} windows)");
            }
        }

        // An even window becomes K + 1 with its zero row (column) at the end, or at the start where the
        // padding the engine allows ((K' - 1) / 2 per side) needs it there.
        int odd = k % 2 == 1 ? k : k + 1, limit = (odd - 1) / 2;
        (long Before, long After, int Offset)? Axis(long before, long after) =>
            k == odd ? (before, after, 0)
            : after + 1 <= limit && before <= limit ? (before, after + 1, 0)
            : before + 1 <= limit && after <= limit ? (before + 1, after, 1)
            : null;
        var rows = Axis(pads[0], pads[2]);
        var columns = Axis(pads[1], pads[3]);
        if (rows is not { } r || columns is not { } c || r.Before > limit || r.After > limit || c.Before > limit || c.After > limit)
        {
            throw node.UnsupportedValue(
                "pads",
                padsText,
                $"[top,left,bottom,right], each at most {limit}{(k == odd ? "" : $", top + bottom and left + right at most {k - 1}")} for a {k}x{k} window{(k == odd ? "" : $" (run as a {odd}x{odd} convolution, one of whose sides takes a zero row)")}");
        }

        int channels = _shape.Channels;
        var weights = new float[channels * odd * odd];
        float share = (float)(1.0 / (k * k));
        for (int ch = 0; ch < channels; ch++)
        {
            for (int y = 0; y < k; y++)
            {
                Array.Fill(weights, share, (ch * odd + y + r.Offset) * odd + c.Offset, k);
            }
        }

        var layer = new Conv2dLayer(
            node.LayerName, _shape, channels, odd, new ConvolutionPadding((int)r.Before, (int)c.Before, (int)r.After, (int)c.After), stride, weights, new float[channels], depthwise: true);
        if (layer.OutputShape.Height != outH || layer.OutputShape.Width != outW)
        {
            throw new InvalidOperationException($"{node.Label}: the convolution computes {layer.OutputShape}, the pool {outH}x{outW}.");
        }

        Emit(layer);
        AveragePoolsAsConvolutions = (AveragePoolsAsConvolutions is null ? "" : AveragePoolsAsConvolutions + "; ")
            + $"{node.Label} ({k}x{k}, stride {stride}, pads {padsText}) runs as depthwise {odd}x{odd} convolution '{node.LayerName}' with weights 1/{k * k}";
    }

    private void ReduceMean(OnnxNodeView node)
    {
        node.RequireKnownAttributes("axes", "keepdims", "noop_with_empty_axes");
        node.RequireInputs(1, 2);
        RequireFeatureMap(node);
        // Opset < 18: axes is an attribute; from 18 an optional constant input.
        var axes = node.Has("axes") ? node.Ints("axes")! : node.InputName(1).Length > 0 ? Int64Constant(node, 1, "axes").Values : null;
        var normalized = axes?.Select(a => a < 0 ? a + 4 : a).Order().ToArray();
        if (normalized is null || !normalized.SequenceEqual(new long[] { 2, 3 }))
        {
            throw node.UnsupportedValue("axes", axes is null ? "absent (every axis)" : OnnxNodeView.Format(axes), "[2,3] or [-2,-1] (the mean over each channel's map, as x.mean((2, 3)))");
        }

        long keepDims = node.Int("keepdims", 1);
        AverageOverMap(node, keepDims: keepDims != 0);
    }

    private void BatchNormalization(OnnxNodeView node, Conv2dLayer? conv)
    {
        node.RequireKnownAttributes("epsilon", "momentum", "training_mode", "spatial");
        node.RequireInputs(5, 5);
        if (conv is null)
        {
            throw node.Error(
                DiagnosticCatalog.BatchNormalizationPlacement,
                $"{node.Label} does not directly follow a Conv, so it cannot be folded into one; only Conv -> BatchNormalization is supported.");
        }

        long trainingMode = node.Int("training_mode", 0);
        if (trainingMode != 0)
        {
            throw node.UnsupportedValue("training_mode", $"{trainingMode}", "0 (export the model in eval mode)");
        }

        long spatial = node.Int("spatial", 1);
        if (spatial != 1)
        {
            throw node.UnsupportedValue("spatial", $"{spatial}", "1 (one statistic per channel)");
        }

        float epsilon = node.Float("epsilon", 1e-5f);
        var scale = ChannelConstant(node, 1, "scale", conv.OutChannels);
        var shift = ChannelConstant(node, 2, "bias", conv.OutChannels);
        var mean = ChannelConstant(node, 3, "mean", conv.OutChannels);
        var variance = ChannelConstant(node, 4, "variance", conv.OutChannels);
        for (int c = 0; c < variance.Length; c++)
        {
            double denominator = variance[c] + (double)epsilon;
            if (!(denominator > 0) || double.IsInfinity(denominator))
            {
                throw node.Error(
                    DiagnosticCatalog.InitializerData,
                    $"{node.Label}: variance + epsilon of channel {c} is {denominator}; it must be a positive finite number.");
            }
        }

        if (_chain.ConsumerCount(node.InputName(0)) > 1)
        {
            throw node.Error(
                DiagnosticCatalog.BatchNormalizationPlacement,
                $"{node.Label}: the output '{node.InputName(0)}' of the Conv before it is read by other nodes too, so the normalization cannot be folded into the Conv's weights.");
        }

        _layers[^1].Layer = BatchNormalizationFolding.Fold(conv, scale, shift, mean, variance, epsilon);
    }

    private void FlattenTo(OnnxNodeView node)
    {
        if (_averagedJustBefore is not null)
        {
            // The map was flattened at the pool; the pooled values become the vector [C].
            _shape = TensorShape.Vector(_shape.ElementCount);
            return;
        }

        if (_shape.IsFeatureMap)
        {
            Emit(new FlattenLayer(node.LayerName, _shape));
        }

        // A vector is already flat: the node changes nothing and adds no layer.
    }

    private float[] DenseWeights(OnnxNodeView node, long[] dims, float[] values, bool transposed)
    {
        if (dims.Length != 2)
        {
            throw Shape(node, $"weights '{node.InputName(1)}' have dims {OnnxNodeView.Format(dims)}; a dense layer needs a matrix.");
        }

        long inFeatures = transposed ? dims[1] : dims[0];
        long outFeatures = transposed ? dims[0] : dims[1];
        if (inFeatures != _shape.ElementCount)
        {
            var origin = _lastFeatureMap is null ? "" : $" (flattened from {_lastFeatureMap})";
            throw Shape(
                node,
                $"weights '{node.InputName(1)}' {OnnxNodeView.Format(dims)} expect {inFeatures} inputs; the incoming vector has {_shape.ElementCount}{origin}.");
        }

        if (outFeatures <= 0)
        {
            throw Shape(node, $"weights '{node.InputName(1)}' {OnnxNodeView.Format(dims)} have no outputs.");
        }

        if (transposed)
        {
            return values; // already [out,in]
        }

        // ONNX B is [in,out]; the IR keeps [out,in] as nn.Linear does.
        int rows = (int)inFeatures, cols = (int)outFeatures;
        var result = new float[values.Length];
        for (int i = 0; i < rows; i++)
        {
            for (int o = 0; o < cols; o++)
            {
                result[o * rows + i] = values[i * cols + o];
            }
        }

        return result;
    }

    private float[] OptionalBias(OnnxNodeView node, int index, int length)
    {
        if (node.InputName(index).Length == 0)
        {
            return new float[length];
        }

        var (dims, values) = FloatConstant(node, index, "bias");
        bool fits = (dims.Length == 1 && dims[0] == length) || (dims.Length == 2 && dims[0] == 1 && dims[1] == length);
        if (!fits)
        {
            throw Shape(node, $"bias '{node.InputName(index)}' has dims {OnnxNodeView.Format(dims)}; expected [{length}].");
        }

        return values;
    }

    private float[] ChannelConstant(OnnxNodeView node, int index, string role, int channels)
    {
        var (dims, values) = FloatConstant(node, index, role);
        if (dims.Length != 1 || dims[0] != channels)
        {
            throw Shape(node, $"{role} '{node.InputName(index)}' has dims {OnnxNodeView.Format(dims)}; the convolution before it has {channels} channels.");
        }

        return values;
    }

    private (long[] Dims, float[] Values) FloatConstant(OnnxNodeView node, int index, string role) =>
        _decoder.Float32(Constant(node, index, role), $"{role} of {node.Label}");

    private float SingleFloat(OnnxNodeView node, int index, string role)
    {
        var (dims, values) = FloatConstant(node, index, role);
        return values.Length == 1
            ? values[0]
            : throw Shape(node, $"{role} '{node.InputName(index)}' has dims {OnnxNodeView.Format(dims)}; one value is expected.");
    }

    private (long[] Dims, long[] Values) Int64Constant(OnnxNodeView node, int index, string role) =>
        _decoder.Int64(Constant(node, index, role), $"{role} of {node.Label}");

    private TensorProto Constant(OnnxNodeView node, int index, string role)
    {
        var name = node.InputName(index);
        if (!_chain.Constants.TryGetValue(name, out var tensor))
        {
            throw node.Error(
                DiagnosticCatalog.MissingInitializer,
                $"{node.Label}: input {index} '{name}' ({role}) is neither an initializer nor a Constant; it must be a constant tensor stored in the model.");
        }

        return tensor;
    }

    private void RequireOnes(OnnxNodeView node, string attribute, int length, string allowed)
    {
        var values = node.Ints(attribute);
        if (values is not null && (values.Length != length || values.Any(v => v != 1)))
        {
            throw node.UnsupportedValue(attribute, OnnxNodeView.Format(values), allowed);
        }
    }

    private void RequireFeatureMap(OnnxNodeView node)
    {
        if (!_shape.IsFeatureMap)
        {
            throw Shape(node, $"{node.OpType} needs a feature map [1,C,H,W]; it receives the vector [1,{_shape.ElementCount}].");
        }
    }

    private void RequireVector(OnnxNodeView node)
    {
        if (!_shape.IsVector)
        {
            throw Shape(node, $"{node.OpType} needs a vector [1,N]; it receives the feature map [1,{string.Join(",", _shape.Dimensions)}]. Flatten it first.");
        }
    }

    private void Emit(Layer layer)
    {
        if (_shape.IsFeatureMap)
        {
            _lastFeatureMap = _shape;
        }

        _current = new EmittedLayer(layer, _current);
        _layers.Add(_current);
        _shape = layer.OutputShape;
    }

    /// <summary>Where the file states a shape for a value, it must be the one inferred (symbolic dimensions match anything).</summary>
    private void CheckDeclaredShape(OnnxNodeView node)
    {
        if (!_chain.DeclaredShapes.TryGetValue(_value, out var declared))
        {
            return;
        }

        var inferred = new[] { 1 }.Concat(_shape.Dimensions).ToArray();
        bool matches = declared.Dim.Count == inferred.Length
            && declared.Dim.Select((d, i) => d.ValueCase != TensorShapeProto.Types.Dimension.ValueOneofCase.DimValue || d.DimValue == inferred[i]).All(x => x);
        if (!matches)
        {
            var stated = string.Join(",", declared.Dim.Select(d => d.ValueCase == TensorShapeProto.Types.Dimension.ValueOneofCase.DimValue ? d.DimValue.ToString() : d.DimParam.Length > 0 ? d.DimParam : "?"));
            throw Shape(node, $"the model declares output '{_value}' as [{stated}], but the layers give [{string.Join(",", inferred)}].");
        }
    }

    private XaiException Shape(OnnxNodeView node, string message) =>
        node.Error(DiagnosticCatalog.ShapeMismatch, $"{node.Label}: {message}");

    private static XaiException AverageNotFolded(OnnxNodeView node, string why) =>
        Unsupported(node, $"a global average pool is built only as part of the dense layer after it (Flatten, then Gemm or MatMul), which it is folded into; {why}");

    private static XaiException Unsupported(OnnxNodeView node, string what) =>
        node.Error(DiagnosticCatalog.UnsupportedOperator, $"{node.Label}: {what}. Supported: {OnnxOperators.SupportedList}.");
}
