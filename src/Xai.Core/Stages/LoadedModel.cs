using Xai.Model;
using Xai.Onnx;
using Xai.Planning;

namespace Xai.Stages;

/// <summary>
/// The imported network and its mapping onto hls-lib blocks, as every stage needs them: the blocks'
/// weight ranges equalized across each pair of layers (<see cref="ChannelEqualization"/>; the same function),
/// <paramref name="EqualizedChannels"/> channels of them rescaled.
/// </summary>
public sealed record LoadedModel(string Path, Network Network, IReadOnlyList<HardwareLayer> Layers, int EqualizedChannels)
{
    public static LoadedModel Load(string path)
    {
        var network = new OnnxModelImporter().Import(path);
        var (layers, equalized) = ChannelEqualization.Apply(HardwareLayerMapper.Map(network, path));
        return new LoadedModel(path, network, layers, equalized);
    }
}
