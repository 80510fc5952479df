using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Xai.Core.Tests.Model;

/// <summary>
/// Reads the sample images the way samples/table3/png_writer.py writes them (8-bit RGB, filter 0 on
/// every row) into a float32 [3,H,W] image of pixel/255, the network's input. Other PNGs are refused.
/// </summary>
internal static class RgbPng
{
    public static float[] ReadChw(string path, out int height, out int width)
    {
        var data = File.ReadAllBytes(path);
        Assert.True(data.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), $"{path} is not a PNG");
        using var idat = new MemoryStream();
        height = width = 0;
        for (int pos = 8; pos < data.Length;)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(pos));
            var kind = Encoding.ASCII.GetString(data, pos + 4, 4);
            var body = data.AsSpan(pos + 8, length);
            if (kind == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(body);
                height = BinaryPrimitives.ReadInt32BigEndian(body[4..]);
                Assert.True(body[8] == 8 && body[9] == 2, $"{path}: not 8-bit RGB");
            }
            else if (kind == "IDAT")
            {
                idat.Write(body);
            }

            pos += 12 + length;
        }

        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        var raw = inflated.ToArray();
        int stride = 1 + 3 * width;
        Assert.Equal(height * stride, raw.Length);
        var chw = new float[3 * height * width];
        for (int y = 0; y < height; y++)
        {
            Assert.True(raw[y * stride] == 0, $"{path}: row {y} uses PNG filter {raw[y * stride]}, only 0 is read here");
            for (int x = 0; x < width; x++)
            {
                for (int c = 0; c < 3; c++)
                {
                    chw[(c * height + y) * width + x] = raw[y * stride + 1 + 3 * x + c] / 255f;
                }
            }
        }

        return chw;
    }
}
