using Xai.Imaging;

namespace Xai.Core.Tests.Imaging;

public sealed class HeatmapRendererTests
{
    // One channel, 2 x 3: relevance 0 .. 5, so the 98th percentile is 4.9 and the last pixel saturates.
    private static readonly float[] Relevance = [0, 1, 2, 3, 4, 5];

    [Fact]
    public void The_layer_is_the_colour_map_with_the_normalised_relevance_as_alpha()
    {
        var layer = HeatmapRenderer.Layer(Relevance, 1, 2, 3, HeatmapRenderer.Sign.Absolute);
        var v = HeatmapRenderer.Normalise(Relevance, 1, 2, 3, HeatmapRenderer.Sign.Absolute);

        Assert.Equal((3, 2, 4), (layer.Width, layer.Height, layer.Channels));
        for (var i = 0; i < 6; i++)
        {
            var (r, g, b) = ColorMap.Inferno(v[i]);
            Assert.Equal(new[] { r, g, b, (byte)Math.Round(255 * v[i]) }, layer.Pixels[(4 * i)..(4 * i + 4)]);
        }

        Assert.Equal(0, layer.Pixels[3]);
        Assert.Equal(255, layer.Pixels[23]);
    }

    [Fact]
    public void The_layer_encodes_as_an_rgba_png_that_reads_back_the_same()
    {
        var layer = HeatmapRenderer.Layer(Relevance, 1, 2, 3, HeatmapRenderer.Sign.Positive);
        var back = PngReader.Decode(PngWriter.Encode(layer), "layer.png");
        Assert.Equal(4, back.Channels);
        Assert.Equal(layer.Pixels, back.Pixels);
    }
}
