using System.Buffers.Binary;
using System.IO.Compression;
using Xai.Imaging;

namespace Xai.Sdk.IntegrationTests;

/// <summary>
/// PNG files for test projects: good 8-bit images through the core's writer (seeded noise), and
/// the bad ones a user might hand the SDK (gray, 16-bit, truncated), built byte by byte.
/// </summary>
internal static class TestPng
{
    /// <summary>odd.onnx takes [3,10,14]: 14 wide, 10 high, RGB.</summary>
    public const int OddWidth = 14;

    public const int OddHeight = 10;

    public static byte[] Noise(int seed, int width = OddWidth, int height = OddHeight, int channels = 3)
    {
        var pixels = new byte[width * height * channels];
        new Random(seed).NextBytes(pixels);
        return PngWriter.Encode(new RasterImage(width, height, channels, pixels));
    }

    /// <summary>A valid RGB PNG cut in the middle of its image data.</summary>
    public static byte[] Truncated(int seed)
    {
        var whole = Noise(seed);
        return whole[..(whole.Length / 2)];
    }

    /// <summary>A valid 16-bit-per-sample RGB PNG (colour type 2, bit depth 16) of the network's size.</summary>
    public static byte[] SixteenBitRgb(int seed, int width = OddWidth, int height = OddHeight)
    {
        var random = new Random(seed);
        var stride = width * 3 * 2;
        using var raw = new MemoryStream();
        using (var z = new ZLibStream(raw, CompressionLevel.Optimal, leaveOpen: true))
        {
            var row = new byte[stride];
            for (var y = 0; y < height; y++)
            {
                random.NextBytes(row);
                z.WriteByte(0);
                z.Write(row);
            }
        }

        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), (uint)height);
        header[8] = 16;
        header[9] = 2;
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", raw.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var typed = new byte[4 + data.Length];
        System.Text.Encoding.ASCII.GetBytes(type, typed);
        data.CopyTo(typed, 4);
        var word = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(word, (uint)data.Length);
        png.Write(word);
        png.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32(typed));
        png.Write(word);
    }

    /// <summary>PNG's CRC-32 (reflected, polynomial 0xEDB88320), bit by bit: slow, but these chunks are tiny.</summary>
    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return crc ^ 0xFFFFFFFFu;
    }
}
