using Xai.Diagnostics;
using Xai.Model;

namespace Xai.Planning;

/// <summary>
/// Groups a network's layers into hls-lib block calls: <c>Conv [Relu|Relu6] [MaxPool]</c> (the pool only after
/// a stride-1 'same' convolution) and
/// <c>[Flatten] Dense [Relu]</c>. Anything else has no block to run on and is refused with
/// the layer named (XAI3001); so is a network whose last layer is not a dense layer (XAI3002).
/// </summary>
public static class HardwareLayerMapper
{
    public static IReadOnlyList<HardwareLayer> Map(Network network, string modelFile)
    {
        var result = new List<HardwareLayer>();
        var layers = network.Layers;
        var i = 0;
        while (i < layers.Length)
        {
            switch (layers[i])
            {
                case Conv2dLayer conv:
                {
                    i++;
                    var relu6 = i < layers.Length && layers[i] is Relu6Layer;
                    var relu = relu6 || (i < layers.Length && layers[i] is ReluLayer);
                    if (relu)
                    {
                        i++;
                    }

                    var pool = i < layers.Length && layers[i] is MaxPool2dLayer;
                    if (pool && !conv.IsSame)
                    {
                        throw new XaiException(
                            DiagnosticCatalog.NoHardwareBlock,
                            $"MaxPool '{layers[i].Name}' after Conv '{conv.Name}' (stride {conv.Stride}, pads {conv.Pads}) has no hardware block: the engine fuses a max-pool only into a stride-1 convolution with (K-1)/2 zeros on every side. Use a stride-2 convolution instead of the pool, or 'same' padding before it.",
                            modelFile);
                    }

                    TensorShape output = conv.OutputShape;
                    if (pool)
                    {
                        output = layers[i].OutputShape;
                        i++;
                    }

                    result.Add(new ConvBlockLayer($"conv{result.Count + 1}", conv, relu, pool, output) { Relu6 = relu6 });
                    break;
                }

                case FlattenLayer when i + 1 < layers.Length && layers[i + 1] is DenseLayer:
                    i++;
                    break;
                case DenseLayer dense:
                {
                    i++;
                    var relu = i < layers.Length && layers[i] is ReluLayer;
                    if (relu)
                    {
                        i++;
                    }

                    result.Add(new DenseBlockLayer($"fc{result.Count + 1}", dense, relu, TensorShape.Vector(dense.InFeatures)));
                    break;
                }

                default:
                {
                    var layer = layers[i];
                    var before = i == 0 ? "the input" : $"{layers[i - 1].GetType().Name.Replace("Layer", "")} '{layers[i - 1].Name}'";
                    throw new XaiException(
                        DiagnosticCatalog.NoHardwareBlock,
                        $"Layer {layer.GetType().Name.Replace("Layer", "")} '{layer.Name}' after {before} has no hardware block: supported sequences are Conv [Relu or ReLU6] [MaxPool] and [Flatten] Gemm/MatMul [Relu]" +
                            (layer is Relu6Layer ? " (ReLU6 is fused into the convolution before it; a dense layer's ReLU6 is not implemented)." : "."),
                        modelFile);
                }
            }
        }

        if (result.Count == 0 || result[^1] is not DenseBlockLayer || result[^1].Relu)
        {
            throw new XaiException(DiagnosticCatalog.NoLogitsLayer, "The network must end in a dense layer without ReLU that produces the class scores (logits).", modelFile);
        }

        return result;
    }
}
