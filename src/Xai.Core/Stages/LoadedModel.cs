using Xai.Model;
using Xai.Onnx;
using Xai.Planning;

namespace Xai.Stages;

/// <summary>The imported network and its mapping onto hls-lib blocks, as every stage needs them.</summary>
public sealed record LoadedModel(string Path, Network Network, IReadOnlyList<HardwareLayer> Layers)
{
    public static LoadedModel Load(string path)
    {
        var network = new OnnxModelImporter().Import(path);
        return new LoadedModel(path, network, HardwareLayerMapper.Map(network, path));
    }
}
