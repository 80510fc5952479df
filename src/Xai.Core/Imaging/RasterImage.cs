namespace Xai.Imaging;

/// <summary>An 8-bit image in memory: rows top to bottom, pixels interleaved (gray, gray+alpha, RGB or RGBA).</summary>
public sealed class RasterImage
{
    public RasterImage(int width, int height, int channels, byte[] pixels)
    {
        if (width <= 0 || height <= 0 || channels is not (1 or 2 or 3 or 4) || pixels.Length != width * height * channels)
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

    /// <summary>1 (gray), 2 (gray+alpha), 3 (RGB) or 4 (RGBA).</summary>
    public int Channels { get; }

    /// <summary>True when the last channel is alpha (2 or 4 channels).</summary>
    public bool HasAlpha => Channels is 2 or 4;

    /// <summary>The colour channels alone, alpha dropped (the same image when there is no alpha).</summary>
    public RasterImage WithoutAlpha()
    {
        if (!HasAlpha)
        {
            return this;
        }

        var colour = Channels - 1;
        var pixels = new byte[Width * Height * colour];
        for (var i = 0; i < Width * Height; i++)
        {
            Array.Copy(Pixels, i * Channels, pixels, i * colour, colour);
        }

        return new RasterImage(Width, Height, colour, pixels);
    }

    public byte[] Pixels { get; }

    public byte this[int x, int y, int c] => Pixels[((y * Width) + x) * Channels + c];
}
