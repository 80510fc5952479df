namespace Xai.Model;

/// <summary>
/// The residual join of a ResNet block: its input (the main branch, the previous layer's output) plus the
/// tensor at boundary <see cref="SkipFrom"/> (the skip), element by element; same shape in and out.
/// </summary>
public sealed class ResidualAddLayer : Layer
{
    /// <param name="skipFrom">The network boundary the skip leaves from: 0 is the image, i + 1 the output of layer i.</param>
    public ResidualAddLayer(string name, TensorShape shape, int skipFrom)
        : base(name, shape, shape)
    {
        if (!shape.IsFeatureMap)
        {
            throw new ArgumentException($"A residual join adds feature maps [C,H,W]; got {shape}.", nameof(shape));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(skipFrom);
        SkipFrom = skipFrom;
    }

    /// <summary>The boundary the skip tensor leaves from (0 = the image, i + 1 = the output of layer i).</summary>
    public int SkipFrom { get; }

    public override long ParameterCount => 0;
}
