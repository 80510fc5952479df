using Xai.Diagnostics;

namespace Xai.Planning;

/// <summary>
/// The block whose output Grad-CAM and Guided Grad-CAM explain (XaiGradCamLayer): a convolution block of the
/// network, by its name; by default the last one (Captum's usual choice, the coarsest map with the most meaning).
/// </summary>
public static class GradCamLayer
{
    /// <summary>
    /// Most output channels a Grad-CAM block may have: hls-lib sums the channel terms in 48-bit words with 24 integer
    /// bits, and the paper's ap_fixed&lt;16,8&gt; profile, which the C simulation always runs, puts each term below
    /// 2^14 (explain.h's static_assert: 14 + ceil(log2 C) ≤ 23).
    /// </summary>
    public const int MaxChannels = 512;

    /// <summary>
    /// The name of the block <paramref name="requested"/> names, or of the last convolution block when it is null or
    /// blank; null when nothing was requested and no method needs one (<paramref name="needed"/> false) on a network
    /// without convolution blocks.
    /// </summary>
    /// <exception cref="XaiException">XAI1018 when the name is not a convolution block's, when a Grad-CAM method is
    /// listed and the network has no convolution block, or when the block has more than <see cref="MaxChannels"/> channels.</exception>
    public static string? Resolve(IReadOnlyList<HardwareLayer> layers, string? requested, string projectFile, bool needed = false)
    {
        var convolutions = layers.OfType<ConvBlockLayer>().Select(l => l.Name).ToList();
        if (string.IsNullOrWhiteSpace(requested))
        {
            if (convolutions.Count == 0 && needed)
            {
                throw new XaiException(DiagnosticCatalog.BadGradCamLayer, "XaiMethods lists GradCam or GuidedGradCam, but the network has no convolution block for it to explain; allowed: methods other than GradCam and GuidedGradCam for this network.", projectFile);
            }

            return convolutions.Count > 0 ? Checked(convolutions[^1]) : null;
        }

        var name = requested.Trim();
        if (convolutions.Contains(name, StringComparer.Ordinal))
        {
            return Checked(name);
        }

        var what = layers.Any(l => l.Name == name) ? "a block of the network but not a convolution" : "not a block of the network";
        var allowed = convolutions.Count > 0
            ? $"the name of a convolution block: {string.Join(", ", convolutions)} (empty = {convolutions[^1]}, the last)"
            : "nothing: the network has no convolution block, so Grad-CAM has no layer to explain";
        throw new XaiException(DiagnosticCatalog.BadGradCamLayer, $"Property 'XaiGradCamLayer' is '{name}', {what}; allowed: {allowed}.", projectFile);

        string Checked(string block)
        {
            var channels = layers.First(l => l.Name == block).OutputShape.Channels;
            if (needed && channels > MaxChannels)
            {
                var fitting = layers.OfType<ConvBlockLayer>().Where(l => l.OutputShape.Channels <= MaxChannels).Select(l => l.Name).ToList();
                throw new XaiException(DiagnosticCatalog.BadGradCamLayer,
                    $"Property 'XaiGradCamLayer' resolves to '{block}', whose {channels} channels are more than the {MaxChannels} Grad-CAM's 48-bit channel sum holds in the paper format the C simulation runs; allowed: a convolution block of at most {MaxChannels} channels: {(fitting.Count > 0 ? string.Join(", ", fitting) : "none in this network")}.", projectFile);
            }

            return block;
        }
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
