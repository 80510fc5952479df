namespace Xai.Core.Tests.CodeGeneration;

/// <summary>
/// The real stages on hls-lib's `dw` reference network (input [3,12,10], 5 classes): depthwise 3x3
/// convolutions (stride 2 and 1), each followed by a pointwise 1x1, a max-pool after the last.
/// </summary>
public sealed class DepthwiseNetworkBuild : OddNetworkBuild
{
    public DepthwiseNetworkBuild()
        : base("dw", 10, 12)
    {
    }
}
