using Xai.Diagnostics;

namespace Xai.Planning;

/// <summary>
/// The block whose output Grad-CAM and Guided Grad-CAM explain (XaiGradCamLayer): a convolution block of the
/// network, by its name; by default the last one (Captum's usual choice, the coarsest map with the most meaning).
/// </summary>
public static class GradCamLayer
{
    /// <summary>
    /// The name of the block <paramref name="requested"/> names, or of the last convolution block when it is null or
    /// blank; null when the network has no convolution block and nothing was requested.
    /// </summary>
    /// <exception cref="XaiException">XAI1018 when the name is not a convolution block's.</exception>
    public static string? Resolve(IReadOnlyList<HardwareLayer> layers, string? requested, string projectFile)
    {
        var convolutions = layers.OfType<ConvBlockLayer>().Select(l => l.Name).ToList();
        if (string.IsNullOrWhiteSpace(requested))
        {
            return convolutions.Count > 0 ? convolutions[^1] : null;
        }

        var name = requested.Trim();
        if (convolutions.Contains(name, StringComparer.Ordinal))
        {
            return name;
        }

        var what = layers.Any(l => l.Name == name) ? "a block of the network but not a convolution" : "not a block of the network";
        var allowed = convolutions.Count > 0
            ? $"the name of a convolution block: {string.Join(", ", convolutions)} (empty = {convolutions[^1]}, the last)"
            : "nothing: the network has no convolution block, so Grad-CAM has no layer to explain";
        throw new XaiException(DiagnosticCatalog.BadGradCamLayer, $"Property 'XaiGradCamLayer' is '{name}', {what}; allowed: {allowed}.", projectFile);
    }

    /// <summary>Index of the block <paramref name="name"/> in <paramref name="layers"/>.</summary>
    public static int IndexOf(IReadOnlyList<HardwareLayer> layers, string name)
    {
        for (var i = 0; i < layers.Count; i++)
        {
            if (layers[i].Name == name && layers[i] is ConvBlockLayer)
            {
                return i;
            }
        }

        throw new ArgumentException($"'{name}' is not a convolution block of the plan", nameof(name));
    }
}
