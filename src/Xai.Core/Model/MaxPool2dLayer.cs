namespace Xai.Model;

/// <summary>
/// Max-pooling over 2×2 windows with stride 2 and no padding, the only pooling the hardware block
/// implements. Output size is rounded down as in PyTorch's default (floor mode): of an odd height or
/// width the last row or column takes part in no window.
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
        if (!inputShape.IsFeatureMap || inputShape.Height < 2 || inputShape.Width < 2)
        {
            throw new ArgumentException($"2x2 max-pooling takes a feature map [C,H,W] with H and W at least 2; got {inputShape}.", nameof(inputShape));
        }

        return TensorShape.FeatureMap(inputShape.Channels, inputShape.Height / 2, inputShape.Width / 2);
    }
}
