namespace Xai.Reporting.Model;

/// <summary>The formats of one instantiation (C++ types as written in the generated code) and the per-boundary exponents.</summary>
public sealed record FormatProfile
{
    public required string Activation { get; init; }

    public required string Weight { get; init; }

    public required string Accumulator { get; init; }

    public required string Gradient { get; init; }

    public required string GradientAccumulator { get; init; }

    /// <summary>Per gradient boundary, E_b: stored gradient = true gradient × 2^E_b.</summary>
    public required List<int> GradientExponents { get; init; }

    /// <summary>Per activation boundary (0 = input, last = logits), A_b: stored activation = true activation × 2^A_b.</summary>
    public required List<int> ActivationExponents { get; init; }

    /// <summary>Per layer, W_l: its stored weights and biases = true × 2^W_l.</summary>
    public required List<int> WeightExponents { get; init; }
}
