namespace Xai.Imaging;

/// <summary>A PNG's IHDR: what the file declares before a byte of image data is inflated.</summary>
public sealed record PngHeader(int Width, int Height, int BitDepth, PngColourType ColourType);
