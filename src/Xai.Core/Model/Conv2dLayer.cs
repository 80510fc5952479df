using System.Collections.Immutable;

namespace Xai.Model;

/// <summary>
/// 2-D convolution (cross-correlation, as PyTorch and ONNX) with a square odd kernel, a stride
/// (the same along both axes) and zero padding on each side (ONNX's pads), dense or depthwise (ONNX
/// group = channels: output channel c convolves input channel c only). Weights are
/// <c>[Cout,Cin,K,K]</c> (depthwise <c>[C,1,K,K]</c>) row-major float32. Output size
/// <c>floor((in + pads - K) / stride) + 1</c>.
/// </summary>
public sealed class Conv2dLayer : Layer
{
    /// <summary>Stride 1, <paramref name="padding"/> zeros on every side.</summary>
    public Conv2dLayer(
        string name,
        TensorShape inputShape,
        int outChannels,
        int kernelSize,
        int padding,
        ReadOnlySpan<float> weights,
        ReadOnlySpan<float> bias)
        : this(name, inputShape, outChannels, kernelSize, ConvolutionPadding.Uniform(padding), 1, weights, bias)
    {
    }

    public Conv2dLayer(
        string name,
        TensorShape inputShape,
        int outChannels,
        int kernelSize,
        ConvolutionPadding pads,
        int stride,
        ReadOnlySpan<float> weights,
        ReadOnlySpan<float> bias,
        bool depthwise = false)
        : base(name, inputShape, OutputFor(inputShape, outChannels, kernelSize, pads, stride))
    {
        InChannels = inputShape.Channels;
        OutChannels = outChannels;
        KernelSize = kernelSize;
        Pads = pads;
        Stride = stride;
        Depthwise = depthwise;
        if (depthwise && outChannels != InChannels)
        {
            throw new ArgumentException($"A depthwise convolution keeps the channel count; {InChannels} in, {outChannels} out.", nameof(outChannels));
        }

        long expected = (long)outChannels * WeightsPerOutputChannel;
        if (weights.Length != expected)
        {
            throw new ArgumentException(
                depthwise
                    ? $"Weights must hold C*K*K = {outChannels}*{kernelSize}*{kernelSize} = {expected} values (depthwise); got {weights.Length}."
                    : $"Weights must hold Cout*Cin*K*K = {outChannels}*{InChannels}*{kernelSize}*{kernelSize} = {expected} values; got {weights.Length}.",
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

    /// <summary>Zeros added on each side.</summary>
    public ConvolutionPadding Pads { get; }

    /// <summary>The padding when every side has the same; else an error (use <see cref="Pads"/>).</summary>
    public int Padding => Pads.IsUniform ? Pads.Top : throw new InvalidOperationException($"Convolution '{Name}' pads its sides differently ({Pads}); read Pads.");

    /// <summary>Step of the kernel along rows and columns.</summary>
    public int Stride { get; }

    /// <summary>Output channel c convolves input channel c only (ONNX group = channels).</summary>
    public bool Depthwise { get; }

    /// <summary>Weights (and MACs per output value): Cin*K*K, or K*K when depthwise.</summary>
    public int WeightsPerOutputChannel => (Depthwise ? 1 : InChannels) * KernelSize * KernelSize;

    /// <summary>Whether this is the 'same' convolution: stride 1 and (K-1)/2 zeros on every side.</summary>
    public bool IsSame => Stride == 1 && Pads == ConvolutionPadding.Uniform((KernelSize - 1) / 2);

    /// <summary><c>[Cout,Cin,K,K]</c> row-major.</summary>
    public ImmutableArray<float> Weights { get; }

    /// <summary><c>[Cout]</c>.</summary>
    public ImmutableArray<float> Bias { get; }

    public override long ParameterCount => (long)Weights.Length + Bias.Length;

    /// <summary>The weight at output channel <paramref name="co"/>, input channel <paramref name="ci"/>, kernel row <paramref name="ky"/>, column <paramref name="kx"/> (0 off the diagonal when depthwise).</summary>
    public float Weight(int co, int ci, int ky, int kx) =>
        !Depthwise ? Weights[(((co * InChannels) + ci) * KernelSize + ky) * KernelSize + kx]
        : co == ci ? Weights[((co * KernelSize) + ky) * KernelSize + kx] : 0f;

    private static TensorShape OutputFor(TensorShape inputShape, int outChannels, int kernelSize, ConvolutionPadding pads, int stride)
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

        if (pads.Top < 0 || pads.Left < 0 || pads.Bottom < 0 || pads.Right < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(pads), pads, "Padding must not be negative.");
        }

        if (stride <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(stride), stride, "The stride must be positive.");
        }

        int paddedHeight = inputShape.Height + pads.Top + pads.Bottom, paddedWidth = inputShape.Width + pads.Left + pads.Right;
        if (paddedHeight < kernelSize || paddedWidth < kernelSize)
        {
            throw new ArgumentException(
                $"A {kernelSize}x{kernelSize} kernel with padding {pads} does not fit in {inputShape}.", nameof(kernelSize));
        }

        int height = (paddedHeight - kernelSize) / stride + 1;
        int width = (paddedWidth - kernelSize) / stride + 1;

        return TensorShape.FeatureMap(outChannels, height, width);
    }
}
