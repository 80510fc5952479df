using Xai.Model;

namespace Xai.FpgaLatency;

/// <summary>
/// The points of a convolution's 'same' output (stride 1, (K-1)/2 zeros each side) that the layer
/// keeps (hls-lib <c>layer_desc.h</c>): rows <c>SkipTop + Stride * oy</c>, columns
/// <c>SkipLeft + Stride * ox</c>, the skips being (K-1)/2 minus the layer's padding on each side.
/// </summary>
public sealed record ConvGrid(int Stride, int SkipTop, int SkipLeft, int SkipBottom, int SkipRight)
{
    public static readonly ConvGrid Identity = new(1, 0, 0, 0, 0);

    public static ConvGrid Of(Conv2dLayer conv)
    {
        int same = (conv.KernelSize - 1) / 2;
        return new ConvGrid(conv.Stride, same - conv.Pads.Top, same - conv.Pads.Left, same - conv.Pads.Bottom, same - conv.Pads.Right);
    }

    public bool IsIdentity => this == Identity;

    /// <summary>Points along an axis of <paramref name="size"/> 'same' points.</summary>
    public int Points(int size, int skipStart, int skipEnd) => PerStride(size - skipStart - skipEnd - 1) + 1;

    /// <summary>Index of the first grid point at a 'same' coordinate at or after <paramref name="a"/> (conv_engine.h grid_first).</summary>
    public int First(int a, int skip) => a <= skip ? 0 : PerStride(a - skip + Stride - 1);

    private int PerStride(int v) => Stride == 2 ? v >> 1 : v;
}
