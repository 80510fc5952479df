namespace Xai.Core.Tests.CodeGeneration;

/// <summary>
/// The real stages on hls-lib's `grid` reference network (input [3,13,11], 4 classes): stride-2 3x3 and
/// 1x1 convolutions, padding on two sides only (a folded Pad), padding along rows only.
/// </summary>
public sealed class GridNetworkBuild : OddNetworkBuild
{
    public GridNetworkBuild()
        : base("grid", 11, 13)
    {
    }
}
