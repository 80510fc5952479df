using Xai.Diagnostics;
using Xai.Model;

namespace Xai.Planning;

/// <summary>
/// Groups a network's layers into hls-lib block calls: <c>Conv [ResidualAdd] [Relu|Relu6] [MaxPool]</c> (the
/// join and the 2×2 pool only after a stride-1 'same' convolution, not both), <c>[Flatten] Dense [Relu|Relu6]</c>, and
/// a max pool the store cannot fuse (3×3, padded, or after any other block) alone, on the pool unit.
/// A block reads one tensor (the previous block's output, or an earlier one where a residual skip forks),
/// and a join adds one more; both must be a block's output or the image, not a value fused inside a block.
/// Anything else has no block to run on and is refused with the layer named (XAI3001); so is a network
/// whose last layer is not a dense layer (XAI3002). The residual gradients must fit the engines (<see cref="BackwardWrites"/>).
/// </summary>
public static class HardwareLayerMapper
{
    public static IReadOnlyList<HardwareLayer> Map(Network network, string modelFile)
    {
        var result = new List<HardwareLayer>();
        var layers = network.Layers;
        var sources = network.Sources;
        // Model boundary (0 image, i + 1 model layer i's output) -> block boundary, for the boundaries blocks end at.
        var boundaryOf = new Dictionary<int, int> { [0] = 0 };
        XaiException NoBlock(string message) => new(DiagnosticCatalog.NoHardwareBlock, message, modelFile);
        string Named(Layer l) => $"{l.GetType().Name.Replace("Layer", "")} '{l.Name}'";
        int BlockBoundary(int modelBoundary, Layer reader, string what) => boundaryOf.TryGetValue(modelBoundary, out var b)
            ? b
            : throw NoBlock($"{Named(reader)} {what} the output of {Named(layers[modelBoundary - 1])}, which the hardware fuses into a block with the layers after it (it is never stored): only a block's output (a convolution after its ReLU and pool, a dense layer after its ReLU) or the image can be read twice.");
        // Whether model layer j continues the block before it: it reads the previous layer's output.
        bool Next<T>(int j) where T : Layer => j < layers.Length && layers[j] is T && sources[j] == j;

        var i = 0;
        while (i < layers.Length)
        {
            var input = BlockBoundary(sources[i], layers[i], "reads");
            HardwareLayer block;
            switch (layers[i])
            {
                case Conv2dLayer conv:
                {
                    i++;
                    int? residual = null;
                    if (Next<ResidualAddLayer>(i))
                    {
                        var add = (ResidualAddLayer)layers[i];
                        residual = BlockBoundary(add.SkipFrom, add, "adds");
                        if (!conv.IsSame)
                        {
                            throw NoBlock($"Residual join {Named(add)} after Conv '{conv.Name}' (stride {conv.Stride}, pads {conv.Pads}) has no hardware block: the engine fuses a join into a stride-1 convolution with (K-1)/2 zeros on every side. Give the other operand the stride.");
                        }

                        i++;
                    }

                    var relu6 = Next<Relu6Layer>(i);
                    var relu = relu6 || Next<ReluLayer>(i);
                    if (relu)
                    {
                        i++;
                    }

                    // The store fuses a 2x2 pool without padding into a stride-1 'same' convolution without a join;
                    // any other pool is a block of its own on the pool unit (the next iteration).
                    var pool = Next<MaxPool2dLayer>(i) && ((MaxPool2dLayer)layers[i]).IsFusable && conv.IsSame && residual is null;
                    TensorShape output = conv.OutputShape;
                    if (pool)
                    {
                        output = layers[i].OutputShape;
                        i++;
                    }

                    block = new ConvBlockLayer($"conv{result.Count + 1}", conv, relu, pool, output) { Relu6 = relu6, ResidualFrom = residual };
                    break;
                }

                case FlattenLayer when Next<DenseLayer>(i + 1):
                case DenseLayer:
                {
                    if (layers[i] is FlattenLayer)
                    {
                        i++;
                    }

                    var dense = (DenseLayer)layers[i];
                    i++;
                    var relu6 = Next<Relu6Layer>(i);
                    var relu = relu6 || Next<ReluLayer>(i);
                    if (relu)
                    {
                        i++;
                    }

                    block = new DenseBlockLayer($"fc{result.Count + 1}", dense, relu, TensorShape.Vector(dense.InFeatures)) { Relu6 = relu6 };
                    break;
                }

                case MaxPool2dLayer maxPool:
                {
                    i++;
                    block = new PoolBlockLayer($"pool{result.Count + 1}", maxPool);
                    break;
                }

                default:
                {
                    var layer = layers[i];
                    var before = sources[i] == 0 ? "the input" : Named(layers[sources[i] - 1]);
                    throw NoBlock(
                        $"Layer {Named(layer)} after {before} has no hardware block: supported sequences are Conv [residual Add] [Relu or ReLU6] [MaxPool], [Flatten] Gemm/MatMul [Relu], and MaxPool alone" +
                            (layer is Relu6Layer ? " (ReLU6 is fused into the convolution or dense layer before it)." : layer is ResidualAddLayer ? " (a residual join follows the convolution directly, before its ReLU)." : "."));
                }
            }

            result.Add(block with { InputFrom = input == result.Count ? null : input });
            boundaryOf[i] = result.Count;
        }

        if (result.Count == 0 || result[^1] is not DenseBlockLayer || result[^1].Relu)
        {
            throw new XaiException(DiagnosticCatalog.NoLogitsLayer, "The network must end in a dense layer without ReLU that produces the class scores (logits).", modelFile);
        }

        BackwardWrites.Of(result, modelFile);
        return result;
    }
}
