namespace Xai.Imaging;

/// <summary>The PNG colour types (IHDR byte 9), named in every message about an image's colour.</summary>
public enum PngColourType
{
    Grey = 0,
    Rgb = 2,
    Palette = 3,
    GreyAlpha = 4,
    Rgba = 6,
}

/// <summary>What a colour type holds.</summary>
public static class PngColourTypes
{
    /// <summary>e.g. <c>colour type 4 (grey+alpha)</c>, as users' image tools show it.</summary>
    public static string Describe(this PngColourType type) => type switch
    {
        PngColourType.Grey => "colour type 0 (grey)",
        PngColourType.Rgb => "colour type 2 (RGB)",
        PngColourType.Palette => "colour type 3 (palette)",
        PngColourType.GreyAlpha => "colour type 4 (grey+alpha)",
        _ => "colour type 6 (RGBA)",
    };

    /// <summary>Colour channels, alpha not counted: 1 for the grey types, 3 for the others.</summary>
    public static int ColourChannels(this PngColourType type) => type is PngColourType.Grey or PngColourType.GreyAlpha ? 1 : 3;
}
