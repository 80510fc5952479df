namespace Xai.Model;

/// <summary>A feature map <c>[C,H,W]</c> read out as a vector of C·H·W in C, H, W order (row-major, as PyTorch).</summary>
public sealed class FlattenLayer : Layer
{
    public FlattenLayer(string name, TensorShape inputShape)
        : base(name, inputShape, OutputFor(inputShape))
    {
    }

    public override long ParameterCount => 0;

    private static TensorShape OutputFor(TensorShape inputShape)
    {
        ArgumentNullException.ThrowIfNull(inputShape);
        if (!inputShape.IsFeatureMap)
        {
            throw new ArgumentException($"Flatten takes a feature map [C,H,W]; got {inputShape}.", nameof(inputShape));
        }

        return TensorShape.Vector(inputShape.ElementCount);
    }
}
