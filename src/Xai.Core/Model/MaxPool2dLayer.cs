namespace Xai.Model;

/// <summary>
/// Max-pooling over 2×2 windows with stride 2 and no padding, the only pooling the hardware block
/// implements. Height and width must be even so that every input takes part in exactly one window.
/// </summary>
public sealed class MaxPool2dLayer : Layer
{
    public MaxPool2dLayer(string name, TensorShape inputShape)
        : base(name, inputShape, OutputFor(inputShape))
    {
    }

    public int KernelSize => 2;

    public int Stride => 2;

    public override long ParameterCount => 0;

    private static TensorShape OutputFor(TensorShape inputShape)
    {
        ArgumentNullException.ThrowIfNull(inputShape);
        if (!inputShape.IsFeatureMap || inputShape.Height % 2 != 0 || inputShape.Width % 2 != 0)
        {
            throw new ArgumentException($"2x2 max-pooling takes a feature map [C,H,W] with even H and W; got {inputShape}.", nameof(inputShape));
        }

        return TensorShape.FeatureMap(inputShape.Channels, inputShape.Height / 2, inputShape.Width / 2);
    }
}
