namespace Xai.Core.Tests.CodeGeneration;

/// <summary>
/// The real stages on the torch export tiny_mean.onnx (tests' Data: conv3x3 3->5 ReLU on [3,5,6],
/// x.mean((2, 3)), Linear 5->4): the mean over the map reaches the hardware as the dense layer it is
/// folded into, over the 5 x 5 x 6 flattened map.
/// </summary>
public sealed class AveragePoolNetworkBuild : OddNetworkBuild
{
    public AveragePoolNetworkBuild()
        : base(new FileInfo(Path.Combine(AppContext.BaseDirectory, "Data", "tiny_mean.onnx")), 6, 5, editModel: null)
    {
    }
}
