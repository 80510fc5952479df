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
    /// <param name="equalize">Equalize the weight ranges (false: the model's own weights, as a paper-faithful build keeps them).</param>
    public static LoadedModel Load(string path, bool equalize = true)
    {
        var network = new OnnxModelImporter().Import(path);
        var mapped = HardwareLayerMapper.Map(network, path);
        var (layers, equalized) = equalize ? ChannelEqualization.Apply(mapped) : (mapped, 0);
        return new LoadedModel(path, network, layers, equalized);
    }
}
