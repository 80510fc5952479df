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
    public static InputImage Load(string path, TensorShape input, int? label)
    {
        var raster = PngReader.Read(path);
        if (raster.Width != input.Width || raster.Height != input.Height)
        {
            throw new XaiException(DiagnosticCatalog.ImageWrongSize, $"Image is {raster.Width}x{raster.Height}; the network takes {input.Width}x{input.Height} (width x height).", path);
        }

        var colour = raster.Channels >= 3 ? 3 : 1;
        if (colour != input.Channels)
        {
            var what = raster.Channels switch { 1 => "gray", 3 => "RGB", _ => "RGBA" };
            throw new XaiException(DiagnosticCatalog.ImageWrongChannels, $"Image is {what} ({colour} colour channel{(colour == 1 ? "" : "s")}); the network takes {input.Channels} channel{(input.Channels == 1 ? "" : "s")}.", path);
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
}
