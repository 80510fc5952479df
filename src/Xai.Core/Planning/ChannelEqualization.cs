using Xai.Model;

namespace Xai.Planning;

/// <summary>
/// Cross-layer equalization of weight ranges (Nagel et al., "Data-Free Quantization Through Weight
/// Equalization and Bias Absorption", ICCV 2019) with power-of-two scales: for a layer followed by
/// another that reads its output, output channel c of the first (weights and bias) is multiplied by
/// 2^-k_c and the second's weights on input channel c by 2^k_c. ReLU and max-pool commute with a
/// positive scale (ReLU6 does not: a layer that clips keeps its weights), so the network computes the same function, and in float32 the same bits (a power
/// of two scales exactly); its gradient is the same, and so is every method's ReLU rule (the scale
/// changes no sign). Why: folding batch norm into a depthwise convolution turns a channel whose input
/// is (almost) always zero into weights of 100 and more beside others of 1 (the DS-CNN sample has two),
/// and the layer's one weight exponent then leaves the others a few bits; equalized, each channel's
/// range meets the next layer's, and both layers keep most of their 16 bits.
/// </summary>
public static class ChannelEqualization
{
    /// <summary>Passes over the chain: each pair's scales change its neighbours' ranges; three settle the sample networks.</summary>
    private const int Passes = 3;

    /// <summary>The layers with every pair equalized, and the number of channels whose scale changed.</summary>
    public static (IReadOnlyList<HardwareLayer> Layers, int ScaledChannels) Apply(IReadOnlyList<HardwareLayer> layers)
    {
        var result = layers.ToArray();
        var scaled = new HashSet<(int Layer, int Channel)>();
        for (var pass = 0; pass < Passes; pass++)
        {
            for (var i = 0; i + 1 < result.Length; i++)
            {
                if (result[i].Relu6)
                {
                    continue; // a clip at 6 does not commute with a scale
                }

                if (result[i] is PoolBlockLayer || result[i + 1] is PoolBlockLayer)
                {
                    continue; // the pool unit has no weights; pairs across it (a max commutes with the scale) are not formed
                }

                if (!OnlyReader(result, i))
                {
                    continue; // a scaled channel must reach one reader only, and a join's output is not its convolution's alone
                }

                var first = Parameters.Of(result[i]);
                var second = Parameters.Of(result[i + 1]);
                var changed = false;
                for (var c = 0; c < first.Outputs; c++)
                {
                    var r1 = first.OutputRange(c);
                    var r2 = second.InputRange(c, first.Outputs);
                    if (!(r1 > 0) || !(r2 > 0))
                    {
                        continue; // a channel without weights on one side has nothing to balance
                    }

                    // Both ranges become sqrt(r1 * r2): scale the first by 2^-k, the second by 2^k.
                    var k = (int)Math.Round(0.5 * Math.Log2(r1 / r2));
                    if (k == 0)
                    {
                        continue;
                    }

                    first.ScaleOutput(c, Math.Pow(2, -k));
                    second.ScaleInput(c, first.Outputs, Math.Pow(2, k));
                    scaled.Add((i, c));
                    changed = true;
                }

                if (changed)
                {
                    result[i] = first.Build();
                    result[i + 1] = second.Build();
                }
            }
        }

        return (result, scaled.Count);
    }

    /// <summary>
    /// Whether block <paramref name="i"/> + 1 is the only reader of block <paramref name="i"/>'s output, which is
    /// the convolution's alone: not a residual join (the skip is added after its convolution), not a fork, not a skip.
    /// </summary>
    private static bool OnlyReader(IReadOnlyList<HardwareLayer> layers, int i)
    {
        var boundary = i + 1;
        return layers[i] is not ConvBlockLayer { ResidualFrom: not null }
            && HardwareLayer.SourceOf(layers, i + 1) == boundary
            && !layers.Where((l, k) => k != i + 1 && HardwareLayer.SourceOf(layers, k) == boundary).Any()
            && !layers.Any(l => l is ConvBlockLayer { ResidualFrom: int skip } && skip == boundary);
    }

    /// <summary>A layer's weights and biases, mutable, with the index arithmetic of its kind.</summary>
    private sealed class Parameters
    {
        private readonly HardwareLayer _layer;
        private readonly float[] _weights;
        private readonly float[] _bias;

        private Parameters(HardwareLayer layer, float[] weights, float[] bias)
        {
            _layer = layer;
            _weights = weights;
            _bias = bias;
        }

        public int Outputs => _bias.Length;

        public static Parameters Of(HardwareLayer layer) => layer switch
        {
            ConvBlockLayer c => new Parameters(layer, [.. c.Conv.Weights], [.. c.Conv.Bias]),
            DenseBlockLayer d => new Parameters(layer, [.. d.Dense.Weights], [.. d.Dense.Bias]),
            _ => throw new ArgumentException($"No parameters in {layer.GetType().Name}.", nameof(layer)),
        };

        /// <summary>Largest magnitude of output channel (or row) c's weights and bias.</summary>
        public double OutputRange(int c)
        {
            var (start, count) = OutputSpan(c);
            return Math.Max(MaxAbs(_weights.AsSpan(start, count)), Math.Abs(_bias[c]));
        }

        public void ScaleOutput(int c, double factor)
        {
            var (start, count) = OutputSpan(c);
            Scale(_weights.AsSpan(start, count), factor);
            _bias[c] = (float)(_bias[c] * factor);
        }

        /// <summary>Largest magnitude of the weights reading input channel c of <paramref name="channels"/>.</summary>
        public double InputRange(int c, int channels)
        {
            double max = 0;
            foreach (var (start, count) in InputSpans(c, channels))
            {
                max = Math.Max(max, MaxAbs(_weights.AsSpan(start, count)));
            }

            return max;
        }

        public void ScaleInput(int c, int channels, double factor)
        {
            foreach (var (start, count) in InputSpans(c, channels))
            {
                Scale(_weights.AsSpan(start, count), factor);
            }
        }

        public HardwareLayer Build() => _layer switch
        {
            ConvBlockLayer c => c with
            {
                Conv = new Conv2dLayer(c.Conv.Name, c.Conv.InputShape, c.Conv.OutChannels, c.Conv.KernelSize, c.Conv.Pads, c.Conv.Stride, _weights, _bias, c.Conv.Depthwise),
            },
            DenseBlockLayer d => d with { Dense = new DenseLayer(d.Dense.Name, d.Dense.InputShape, d.Dense.OutFeatures, _weights, _bias) },
            _ => throw new InvalidOperationException(),
        };

        private (int Start, int Count) OutputSpan(int c) => _layer switch
        {
            ConvBlockLayer l => (c * l.Conv.WeightsPerOutputChannel, l.Conv.WeightsPerOutputChannel),
            DenseBlockLayer l => (c * l.Dense.InFeatures, l.Dense.InFeatures),
            _ => throw new InvalidOperationException(),
        };

        /// <summary>The runs of weights that multiply input channel c (a conv's [Cout,Cin,K,K]; a dense layer's columns of channel c's cells).</summary>
        private IEnumerable<(int Start, int Count)> InputSpans(int c, int channels)
        {
            switch (_layer)
            {
                case ConvBlockLayer { Conv.Depthwise: true } l:
                    yield return (c * l.Conv.KernelSize * l.Conv.KernelSize, l.Conv.KernelSize * l.Conv.KernelSize);
                    break;
                case ConvBlockLayer l:
                    var kk = l.Conv.KernelSize * l.Conv.KernelSize;
                    for (var o = 0; o < l.Conv.OutChannels; o++)
                    {
                        yield return ((o * l.Conv.InChannels + c) * kk, kk);
                    }

                    break;
                case DenseBlockLayer l:
                    // The flattened [C,H,W] map (or a vector: one cell per channel).
                    var cells = l.Dense.InFeatures / channels;
                    for (var o = 0; o < l.Dense.OutFeatures; o++)
                    {
                        yield return (o * l.Dense.InFeatures + c * cells, cells);
                    }

                    break;
            }
        }

        private static double MaxAbs(ReadOnlySpan<float> values)
        {
            double max = 0;
            foreach (var v in values)
            {
                max = Math.Max(max, Math.Abs(v));
            }

            return max;
        }

        private static void Scale(Span<float> values, double factor)
        {
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = (float)(values[i] * factor);
            }
        }
    }
}
