using Xai.Diagnostics;
using Xai.Imaging;
using Xai.Model;

namespace Xai.Simulation;

/// <summary>
/// A project image as the network sees it: [C,H,W] float32, pixel / 255. The image must
/// already have the network's size and channel count: silent resizing would explain a
/// different picture from the one the user gave.
/// </summary>
public sealed record InputImage(string Path, string Stem, RasterImage Raster, float[] Tensor, int? Label)
{
    /// <summary>
    /// Loads every image, or throws one <see cref="XaiException"/> carrying a diagnostic for each
    /// image that cannot be used, so that a build names all bad images at once, not one per run.
    /// </summary>
    public static IReadOnlyList<InputImage> LoadAll(IReadOnlyList<(string Path, int? Label)> images, TensorShape input)
    {
        var loaded = new List<InputImage>(images.Count);
        var problems = new List<XaiDiagnostic>();
        foreach (var (path, label) in images)
        {
            try
            {
                loaded.Add(Load(path, input, label));
            }
            catch (XaiException e)
            {
                problems.AddRange(e.Diagnostics);
            }
        }

        return problems.Count > 0 ? throw new XaiException(problems) : loaded;
    }

    /// <summary>
    /// Size and colour channels are checked on the PNG header, before any pixel is decoded. Alpha
    /// has one rule for every colour type (grey+alpha, RGBA, a palette or colour key from tRNS):
    /// every pixel must be fully opaque, else XAI4017 naming the colour type. A transparent pixel
    /// shows whatever lies behind it, which the SDK cannot know, and explaining the colour values
    /// hidden under it would explain a picture nobody sees; opaque alpha changes nothing and is dropped.
    /// </summary>
    public static InputImage Load(string path, TensorShape input, int? label)
    {
        var colourType = PngColourType.Rgb;
        var raster = PngReader.Read(path, header =>
        {
            colourType = header.ColourType;
            if (header.Width != input.Width || header.Height != input.Height)
            {
                throw new XaiException(DiagnosticCatalog.ImageWrongSize, $"Image is {header.Width}x{header.Height}; the network takes {input.Width}x{input.Height} (width x height).", path);
            }

            var colour = header.ColourType.ColourChannels();
            if (colour != input.Channels)
            {
                throw new XaiException(DiagnosticCatalog.ImageWrongChannels, $"Image is PNG {header.ColourType.Describe()}, {colour} colour channel{(colour == 1 ? "" : "s")}; the network takes {input.Channels} channel{(input.Channels == 1 ? "" : "s")}.", path);
            }
        });

        if (raster.HasAlpha)
        {
            CheckOpaque(raster, colourType, path);
            raster = raster.WithoutAlpha();
        }

        var plane = input.Width * input.Height;
        var tensor = new float[input.Channels * plane];
        for (var c = 0; c < input.Channels; c++)
        {
            for (var i = 0; i < plane; i++)
            {
                tensor[c * plane + i] = raster.Pixels[i * raster.Channels + c] / 255f;
            }
        }

        return new InputImage(path, System.IO.Path.GetFileNameWithoutExtension(path), raster, tensor, label);
    }

    private static void CheckOpaque(RasterImage raster, PngColourType colourType, string path)
    {
        var alpha = raster.Channels - 1;
        var transparent = 0;
        var first = -1;
        for (var i = 0; i < raster.Width * raster.Height; i++)
        {
            if (raster.Pixels[i * raster.Channels + alpha] != 255)
            {
                transparent++;
                first = first < 0 ? i : first;
            }
        }

        if (transparent > 0)
        {
            var where = colourType is PngColourType.GreyAlpha or PngColourType.Rgba ? "alpha channel" : "tRNS chunk";
            throw new XaiException(
                DiagnosticCatalog.ImageNotOpaque,
                $"Image is PNG {colourType.Describe()} and its {where} makes {transparent} of {raster.Width * raster.Height} pixels not fully opaque " +
                $"(first at x={first % raster.Width}, y={first / raster.Width}, alpha {raster.Pixels[first * raster.Channels + alpha]}); images must be fully opaque, " +
                "because what a transparent pixel shows depends on a background the SDK cannot know. Flatten the image onto the background the network was trained with, or save it without alpha.",
                path);
        }
    }
}
