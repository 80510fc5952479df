using System.Collections.Immutable;

namespace Xai.Model;

/// <summary>
/// 2-D convolution (cross-correlation, as PyTorch and ONNX) with a square odd kernel, stride 1 and
/// the same zero padding on every side. Weights are <c>[Cout,Cin,K,K]</c> row-major float32.
/// </summary>
public sealed class Conv2dLayer : Layer
{
    public Conv2dLayer(
        string name,
        TensorShape inputShape,
        int outChannels,
        int kernelSize,
        int padding,
        ReadOnlySpan<float> weights,
        ReadOnlySpan<float> bias)
        : base(name, inputShape, OutputFor(inputShape, outChannels, kernelSize, padding))
    {
        InChannels = inputShape.Channels;
        OutChannels = outChannels;
        KernelSize = kernelSize;
        Padding = padding;

        long expected = (long)outChannels * InChannels * kernelSize * kernelSize;
        if (weights.Length != expected)
        {
            throw new ArgumentException(
                $"Weights must hold Cout*Cin*K*K = {outChannels}*{InChannels}*{kernelSize}*{kernelSize} = {expected} values; got {weights.Length}.",
                nameof(weights));
        }

        if (bias.Length != outChannels)
        {
            throw new ArgumentException($"Bias must hold Cout = {outChannels} values; got {bias.Length}.", nameof(bias));
        }

        Weights = ImmutableArray.Create(weights);
        Bias = ImmutableArray.Create(bias);
    }

    public int InChannels { get; }

    public int OutChannels { get; }

    /// <summary>K of the K×K kernel; odd.</summary>
    public int KernelSize { get; }

    /// <summary>Zeros added on each of the four sides.</summary>
    public int Padding { get; }

    public int Stride => 1;

    /// <summary><c>[Cout,Cin,K,K]</c> row-major.</summary>
    public ImmutableArray<float> Weights { get; }

    /// <summary><c>[Cout]</c>.</summary>
    public ImmutableArray<float> Bias { get; }

    public override long ParameterCount => (long)Weights.Length + Bias.Length;

    /// <summary>The weight at output channel <paramref name="co"/>, input channel <paramref name="ci"/>, kernel row <paramref name="ky"/>, column <paramref name="kx"/>.</summary>
    public float Weight(int co, int ci, int ky, int kx) =>
        Weights[(((co * InChannels) + ci) * KernelSize + ky) * KernelSize + kx];

    private static TensorShape OutputFor(TensorShape inputShape, int outChannels, int kernelSize, int padding)
    {
        ArgumentNullException.ThrowIfNull(inputShape);
        if (!inputShape.IsFeatureMap)
        {
            throw new ArgumentException($"Convolution takes a feature map [C,H,W]; got {inputShape}.", nameof(inputShape));
        }

        if (outChannels <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(outChannels), outChannels, "Output channels must be positive.");
        }

        if (kernelSize <= 0 || kernelSize % 2 == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(kernelSize), kernelSize, "The kernel size must be odd and positive.");
        }

        if (padding < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(padding), padding, "Padding must not be negative.");
        }

        int height = inputShape.Height + 2 * padding - kernelSize + 1;
        int width = inputShape.Width + 2 * padding - kernelSize + 1;
        if (height <= 0 || width <= 0)
        {
            throw new ArgumentException(
                $"A {kernelSize}x{kernelSize} kernel with padding {padding} does not fit in {inputShape}.", nameof(kernelSize));
        }

        return TensorShape.FeatureMap(outChannels, height, width);
    }
}
