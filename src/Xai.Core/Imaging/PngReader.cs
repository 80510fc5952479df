using System.Buffers.Binary;
using System.IO.Compression;
using Xai.Diagnostics;
using Xai.IO;

namespace Xai.Imaging;

/// <summary>
/// Reads the PNG files a user is likely to hand the SDK: 8-bit gray, gray+alpha, RGB, RGBA and
/// palette images, not interlaced. Everything else (16-bit samples, interlacing, a truncated or
/// corrupt file) is a coded error naming the file; no imaging library is available to lean on.
/// Alpha is kept as decoded (a tRNS chunk becomes an alpha channel too), so callers see it and
/// decide; nothing is dropped here.
/// </summary>
public static class PngReader
{
    /// <summary>Largest file read: a PNG holds at most a few bytes per pixel of the largest size accepted below.</summary>
    public const long MaxFileBytes = 256L * 1024 * 1024;

    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <param name="checkHeader">Called with the IHDR before any image data is inflated; throwing
    /// there refuses an image of the wrong size without decoding it (a decompression bomb declares
    /// a huge size in a small file).</param>
    public static RasterImage Read(string path, Action<PngHeader>? checkHeader = null)
    {
        var status = FileStatus.Of(path);
        if (status.Kind is not (FileKind.Regular or FileKind.Missing))
        {
            throw new XaiException(DiagnosticCatalog.ImageNotRegularFile, $"Image is a {status.Kind.Describe()}, not a regular file; images are read from regular PNG files only.", path);
        }

        if (status.Size > MaxFileBytes)
        {
            throw new XaiException(DiagnosticCatalog.ImageFileTooLarge, $"Image file is {status.Size / (1024 * 1024)} MiB; PNG files are read up to {MaxFileBytes / (1024 * 1024)} MiB.", path);
        }

        byte[] bytes;
        try
        {
            bytes = RegularFile.ReadAtMost(path, MaxFileBytes)
                ?? throw new XaiException(DiagnosticCatalog.ImageFileTooLarge, $"Image file grew past {MaxFileBytes / (1024 * 1024)} MiB while being read.", path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new XaiException(DiagnosticCatalog.ImageUnreadable, $"Cannot read image: {e.Message}", path, inner: e);
        }

        return Decode(bytes, path, checkHeader);
    }

    public static RasterImage Decode(ReadOnlySpan<byte> png, string path, Action<PngHeader>? checkHeader = null)
    {
        if (png.Length < Signature.Length || !png[..Signature.Length].SequenceEqual(Signature))
        {
            throw new XaiException(DiagnosticCatalog.NotPng, "Not a PNG file (the 8-byte PNG signature is missing).", path);
        }

        int width = 0, height = 0, bitDepth = 0, colorType = -1;
        byte[]? palette = null;
        byte[]? transparency = null;
        using var idat = new MemoryStream();
        var offset = Signature.Length;
        var sawEnd = false;
        while (!sawEnd)
        {
            if (png.Length - offset < 12)
            {
                throw new XaiException(DiagnosticCatalog.PngCorrupt, $"PNG is truncated: the file ends at byte {png.Length} inside a chunk header, before the IEND chunk.", path);
            }

            var length = BinaryPrimitives.ReadUInt32BigEndian(png[offset..]);
            var type = System.Text.Encoding.ASCII.GetString(png.Slice(offset + 4, 4));
            if (length > int.MaxValue || png.Length - offset - 12 < length)
            {
                throw new XaiException(DiagnosticCatalog.PngCorrupt, $"PNG is truncated: chunk '{type}' at byte {offset} declares {length} bytes but the file ends first.", path);
            }

            var data = png.Slice(offset + 8, (int)length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png[(offset + 8 + (int)length)..]);
            if (crc != Crc32Png.Compute(png.Slice(offset + 4, 4 + (int)length)))
            {
                throw new XaiException(DiagnosticCatalog.PngCorrupt, $"PNG is corrupt: chunk '{type}' at byte {offset} fails its CRC check.", path);
            }

            switch (type)
            {
                case "IHDR":
                    if (length != 13)
                    {
                        throw new XaiException(DiagnosticCatalog.PngCorrupt, "PNG is corrupt: IHDR is not 13 bytes.", path);
                    }

                    width = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(data), int.MaxValue);
                    height = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(data[4..]), int.MaxValue);
                    bitDepth = data[8];
                    colorType = data[9];
                    if (data[12] != 0)
                    {
                        throw new XaiException(DiagnosticCatalog.PngInterlaced, "PNG is interlaced (Adam7); save it without interlacing.", path);
                    }

                    if (bitDepth != 8)
                    {
                        throw new XaiException(DiagnosticCatalog.PngNot8Bit, $"PNG has {bitDepth}-bit samples; the SDK reads 8-bit images only. Convert it to 8 bits per channel.", path);
                    }

                    if (colorType is not (0 or 2 or 3 or 4 or 6))
                    {
                        throw new XaiException(DiagnosticCatalog.PngCorrupt, $"PNG is corrupt: colour type {colorType} does not exist.", path);
                    }

                    if (width == 0 || height == 0 || (long)width * height > 64L * 1024 * 1024)
                    {
                        throw new XaiException(DiagnosticCatalog.PngCorrupt, $"PNG declares an unusable size {width}x{height}.", path);
                    }

                    checkHeader?.Invoke(new PngHeader(width, height, bitDepth, (PngColourType)colorType));
                    break;
                case "PLTE":
                    palette = data.ToArray();
                    break;
                case "tRNS":
                    transparency = data.ToArray();
                    break;
                case "IDAT":
                    idat.Write(data);
                    break;
                case "IEND":
                    sawEnd = true;
                    break;
            }

            offset += 12 + (int)length;
        }

        if (colorType < 0)
        {
            throw new XaiException(DiagnosticCatalog.PngCorrupt, "PNG is corrupt: no IHDR chunk.", path);
        }

        if (colorType == 3 && (palette is null || palette.Length % 3 != 0))
        {
            throw new XaiException(DiagnosticCatalog.PngCorrupt, "PNG is corrupt: a palette image without a valid PLTE chunk.", path);
        }

        var samples = colorType switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, _ => 4 };
        var stride = width * samples;
        var raw = new byte[(long)(stride + 1) * height];
        try
        {
            idat.Position = 0;
            using var z = new ZLibStream(idat, CompressionMode.Decompress);
            var read = 0;
            while (read < raw.Length)
            {
                var n = z.Read(raw, read, raw.Length - read);
                if (n == 0)
                {
                    throw new XaiException(DiagnosticCatalog.PngCorrupt, $"PNG is truncated: its image data holds {read} of {raw.Length} bytes.", path);
                }

                read += n;
            }
        }
        catch (InvalidDataException e)
        {
            throw new XaiException(DiagnosticCatalog.PngCorrupt, $"PNG is corrupt: its compressed image data cannot be inflated ({e.Message}).", path, inner: e);
        }

        var pixels = Unfilter(raw, stride, samples, height, path);
        return Expand(pixels, width, height, colorType, palette, transparency, path);
    }

    private static byte[] Unfilter(byte[] raw, int stride, int bpp, int height, string path)
    {
        var output = new byte[stride * height];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            var src = y * (stride + 1) + 1;
            var dst = y * stride;
            var prev = dst - stride;
            for (var x = 0; x < stride; x++)
            {
                int a = x >= bpp ? output[dst + x - bpp] : 0;
                int b = y > 0 ? output[prev + x] : 0;
                int c = x >= bpp && y > 0 ? output[prev + x - bpp] : 0;
                int predictor = filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) >> 1,
                    4 => Paeth(a, b, c),
                    _ => throw new XaiException(DiagnosticCatalog.PngCorrupt, $"PNG is corrupt: row {y} uses filter type {filter}, which does not exist.", path),
                };
                output[dst + x] = (byte)(raw[src + x] + predictor);
            }
        }

        return output;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    /// <param name="transparency">The tRNS chunk: alpha per palette entry, or the one grey level or RGB
    /// colour that is fully transparent (16-bit samples, PNG spec 11.3.2.1).</param>
    private static RasterImage Expand(byte[] px, int width, int height, int colorType, byte[]? palette, byte[]? transparency, string path)
    {
        var count = width * height;
        switch (colorType)
        {
            case 0 or 2 when transparency is { Length: >= 2 }:
            {
                // A colour key: pixels of exactly that grey level or colour are transparent.
                var colour = colorType == 0 ? 1 : 3;
                if (transparency.Length < colour * 2)
                {
                    throw new XaiException(DiagnosticCatalog.PngCorrupt, $"PNG is corrupt: its tRNS chunk holds {transparency.Length} bytes; {((PngColourType)colorType).Describe()} needs {colour * 2}.", path);
                }

                var output = new byte[count * (colour + 1)];
                for (var i = 0; i < count; i++)
                {
                    var keyed = true;
                    for (var c = 0; c < colour; c++)
                    {
                        var sample = px[i * colour + c];
                        output[i * (colour + 1) + c] = sample;
                        keyed &= BinaryPrimitives.ReadUInt16BigEndian(transparency.AsSpan(c * 2)) == sample;
                    }

                    output[i * (colour + 1) + colour] = keyed ? (byte)0 : (byte)255;
                }

                return new RasterImage(width, height, colour + 1, output);
            }

            case 0:
                return new RasterImage(width, height, 1, px);
            case 2:
                return new RasterImage(width, height, 3, px);
            case 4:
                return new RasterImage(width, height, 2, px);
            case 6:
                return new RasterImage(width, height, 4, px);
            default:
            {
                var entries = palette!.Length / 3;
                var hasAlpha = transparency is { Length: > 0 };
                var channels = hasAlpha ? 4 : 3;
                var output = new byte[count * channels];
                for (var i = 0; i < count; i++)
                {
                    var index = px[i];
                    if (index >= entries)
                    {
                        throw new XaiException(DiagnosticCatalog.PngCorrupt, $"PNG is corrupt: pixel {i % width},{i / width} uses palette entry {index} of {entries}.", path);
                    }

                    output[i * channels] = palette[index * 3];
                    output[i * channels + 1] = palette[index * 3 + 1];
                    output[i * channels + 2] = palette[index * 3 + 2];
                    if (hasAlpha)
                    {
                        output[i * channels + 3] = index < transparency!.Length ? transparency[index] : (byte)255;
                    }
                }

                return new RasterImage(width, height, channels, output);
            }
        }
    }
}
