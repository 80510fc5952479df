using System.Collections.Immutable;

namespace Xai.Model;

/// <summary>
/// Fully connected layer y = W·x + b on a vector, as PyTorch's <c>nn.Linear</c>: weights are
/// <c>[out,in]</c> row-major float32.
/// </summary>
public sealed class DenseLayer : Layer
{
    public DenseLayer(string name, TensorShape inputShape, int outFeatures, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias)
        : base(name, inputShape, OutputFor(inputShape, outFeatures))
    {
        InFeatures = inputShape.ElementCount;
        OutFeatures = outFeatures;

        long expected = (long)outFeatures * InFeatures;
        if (weights.Length != expected)
        {
            throw new ArgumentException(
                $"Weights must hold out*in = {outFeatures}*{InFeatures} = {expected} values; got {weights.Length}.", nameof(weights));
        }

        if (bias.Length != outFeatures)
        {
            throw new ArgumentException($"Bias must hold out = {outFeatures} values; got {bias.Length}.", nameof(bias));
        }

        Weights = ImmutableArray.Create(weights);
        Bias = ImmutableArray.Create(bias);
    }

    public int InFeatures { get; }

    public int OutFeatures { get; }

    /// <summary><c>[out,in]</c> row-major.</summary>
    public ImmutableArray<float> Weights { get; }

    /// <summary><c>[out]</c>.</summary>
    public ImmutableArray<float> Bias { get; }

    public override long ParameterCount => (long)Weights.Length + Bias.Length;

    /// <summary>The weight from input <paramref name="i"/> to output <paramref name="o"/>.</summary>
    public float Weight(int o, int i) => Weights[o * InFeatures + i];

    private static TensorShape OutputFor(TensorShape inputShape, int outFeatures)
    {
        ArgumentNullException.ThrowIfNull(inputShape);
        if (!inputShape.IsVector)
        {
            throw new ArgumentException($"A dense layer takes a vector [N]; got {inputShape}. Flatten first.", nameof(inputShape));
        }

        if (outFeatures <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(outFeatures), outFeatures, "Output features must be positive.");
        }

        return TensorShape.Vector(outFeatures);
    }
}
