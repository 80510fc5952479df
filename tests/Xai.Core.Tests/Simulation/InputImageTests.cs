using System.IO.Compression;
using Xai.Core.Tests.Imaging;
using Xai.Diagnostics;
using Xai.Imaging;
using Xai.Model;
using Xai.Simulation;

namespace Xai.Core.Tests.Simulation;

/// <summary>
/// One alpha rule for every PNG colour type (fully opaque or XAI4017 naming the colour type), the
/// size and colour checked on the header before decoding, and every bad image reported at once.
/// </summary>
public sealed class InputImageTests : IDisposable
{
    private static readonly TensorShape Rgb2x2 = new(3, 2, 2);
    private static readonly TensorShape Grey2x2 = new(1, 2, 2);
    private readonly string _dir = Directory.CreateTempSubdirectory("xai-input-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, byte[] png)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, png);
        return path;
    }

    /// <summary>A 2x2 image, filter 0 on each row, from per-pixel samples.</summary>
    private static byte[] Png(byte colorType, byte[] samples, byte[]? plte = null, byte[]? trns = null)
    {
        var stride = samples.Length / 2;
        var rows = new byte[2 * (stride + 1)];
        Array.Copy(samples, 0, rows, 1, stride);
        Array.Copy(samples, stride, rows, stride + 2, stride);
        return PngTests.Build(2, 2, colorType, 8, rows, plte, trns: trns);
    }

    public static TheoryData<string, byte, byte[], byte[]?, byte[]?, bool> TransparentImages => new()
    {
        // name, colour type, samples, PLTE, tRNS, 3-channel network
        { "colour type 4 (grey+alpha)", 4, [10, 255, 20, 255, 30, 0, 40, 255], null, null, false },
        { "colour type 6 (RGBA)", 6, [1, 2, 3, 255, 4, 5, 6, 128, 7, 8, 9, 255, 1, 1, 1, 255], null, null, true },
        { "colour type 3 (palette)", 3, [0, 1, 0, 0], [10, 20, 30, 40, 50, 60], [255, 0], true },
        { "colour type 0 (grey)", 0, [10, 20, 30, 40], null, [0, 30], false },
        { "colour type 2 (RGB)", 2, [1, 2, 3, 4, 5, 6, 7, 8, 9, 1, 2, 3], null, [0, 4, 0, 5, 0, 6], true },
    };

    [Theory]
    [MemberData(nameof(TransparentImages))]
    public void A_not_fully_opaque_pixel_is_refused_naming_the_colour_type(string colourType, byte type, byte[] samples, byte[]? plte, byte[]? trns, bool rgb)
    {
        var path = Write("t.png", Png(type, samples, plte, trns));
        var e = Assert.Throws<XaiException>(() => InputImage.Load(path, rgb ? Rgb2x2 : Grey2x2, null));
        Assert.Equal("XAI4017", e.Code);
        Assert.Contains(colourType, e.Message);
        Assert.Contains("1 of 4 pixels", e.Message);
        Assert.Equal(path, e.Diagnostic.File);
    }

    [Fact]
    public void Fully_opaque_alpha_is_dropped_and_the_colours_kept()
    {
        var rgba = InputImage.Load(Write("rgba.png", Png(6, [1, 2, 3, 255, 4, 5, 6, 255, 7, 8, 9, 255, 10, 11, 12, 255])), Rgb2x2, null);
        Assert.Equal(3, rgba.Raster.Channels);
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 }, rgba.Raster.Pixels);
        Assert.Equal(1 / 255f, rgba.Tensor[0]);

        var greyAlpha = InputImage.Load(Write("ga.png", Png(4, [10, 255, 20, 255, 30, 255, 40, 255])), Grey2x2, null);
        Assert.Equal(new byte[] { 10, 20, 30, 40 }, greyAlpha.Raster.Pixels);

        var palette = InputImage.Load(Write("p.png", Png(3, [0, 1, 1, 0], [10, 20, 30, 40, 50, 60], [255, 255])), Rgb2x2, null);
        Assert.Equal(3, palette.Raster.Channels);
    }

    [Fact]
    public void Grey_with_alpha_is_grey_for_the_channel_check_like_plain_grey()
    {
        // Before: grey+alpha was taken as RGB(A) by a 3-channel network while plain grey was refused.
        var greyAlpha = Write("ga.png", Png(4, [10, 255, 20, 255, 30, 255, 40, 255]));
        var grey = Write("g.png", Png(0, [10, 20, 30, 40]));
        foreach (var (path, type) in new[] { (greyAlpha, "colour type 4 (grey+alpha)"), (grey, "colour type 0 (grey)") })
        {
            var e = Assert.Throws<XaiException>(() => InputImage.Load(path, Rgb2x2, null));
            Assert.Equal("XAI4011", e.Code);
            Assert.Contains(type, e.Message);
        }

        var rgba = Write("rgba.png", Png(6, [1, 2, 3, 255, 4, 5, 6, 255, 7, 8, 9, 255, 10, 11, 12, 255]));
        var wrong = Assert.Throws<XaiException>(() => InputImage.Load(rgba, Grey2x2, null));
        Assert.Equal("XAI4011", wrong.Code);
        Assert.Contains("colour type 6 (RGBA)", wrong.Message);
    }

    [Fact]
    public void A_decompression_bomb_is_refused_on_its_declared_size_before_decoding()
    {
        // 8192x8192 RGBA of zeros: a 256 MiB image in well under 1 MiB of file.
        const int side = 8192;
        using var idat = new MemoryStream();
        using (var z = new ZLibStream(idat, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var row = new byte[side * 4 + 1];
            for (var y = 0; y < side; y++)
            {
                z.Write(row);
            }
        }

        var png = PngTests.Build(side, side, 6, 8, idat.ToArray(), compressed: true);
        Assert.True(png.Length < 1024 * 1024, $"bomb is {png.Length} bytes");
        var path = Write("bomb.png", png);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<XaiException>(() => InputImage.Load(path, new TensorShape(3, 28, 28), null));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal("XAI4010", e.Code);
        Assert.Contains("8192x8192", e.Message);
        Assert.True(allocated < 16L * 1024 * 1024, $"allocated {allocated / (1024 * 1024)} MiB to refuse the bomb");
    }

    [Fact]
    public void Every_bad_image_is_reported_not_only_the_first()
    {
        var good = Write("good.png", Png(2, [1, 2, 3, 4, 5, 6, 7, 8, 9, 1, 2, 3]));
        var grey = Write("grey.png", Png(0, [1, 2, 3, 4]));
        var transparent = Write("alpha.png", Png(6, [1, 2, 3, 0, 4, 5, 6, 255, 7, 8, 9, 255, 1, 1, 1, 255]));
        var notPng = Write("text.png", "hello"u8.ToArray());
        var e = Assert.Throws<XaiException>(() => InputImage.LoadAll([(good, null), (grey, null), (transparent, null), (notPng, null)], Rgb2x2));
        Assert.Equal(["XAI4011", "XAI4017", "XAI4002"], e.Diagnostics.Select(d => d.Code));
        Assert.Equal([grey, transparent, notPng], e.Diagnostics.Select(d => d.File));
        Assert.Equal(2, InputImage.LoadAll([(good, 1), (good, 2)], Rgb2x2).Count);
    }

    [Fact]
    public void A_fifo_given_as_an_image_is_refused_without_blocking()
    {
        var fifo = Path.Combine(_dir, "pipe.png");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [fifo]))
        {
            mkfifo.WaitForExit();
        }

        var e = Assert.Throws<XaiException>(() => InputImage.Load(fifo, Rgb2x2, null));
        Assert.Equal("XAI4015", e.Code);
        Assert.Contains("named pipe", e.Message);
    }
}
