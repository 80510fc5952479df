namespace Xai.Reporting.Model;

/// <summary>One hardware block of the plan.</summary>
public sealed record PlanLayer
{
    public required string Name { get; init; }

    /// <summary><c>conv</c>, <c>dense</c>, or <c>pool</c> (a max pool on the pool unit).</summary>
    public required string Kind { get; init; }

    public required List<int> Input { get; init; }

    public required List<int> Output { get; init; }

    public required bool Relu { get; init; }

    /// <summary>A 2×2 max pool fused into the convolution's store (a pool block is <c>Kind</c> pool instead).</summary>
    public required bool Pool { get; init; }

    /// <summary>The ReLU clips at 6 as well (ReLU6).</summary>
    public required bool Relu6 { get; init; }

    /// <summary>The boundary the block reads where a residual skip forks (0 the image, k + 1 block k's output); null: the previous block's output.</summary>
    public required int? InputFrom { get; init; }

    /// <summary>The boundary a residual join adds before the ReLU (conv blocks); null: no join.</summary>
    public required int? ResidualFrom { get; init; }

    /// <summary>Kernel size of a conv or pool block; null for dense.</summary>
    public required int? Kernel { get; init; }

    public required long Parameters { get; init; }

    public required long ForwardMacs { get; init; }

    /// <summary>Largest |activation| seen in calibration; null without calibration.</summary>
    public required double? ActivationMax { get; init; }
}
