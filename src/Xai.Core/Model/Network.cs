using System.Collections.Immutable;

namespace Xai.Model;

/// <summary>
/// A CNN as the SDK sees it: one image <see cref="InputShape"/> <c>[C,H,W]</c> in, layers in execution
/// order, a vector of <see cref="OutputClasses"/> class scores (logits) out. Batch size is always 1.
/// Tensors are named by boundary: 0 is the image, i + 1 the output of layer i. Each layer reads one
/// boundary (<see cref="Sources"/>: the previous layer's output in a chain; an earlier one where a
/// residual skip forks), and a <see cref="ResidualAddLayer"/> adds one more.
/// </summary>
public sealed class Network
{
    /// <param name="sources">The boundary each layer reads (null: every layer reads the previous one's output, a chain).</param>
    public Network(string name, TensorShape inputShape, IEnumerable<Layer> layers, IEnumerable<int>? sources = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(inputShape);
        ArgumentNullException.ThrowIfNull(layers);
        if (!inputShape.IsFeatureMap)
        {
            throw new ArgumentException($"The network input is an image [C,H,W]; got {inputShape}.", nameof(inputShape));
        }

        var list = layers.ToImmutableArray();
        if (list.IsEmpty)
        {
            throw new ArgumentException("A network has at least one layer.", nameof(layers));
        }

        var from = sources?.ToImmutableArray() ?? Enumerable.Range(0, list.Length).ToImmutableArray();
        if (from.Length != list.Length)
        {
            throw new ArgumentException($"{from.Length} sources for {list.Length} layers.", nameof(sources));
        }

        TensorShape ShapeAt(int boundary) => boundary == 0 ? inputShape : list[boundary - 1].OutputShape;
        var shape = inputShape;
        for (int i = 0; i < list.Length; i++)
        {
            var layer = list[i] ?? throw new ArgumentException($"Layer {i} is null.", nameof(layers));
            if (from[i] < 0 || from[i] > i)
            {
                throw new ArgumentException($"Layer {i} ('{layer.Name}') reads boundary {from[i]}; it may read the image (0) or an earlier layer's output (1..{i}).", nameof(sources));
            }

            shape = ShapeAt(from[i]);
            if (layer.InputShape != shape)
            {
                throw new ArgumentException(
                    $"Layer {i} ({layer.GetType().Name} '{layer.Name}') takes {layer.InputShape} but receives {shape}.", nameof(layers));
            }

            if (layer is ResidualAddLayer add && (add.SkipFrom > i || ShapeAt(add.SkipFrom) != add.InputShape))
            {
                throw new ArgumentException(
                    $"Residual join {i} ('{add.Name}') adds boundary {add.SkipFrom}, which must be an earlier tensor of its shape {add.InputShape}.", nameof(layers));
            }

            shape = layer.OutputShape;
        }

        if (!shape.IsVector)
        {
            throw new ArgumentException($"The network must end in a vector of class scores; it ends in {shape}.", nameof(layers));
        }

        Name = name;
        InputShape = inputShape;
        Layers = list;
        Sources = from;
        OutputClasses = shape.Channels;
        ParameterCount = list.Sum(l => l.ParameterCount);
    }

    public string Name { get; }

    /// <summary><c>[C,H,W]</c> of the one input image.</summary>
    public TensorShape InputShape { get; }

    /// <summary>In execution order; each layer's input shape is the shape of the boundary it reads (<see cref="Sources"/>).</summary>
    public ImmutableArray<Layer> Layers { get; }

    /// <summary>The boundary layer i reads: i in a chain (the previous layer's output; 0 the image), less where a skip forks.</summary>
    public ImmutableArray<int> Sources { get; }

    /// <summary>
    /// The output activation the model file ended in (Softmax or LogSoftmax, with its node), which the
    /// import dropped: the network ends in the logits, which the explanations differentiate. Null if none.
    /// </summary>
    public string? DroppedOutputActivation { get; init; }

    /// <summary>
    /// The global average pool(s) of the model file that the import folded into the dense layer after
    /// them (the layers here hold the folded dense layer, whose weights repeat over the pooled cells), as
    /// the user should read it. Null if none.
    /// </summary>
    public string? FoldedAveragePool { get; init; }

    /// <summary>
    /// The average pools of the model file whose window lies inside the map, each imported as a depthwise
    /// convolution with weights 1/K^2 (the layers here hold that convolution), as the user should read it.
    /// Null if none.
    /// </summary>
    public string? AveragePoolsAsConvolutions { get; init; }

    /// <summary>Length of the output score vector.</summary>
    public int OutputClasses { get; }

    /// <summary>Weights and biases over all layers.</summary>
    public long ParameterCount { get; }

    public override string ToString() =>
        $"{Name}: {InputShape} -> {OutputClasses} classes, {Layers.Length} layers, {ParameterCount} parameters";
}
