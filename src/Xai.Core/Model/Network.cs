using System.Collections.Immutable;

namespace Xai.Model;

/// <summary>
/// A CNN as the SDK sees it: one image <see cref="InputShape"/> <c>[C,H,W]</c> in, a chain of
/// layers, a vector of <see cref="OutputClasses"/> class scores (logits) out. Batch size is always 1.
/// </summary>
public sealed class Network
{
    public Network(string name, TensorShape inputShape, IEnumerable<Layer> layers)
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

        var shape = inputShape;
        for (int i = 0; i < list.Length; i++)
        {
            var layer = list[i] ?? throw new ArgumentException($"Layer {i} is null.", nameof(layers));
            if (layer.InputShape != shape)
            {
                throw new ArgumentException(
                    $"Layer {i} ({layer.GetType().Name} '{layer.Name}') takes {layer.InputShape} but receives {shape}.", nameof(layers));
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
        OutputClasses = shape.Channels;
        ParameterCount = list.Sum(l => l.ParameterCount);
    }

    public string Name { get; }

    /// <summary><c>[C,H,W]</c> of the one input image.</summary>
    public TensorShape InputShape { get; }

    /// <summary>In execution order; each layer's input shape is the previous layer's output shape.</summary>
    public ImmutableArray<Layer> Layers { get; }

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

    /// <summary>Length of the output score vector.</summary>
    public int OutputClasses { get; }

    /// <summary>Weights and biases over all layers.</summary>
    public long ParameterCount { get; }

    public override string ToString() =>
        $"{Name}: {InputShape} -> {OutputClasses} classes, {Layers.Length} layers, {ParameterCount} parameters";
}
