namespace Xai.Model;

/// <summary>
/// Max-pooling with stride 2 over square windows of 2 or 3, with padding that never wins (PyTorch's
/// -inf): the 2×2 pool without padding (fused into the convolution before it) and ResNet's stem pool
/// (3×3, padding 1, run on the pool unit). Output size is rounded down as in PyTorch's default (floor
/// mode): of an odd 2×2-pooled height or width the last row or column takes part in no window.
/// </summary>
public sealed class MaxPool2dLayer : Layer
{
    public MaxPool2dLayer(string name, TensorShape inputShape)
        : this(name, inputShape, 2, default)
    {
    }

    public MaxPool2dLayer(string name, TensorShape inputShape, int kernelSize, ConvolutionPadding pads)
        : base(name, inputShape, OutputFor(inputShape, kernelSize, pads))
    {
        KernelSize = kernelSize;
        Pads = pads;
    }

    public int KernelSize { get; }

    public int Stride => 2;

    /// <summary>Rows and columns of padding on each side (ONNX's pads); each at most <c>KernelSize / 2</c>.</summary>
    public ConvolutionPadding Pads { get; }

    /// <summary>The 2×2 pool without padding, which a stride-1 'same' convolution's store fuses.</summary>
    public bool IsFusable => KernelSize == 2 && Pads == default;

    public override long ParameterCount => 0;

    private static TensorShape OutputFor(TensorShape inputShape, int kernel, ConvolutionPadding pads)
    {
        ArgumentNullException.ThrowIfNull(inputShape);
        if (kernel is not (2 or 3) || !pads.AtMost(kernel / 2) || pads.Top < 0 || pads.Left < 0 || pads.Bottom < 0 || pads.Right < 0)
        {
            throw new ArgumentException($"max-pooling with stride 2 takes a kernel of 2 or 3 and pads of 0 to kernel / 2; got kernel {kernel}, pads {pads}.", nameof(kernel));
        }

        if (!inputShape.IsFeatureMap || inputShape.Height + pads.Top + pads.Bottom < kernel || inputShape.Width + pads.Left + pads.Right < kernel)
        {
            throw new ArgumentException($"{kernel}x{kernel} max-pooling with pads {pads} takes a feature map [C,H,W] whose padded H and W are at least {kernel}; got {inputShape}.", nameof(inputShape));
        }

        return TensorShape.FeatureMap(
            inputShape.Channels,
            OutputSize(inputShape.Height, kernel, pads.Top, pads.Bottom),
            OutputSize(inputShape.Width, kernel, pads.Left, pads.Right));
    }

    /// <summary>Output rows (or columns) over <paramref name="n"/> with stride 2 and pads <paramref name="lo"/> / <paramref name="hi"/>, rounded down (hls-lib's <c>max_pool_out</c>).</summary>
    public static int OutputSize(int n, int kernel, int lo, int hi) => ((n + lo + hi - kernel) / 2) + 1;
}
