using Xai.Model;

namespace Xai.Planning;

/// <summary>
/// One call of an hls-lib block: the network's layers grouped the way the hardware fuses them
/// (paper Sec. III-D: ReLU in place on the output buffer, max-pool absorbed into the store).
/// </summary>
public abstract record HardwareLayer(string Name, TensorShape InputShape, TensorShape OutputShape, bool Relu)
{
    /// <summary>
    /// The boundary the block reads when it is not the previous block's output (a residual skip forks
    /// there): 0 the image, k + 1 block k's output. Null: the previous block's output (a chain).
    /// </summary>
    public int? InputFrom { get; init; }

    /// <summary>The ReLU is a ReLU6 (clips at 6 too; <c>Relu</c> is then true as well): convolution and dense blocks.</summary>
    public bool Relu6 { get; init; }

    /// <summary>Multiply-accumulates of the forward pass.</summary>
    public abstract long ForwardMacs { get; }

    public abstract long ParameterCount { get; }

    /// <summary>The boundary block <paramref name="index"/> of <paramref name="layers"/> reads.</summary>
    public static int SourceOf(IReadOnlyList<HardwareLayer> layers, int index) => layers[index].InputFrom ?? index;
}

/// <summary>ConvolutionBlock call: convolution, then optional residual join, then optional ReLU (or ReLU6), then optional 2×2/2 max-pool.</summary>
public sealed record ConvBlockLayer(string Name, Conv2dLayer Conv, bool Relu, bool Pool, TensorShape OutputShape)
    : HardwareLayer(Name, Conv.InputShape, OutputShape, Relu)
{
    /// <summary>
    /// The residual join fused into the store: the boundary whose tensor (the skip) is added to the
    /// convolution's output before the ReLU (0 the image, k + 1 block k's output). Null: no join.
    /// </summary>
    public int? ResidualFrom { get; init; }

    public override long ForwardMacs => (long)Conv.OutChannels * Conv.WeightsPerOutputChannel * Conv.OutputShape.Height * Conv.OutputShape.Width;

    public override long ParameterCount => Conv.ParameterCount;
}

/// <summary>Vector-matrix block call: a dense layer (the flatten before it is free), then optional ReLU (or ReLU6).</summary>
public sealed record DenseBlockLayer(string Name, DenseLayer Dense, bool Relu, TensorShape FlatInputShape)
    : HardwareLayer(Name, FlatInputShape, Dense.OutputShape, Relu)
{
    public override long ForwardMacs => (long)Dense.InFeatures * Dense.OutFeatures;

    public override long ParameterCount => Dense.ParameterCount;
}

/// <summary>
/// Pool-unit call (hls-lib pool_unit.h): a max pool the convolution store cannot fuse (3×3, padded, or
/// after a strided convolution or a join), alone. No parameters, no multiplies, no ReLU of its own.
/// </summary>
public sealed record PoolBlockLayer(string Name, MaxPool2dLayer Pool)
    : HardwareLayer(Name, Pool.InputShape, Pool.OutputShape, false)
{
    public override long ForwardMacs => 0;

    public override long ParameterCount => 0;
}
