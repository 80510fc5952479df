namespace Xai.Imaging;

/// <summary>An 8-bit image in memory: rows top to bottom, pixels interleaved (gray, RGB or RGBA).</summary>
public sealed class RasterImage
{
    public RasterImage(int width, int height, int channels, byte[] pixels)
    {
        if (width <= 0 || height <= 0 || channels is not (1 or 3 or 4) || pixels.Length != width * height * channels)
        {
            throw new ArgumentException($"Inconsistent image: {width}x{height}x{channels} with {pixels.Length} bytes.");
        }

        Width = width;
        Height = height;
        Channels = channels;
        Pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>1 (gray), 3 (RGB) or 4 (RGBA).</summary>
    public int Channels { get; }

    public byte[] Pixels { get; }

    public byte this[int x, int y, int c] => Pixels[((y * Width) + x) * Channels + c];
}
