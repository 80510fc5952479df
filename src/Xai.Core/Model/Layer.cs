namespace Xai.Model;

/// <summary>
/// One step of a <see cref="Network"/>: a function from <see cref="InputShape"/> to
/// <see cref="OutputShape"/>. Layers are immutable; their parameters are copied in on construction.
/// </summary>
public abstract class Layer
{
    protected Layer(string name, TensorShape inputShape, TensorShape outputShape)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(inputShape);
        ArgumentNullException.ThrowIfNull(outputShape);
        Name = name;
        InputShape = inputShape;
        OutputShape = outputShape;
    }

    /// <summary>Where the layer came from (the ONNX node name), for messages; may be empty.</summary>
    public string Name { get; }

    public TensorShape InputShape { get; }

    public TensorShape OutputShape { get; }

    /// <summary>Trainable values (weights and biases) the layer holds.</summary>
    public abstract long ParameterCount { get; }

    public override string ToString() => $"{GetType().Name} {InputShape} -> {OutputShape}";
}
