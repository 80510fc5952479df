using System.Buffers.Binary;
using System.IO.Compression;
using Xai.Diagnostics;
using Xai.Imaging;

namespace Xai.Core.Tests.Imaging;

public sealed class PngTests
{
    private static RasterImage RandomImage(int w, int h, int channels, int seed)
    {
        var random = new Random(seed);
        var pixels = new byte[w * h * channels];
        random.NextBytes(pixels);
        return new RasterImage(w, h, channels, pixels);
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(32, 32, 3)]
    [InlineData(7, 5, 4)]
    [InlineData(33, 2, 1)]
    public void What_the_writer_encodes_the_reader_decodes_exactly(int w, int h, int channels)
    {
        var image = RandomImage(w, h, channels, seed: w * 100 + h);

        var decoded = PngReader.Decode(PngWriter.Encode(image), "x.png");

        Assert.Equal((w, h, channels), (decoded.Width, decoded.Height, decoded.Channels));
        Assert.Equal(image.Pixels, decoded.Pixels);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Rows_filtered_with_each_png_filter_decode_to_the_original(byte filter)
    {
        var image = RandomImage(9, 6, 3, seed: filter);
        var png = Build(9, 6, colorType: 2, bitDepth: 8, FilterRows(image.Pixels, 9 * 3, 3, 6, filter));

        Assert.Equal(image.Pixels, PngReader.Decode(png, "f.png").Pixels);
    }

    [Fact]
    public void A_palette_image_expands_to_rgb()
    {
        var png = Build(2, 1, colorType: 3, bitDepth: 8, [0, 1, 0], plte: [10, 20, 30, 200, 210, 220]);

        var image = PngReader.Decode(png, "p.png");

        Assert.Equal(3, image.Channels);
        Assert.Equal(new byte[] { 200, 210, 220, 10, 20, 30 }, image.Pixels);
    }

    [Fact]
    public void A_16_bit_png_is_refused_with_its_own_code()
    {
        var png = Build(1, 1, colorType: 0, bitDepth: 16, [0, 1, 2]);

        var e = Assert.Throws<XaiException>(() => PngReader.Decode(png, "deep.png"));

        Assert.Equal("XAI4004", e.Code);
        Assert.Equal("deep.png", e.Diagnostic.File);
        Assert.Contains("16-bit", e.Message);
    }

    [Fact]
    public void An_interlaced_png_is_refused()
    {
        var png = Build(1, 1, colorType: 0, bitDepth: 8, [0, 1], interlace: 1);
        Assert.Equal("XAI4005", Assert.Throws<XaiException>(() => PngReader.Decode(png, "i.png")).Code);
    }

    [Fact]
    public void Something_else_than_a_png_is_refused()
    {
        Assert.Equal("XAI4002", Assert.Throws<XaiException>(() => PngReader.Decode("GIF89a....."u8, "g.png")).Code);
        Assert.Equal("XAI4002", Assert.Throws<XaiException>(() => PngReader.Decode([], "empty.png")).Code);
    }

    [Fact]
    public void A_png_truncated_anywhere_is_a_coded_error()
    {
        var png = PngWriter.Encode(RandomImage(16, 16, 3, seed: 5));
        for (var length = 8; length < png.Length; length++)
        {
            var e = Assert.Throws<XaiException>(() => PngReader.Decode(png.AsSpan(0, length), "t.png"));
            Assert.Equal("XAI4003", e.Code);
        }
    }

    [Fact]
    public void Flipped_bytes_never_escape_as_anything_but_a_coded_error()
    {
        var png = PngWriter.Encode(RandomImage(12, 12, 4, seed: 9));
        var random = new Random(1234);
        for (var trial = 0; trial < 2000; trial++)
        {
            var copy = (byte[])png.Clone();
            copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
            try
            {
                PngReader.Decode(copy, "fuzz.png");
            }
            catch (XaiException e)
            {
                Assert.StartsWith("XAI400", e.Code);
            }
        }
    }

    [Fact]
    public void A_file_on_disk_is_read_and_a_missing_one_is_a_coded_error()
    {
        var path = Path.Combine(Path.GetTempPath(), $"xai-png-{Guid.NewGuid():N}.png");
        File.WriteAllBytes(path, PngWriter.Encode(RandomImage(3, 3, 1, 1)));
        try
        {
            Assert.Equal(3, PngReader.Read(path).Width);
        }
        finally
        {
            File.Delete(path);
        }

        Assert.Equal("XAI4001", Assert.Throws<XaiException>(() => PngReader.Read(path)).Code);
    }

    /// <summary>An encoder written independently of the reader, applying one filter type to every row.</summary>
    private static byte[] FilterRows(byte[] raw, int stride, int bpp, int height, byte filter)
    {
        var output = new byte[(stride + 1) * height];
        for (var y = 0; y < height; y++)
        {
            output[y * (stride + 1)] = filter;
            for (var x = 0; x < stride; x++)
            {
                int left = x >= bpp ? raw[y * stride + x - bpp] : 0;
                int up = y > 0 ? raw[(y - 1) * stride + x] : 0;
                int upLeft = x >= bpp && y > 0 ? raw[(y - 1) * stride + x - bpp] : 0;
                int p = left + up - upLeft;
                int paeth = Math.Abs(p - left) <= Math.Abs(p - up) && Math.Abs(p - left) <= Math.Abs(p - upLeft) ? left
                    : Math.Abs(p - up) <= Math.Abs(p - upLeft) ? up : upLeft;
                int predictor = filter switch { 1 => left, 2 => up, 3 => (left + up) / 2, _ => paeth };
                output[y * (stride + 1) + 1 + x] = (byte)(raw[y * stride + x] - predictor);
            }
        }

        return output;
    }

    /// <summary>Assembles a PNG from already-filtered scanlines (each row starts with its filter byte).</summary>
    /// <param name="compressed">True when <paramref name="filteredRows"/> is already the zlib stream (a decompression bomb).</param>
    internal static byte[] Build(int w, int h, byte colorType, byte bitDepth, byte[] filteredRows, byte[]? plte = null, byte interlace = 0, byte[]? trns = null, bool compressed = false)
    {
        using var output = new MemoryStream();
        output.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr, (uint)w);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(4), (uint)h);
        ihdr[8] = bitDepth;
        ihdr[9] = colorType;
        ihdr[12] = interlace;
        Chunk(output, "IHDR", ihdr);
        if (plte is not null)
        {
            Chunk(output, "PLTE", plte);
        }

        if (trns is not null)
        {
            Chunk(output, "tRNS", trns);
        }

        using var z = new MemoryStream();
        using (var zs = new ZLibStream(z, CompressionLevel.Fastest, leaveOpen: true))
        {
            zs.Write(filteredRows);
        }

        Chunk(output, "IDAT", compressed ? filteredRows : z.ToArray());
        Chunk(output, "IEND", []);
        return output.ToArray();
    }

    private static void Chunk(Stream s, string type, byte[] data)
    {
        var typed = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        var len = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(len, (uint)data.Length);
        s.Write(len);
        s.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, BitwiseCrc32(typed));
        s.Write(crc);
    }

    /// <summary>CRC-32 computed bit by bit, independently of the reader's table.</summary>
    private static uint BitwiseCrc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
