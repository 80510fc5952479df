using Xai.Diagnostics;
using Xai.Model;
using Xai.Simulation;

namespace Xai.Attribution;

/// <summary>
/// Integrated Gradients' baseline image (XaiIgBaseline): a PNG read as the project's images are
/// (pixel / 255, [C,H,W]), so it must have the network's input size and channels and be opaque. Its
/// problems are reported under the property (XAI1019), since the image is a setting, not an input to explain.
/// </summary>
public static class IgBaselineImage
{
    public static float[] Load(string path, TensorShape input, string projectFile)
    {
        try
        {
            return InputImage.Load(path, input, label: null).Tensor;
        }
        catch (XaiException e)
        {
            var why = string.Join(" ", e.Diagnostics.Select(d => d.Message));
            throw new XaiException(
                DiagnosticCatalog.BadIgBaseline,
                $"Property 'XaiIgBaseline' names '{path}', which cannot be the baseline: {why} Allowed: a fully opaque PNG of {input.Width}x{input.Height} (width x height) with {input.Channels} channel{(input.Channels == 1 ? "" : "s")}, or empty for the zero baseline.",
                projectFile);
        }
    }
}
