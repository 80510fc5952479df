using Xai.Planning;

namespace Xai.CodeGeneration;

/// <summary>
/// The flat weight image: each block's weights, then its biases, blocks in network order (the
/// offsets in xai_network.h). <see cref="Float"/> keeps PyTorch order (weights.f32, which the
/// plan reloads and the C simulation reads); <see cref="EngineOrder"/> is what the accelerator
/// reads from DRAM, dense weights moved into the engine's blocks (<see cref="DenseWeightOrder"/>).
/// </summary>
public static class WeightImage
{
    public static float[] Float(IReadOnlyList<HardwareLayer> layers)
    {
        var image = new List<float>();
        foreach (var layer in layers)
        {
            switch (layer)
            {
                case ConvBlockLayer c:
                    image.AddRange(c.Conv.Weights);
                    image.AddRange(c.Conv.Bias);
                    break;
                case DenseBlockLayer d:
                    image.AddRange(d.Dense.Weights);
                    image.AddRange(d.Dense.Bias);
                    break;
            }
        }

        return image.ToArray();
    }

    /// <summary>The image in the engines' order: as <see cref="Float"/>, each dense layer's weights in tile x tile blocks.</summary>
    public static float[] EngineOrder(IReadOnlyList<HardwareLayer> layers, int fcTile)
    {
        var image = Float(layers);
        var engine = (float[])image.Clone();
        var at = 0;
        foreach (var layer in layers)
        {
            switch (layer)
            {
                case ConvBlockLayer c:
                    at += c.Conv.Weights.Length + c.Conv.Bias.Length;
                    break;
                case DenseBlockLayer d:
                    int nOut = d.Dense.OutFeatures, nIn = d.Dense.InFeatures;
                    for (var o = 0; o < nOut; o++)
                    {
                        for (var i = 0; i < nIn; i++)
                        {
                            engine[at + DenseWeightOrder.Offset(o, i, nOut, nIn, fcTile)] = image[at + o * nIn + i];
                        }
                    }

                    at += d.Dense.Weights.Length + d.Dense.Bias.Length;
                    break;
            }
        }

        return engine;
    }

    /// <summary>
    /// The 16-bit DRAM image of <paramref name="numerics"/>, little-endian two's complement: layer l's
    /// block (<paramref name="layers"/>' order; a permutation within a block, as <see cref="EngineOrder"/>,
    /// changes nothing) stored as true × 2^W_l in the weight format, as xai_csim converts it.
    /// </summary>
    public static byte[] Quantized(float[] weights, IReadOnlyList<HardwareLayer> layers, NumericsPlan numerics)
    {
        var format = numerics.Weight;
        if (format.Width != 16)
        {
            throw new ArgumentException($"The DRAM weight image is 16-bit; got {format}.");
        }

        var bytes = new byte[weights.Length * 2];
        var at = 0;
        for (var l = 0; l < layers.Count; l++)
        {
            var scale = Math.Pow(2, numerics.WeightExponents[l]);
            var end = at + ParameterCount(layers[l]);
            for (var i = at; i < end; i++)
            {
                System.Buffers.Binary.BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(i * 2), (short)format.QuantizeToRaw(weights[i] * scale));
            }

            at = end;
        }

        if (at != weights.Length)
        {
            throw new ArgumentException($"The layers hold {at} parameters; the image has {weights.Length}.", nameof(weights));
        }

        return bytes;
    }

    private static int ParameterCount(HardwareLayer layer) => layer switch
    {
        ConvBlockLayer c => c.Conv.Weights.Length + c.Conv.Bias.Length,
        DenseBlockLayer d => d.Dense.Weights.Length + d.Dense.Bias.Length,
        _ => 0,
    };
}
