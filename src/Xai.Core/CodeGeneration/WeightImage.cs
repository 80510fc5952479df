using Xai.Planning;

namespace Xai.CodeGeneration;

/// <summary>
/// The flat weight image the accelerator reads from DRAM: each block's weights in PyTorch
/// order, then its biases, blocks in network order (the offsets in xai_network.h).
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

    /// <summary>The 16-bit DRAM image in <paramref name="format"/>, little-endian two's complement.</summary>
    public static byte[] Quantized(float[] weights, NumberFormat format)
    {
        if (format.Width != 16)
        {
            throw new ArgumentException($"The DRAM weight image is 16-bit; got {format}.");
        }

        var bytes = new byte[weights.Length * 2];
        for (var i = 0; i < weights.Length; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(i * 2), (short)format.QuantizeToRaw(weights[i]));
        }

        return bytes;
    }
}
