using System.Net;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using Xai.Imaging;

namespace Xai.Sdk.IntegrationTests;

/// <summary>The success path of a whole `dotnet build` (C simulation and report), seen in its outputs.</summary>
[Collection(PackedSdkCollection.Name)]
public sealed partial class SuccessfulBuildTests(SuccessfulBuild build) : IClassFixture<SuccessfulBuild>
{
    private static readonly string[] Methods = OddNetworkProject.Methods;

    [Fact]
    public void A_project_in_a_path_with_spaces_and_non_ASCII_characters_builds_without_diagnostics()
    {
        Assert.Contains("Prüfung Ω", build.Project.Directory);
        build.AssertSucceeded();
        Assert.Empty(build.Result.Errors);
        // The only warnings allowed: the vendor stages skipped because Vitis HLS and Vivado are absent.
        Assert.All(build.Result.Warnings, w => Assert.Equal("XAI5502", w.Code));
        Assert.True(File.Exists(build.Project.PathOf(OddNetworkProject.Files.ReportHtml)));
    }

    [Fact]
    public void The_report_names_board_methods_class_names_and_every_simulated_image()
    {
        build.AssertSucceeded();
        var report = build.Report;
        Assert.Equal("xai-report/1", (string?)report["schema"]);
        Assert.Equal("ultra96-v2", (string?)report["board"]);
        Assert.Equal(Methods, report["methods"]!.Values<string>());
        Assert.Equal(SuccessfulBuild.ClassNames, report["classNames"]!.Values<string>());
        Assert.Equal(SuccessfulBuild.Images.Length, (int)report["csim"]!["images"]!);
        Assert.Equal(
            SuccessfulBuild.Images.Select(i => i.Stem),
            report["csim"]!["perImage"]!.Select(i => (string?)i["stem"]));
    }

    [Fact]
    public void The_report_gives_the_fidelity_of_each_method_against_float()
    {
        build.AssertSucceeded();
        var fidelity = (JObject)build.Report["csim"]!["fidelity"]!;
        Assert.Equal(Methods, fidelity.Properties().Select(p => p.Name));
        foreach (var method in Methods)
        {
            var f = fidelity[method]!;
            var top1 = (double)f["top1Agreement"]!;
            var median = (double)f["spearmanMedian"]!;
            var p10 = (double)f["spearmanP10"]!;
            var min = (double)f["spearmanMin"]!;
            Assert.InRange(top1, 0, 1);
            Assert.True(-1 <= min && min <= p10 && p10 <= median && median <= 1, $"{method}: expected -1 <= min {min} <= p10 {p10} <= median {median} <= 1");

            // The planned 16-bit formats are sized from calibration: on this tiny network the
            // fixed-point relevance must rank the inputs almost as float does.
            Assert.True(median >= 0.9, $"{method}: Spearman median vs float is only {median}");
        }
    }

    [Fact]
    public void The_report_accounts_for_the_mask_memory_of_each_method()
    {
        build.AssertSucceeded();
        var memory = build.Report["memory"]!;
        foreach (var method in Methods)
        {
            var m = memory[method]!;
            var pool = (long)m["poolIndexBits"]!;
            var relu = (long)m["reluMaskBits"]!;
            Assert.True(pool > 0, $"{method}: the network has a max-pool, so pool indices must be kept");
            Assert.Equal(pool + relu, (long)m["designBits"]!);
            Assert.True((long)m["designBits"]! < (long)m["fullMaskBits"]!, $"{method}: the design should keep fewer bits than full masks");
            Assert.True((long)m["fullMaskBits"]! < (long)memory["autogradBits"]!, $"{method}: masks should be far smaller than autograd's saved tensors");
        }

        // DeconvNet's backward ReLU needs no forward mask (R_in = relu(R_out)); the other two do.
        Assert.Equal(0, (long)memory["DeconvNet"]!["reluMaskBits"]!);
        Assert.True((long)memory["Saliency"]!["reluMaskBits"]! > 0);
        Assert.True((long)memory["GuidedBackprop"]!["reluMaskBits"]! > 0);
    }

    [Fact]
    public void Every_image_and_method_has_a_float32_relevance_npy_of_the_input_shape()
    {
        build.AssertSucceeded();
        foreach (var (stem, _) in SuccessfulBuild.Images)
        {
            foreach (var method in Methods)
            {
                var path = build.Project.PathOf(OddNetworkProject.Files.Relevance(stem, method));
                Assert.True(File.Exists(path), $"missing {path}");
                var (values, shape) = NpyFile.DecodeFloat32(File.ReadAllBytes(path), path);
                Assert.Equal([3, TestPng.OddHeight, TestPng.OddWidth], shape);
                Assert.All(values, v => Assert.True(float.IsFinite(v)));
                Assert.Contains(values, v => v != 0);
            }
        }
    }

    [Fact]
    public void The_report_points_at_the_relevance_and_heatmap_files_it_wrote()
    {
        build.AssertSucceeded();
        var output = build.Project.PathOf("bin/Debug");
        foreach (var image in build.Report["csim"]!["perImage"]!)
        {
            foreach (var method in Methods)
            {
                var entry = image["methods"]![method]!;
                Assert.Equal(Path.GetFullPath(build.Project.PathOf(OddNetworkProject.Files.Relevance((string)image["stem"]!, method))), Path.GetFullPath(Path.Combine(output, (string)entry["relevance"]!)));
                Assert.Equal(Path.GetFullPath(build.Project.PathOf(OddNetworkProject.Files.Heatmap((string)image["stem"]!, method))), Path.GetFullPath(Path.Combine(output, (string)entry["heatmap"]!)));
            }
        }
    }

    [Fact]
    public void Every_heatmap_is_a_PNG_of_the_image_size()
    {
        build.AssertSucceeded();
        foreach (var (stem, _) in SuccessfulBuild.Images)
        {
            foreach (var method in Methods.Append("input"))
            {
                var heatmap = PngReader.Read(build.Project.PathOf(OddNetworkProject.Files.Heatmap(stem, method)));
                Assert.Equal((TestPng.OddWidth, TestPng.OddHeight), (heatmap.Width, heatmap.Height));
                Assert.True(heatmap.Pixels.Distinct().Count() > 8, $"{stem}.{method}.png is nearly uniform");
            }
        }
    }

    [Fact]
    public void Item_metadata_labels_give_the_accuracy_over_the_labelled_images()
    {
        build.AssertSucceeded();
        var csim = build.Report["csim"]!;
        var perImage = csim["perImage"]!.ToList();
        var labelled = 0;
        var correct = 0;
        for (var k = 0; k < SuccessfulBuild.Images.Length; k++)
        {
            var expected = SuccessfulBuild.Images[k].Label;
            Assert.Equal(expected, (int?)perImage[k]["label"]);
            if (expected is { } label)
            {
                labelled++;
                correct += (int)perImage[k]["class"]! == label ? 1 : 0;
            }
        }

        Assert.Equal(labelled, (int)csim["labeledImages"]!);
        Assert.Equal((double)correct / labelled, (double)csim["accuracy"]!, 6);
        Assert.Contains("C simulation: 4 images, accuracy ", build.Result.Output);
        Assert.DoesNotContain("accuracy n/a", build.Result.Output);
    }

    [Fact]
    public void Every_image_in_the_HTML_report_resolves_to_a_file()
    {
        build.AssertSucceeded();
        var html = File.ReadAllText(build.Project.PathOf(OddNetworkProject.Files.ReportHtml));
        var sources = ImageSource().Matches(html).Select(m => Uri.UnescapeDataString(WebUtility.HtmlDecode(m.Groups["src"].Value))).ToList();
        // The grid: input and each method's overlay; the comparison panels: input, and per method the input under its layer.
        Assert.Equal(SuccessfulBuild.Images.Length * ((1 + Methods.Length) + (1 + 2 * Methods.Length)), sources.Count);
        foreach (var source in sources)
        {
            Assert.False(Path.IsPathRooted(source), $"<img src=\"{source}\"> is absolute: the report folder could not be moved");
            Assert.True(File.Exists(build.Project.PathOf(Path.Combine("bin/Debug", source))), $"<img src=\"{source}\"> names no file");
        }
    }

    [Fact]
    public void The_HTML_report_renders_in_a_real_browser_with_header_heatmaps_and_faithfulness_curves()
    {
        build.AssertSucceeded();
        const int width = 1280;
        const int height = 2000;
        var shot = HeadlessChromium.Screenshot(build.Project.PathOf(OddNetworkProject.Files.ReportHtml), width, height);
        Assert.Equal((width, height), (shot.Width, shot.Height));

        int Colour(int x, int y) => (shot[x, y, 0] << 16) | (shot[x, y, 1] << 8) | shot[x, y, 2];
        var colours = new HashSet<int>();
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                colours.Add(Colour(x, y));
            }
        }

        Assert.True(colours.Count > 300, $"the page shows only {colours.Count} distinct colours: blank or unstyled");

        // The dark header band (#14171f) spans the top rows, above and around its text.
        const int headerColour = 0x14171f;
        for (var y = 0; y < 12; y++)
        {
            var dark = Enumerable.Range(0, width).Count(x => Colour(x, y) == headerColour);
            Assert.True(dark > width * 0.95, $"row {y}: only {dark} of {width} pixels have the header colour");
        }

        Assert.NotEqual(headerColour, Colour(width / 2, height / 2));

        // Each heatmap is drawn pixelated (nearest neighbour), so its own colours appear on screen.
        foreach (var method in Methods)
        {
            var heatmap = PngReader.Read(build.Project.PathOf(OddNetworkProject.Files.Heatmap("img0", method)));
            var heatColours = new HashSet<int>();
            for (var i = 0; i < heatmap.Width * heatmap.Height; i++)
            {
                heatColours.Add((heatmap.Pixels[3 * i] << 16) | (heatmap.Pixels[3 * i + 1] << 8) | heatmap.Pixels[3 * i + 2]);
            }

            var onScreen = 0;
            for (var y = 0; y < height; y++)
            {
                for (var x = 0; x < width; x++)
                {
                    onScreen += heatColours.Contains(Colour(x, y)) ? 1 : 0;
                }
            }

            // An 80x80 px heatmap; other images may share some colours, so only a lower bound.
            Assert.True(onScreen >= 80 * 80 / 2, $"only {onScreen} screen pixels show the colours of img0.{method}.png");
        }

        // The faithfulness plots: the first two methods' deletion and insertion curves in their colours.
        foreach (var (colour, method) in new[] { (0x1a73e8, Methods[0]), (0xd93025, Methods[1]) })
        {
            var drawn = 0;
            for (var y = 0; y < height; y++)
            {
                for (var x = 0; x < width; x++)
                {
                    drawn += Colour(x, y) == colour ? 1 : 0;
                }
            }

            Assert.True(drawn >= 100, $"only {drawn} screen pixels show {method}'s curve colour #{colour:x6}");
        }
    }

    [Fact]
    public void The_comparison_view_opens_by_its_address_and_shows_every_methods_map_large()
    {
        build.AssertSucceeded();
        const int width = 1280;
        const int height = 900;
        var html = build.Project.PathOf(OddNetworkProject.Files.ReportHtml);
        var plain = HeadlessChromium.Screenshot(html, width, height);
        var open = HeadlessChromium.Screenshot(html, width, height, "#compare-img0");

        // Each layer is drawn 256 px wide: every saturated map pixel covers (256 / width)^2 screen pixels.
        var expected = 0.0;
        foreach (var method in Methods)
        {
            var layer = PngReader.Read(build.Project.PathOf(OddNetworkProject.Files.Heatmap("img0", method + ".layer")));
            Assert.Equal(4, layer.Channels);
            var saturated = Enumerable.Range(0, layer.Width * layer.Height).Count(i => layer.Pixels[4 * i + 3] == 255);
            expected += saturated * Math.Pow(256.0 / layer.Width, 2);
        }

        Assert.True(expected > 0, "no map has a saturated pixel");
        var shown = TopColourPixels(open);
        Assert.True(shown >= expected * 0.7, $"the open comparison view shows {shown} top-colour pixels; its layers hold about {expected:F0}");
        Assert.True(shown > 2 * TopColourPixels(plain), $"{shown} top-colour pixels with the view open, {TopColourPixels(plain)} without: the view did not open");
        // The panel covers the page: its background where the page's tables were.
        Assert.Equal(0x14171f, (open[width / 2, height - 5, 0] << 16) | (open[width / 2, height - 5, 1] << 8) | open[width / 2, height - 5, 2]);
    }

    /// <summary>
    /// The view's own controls, driven in Chromium: a copy of the report beside it (same relative paths) whose
    /// load handler moves the opacity slider to 0 (its input event, as a drag fires) or clicks the first method's
    /// map, then the screenshot. The slider must hide the maps; the click must draw that map at the enlarged size.
    /// </summary>
    [Fact]
    public void The_comparison_views_opacity_slider_hides_the_maps_and_a_click_enlarges_one()
    {
        build.AssertSucceeded();
        const int width = 1280;
        const int height = 900;
        var html = build.Project.PathOf(OddNetworkProject.Files.ReportHtml);
        var page = File.ReadAllText(html);
        string Driven(string name, string onLoad)
        {
            var copy = Path.Combine(Path.GetDirectoryName(html)!, $"report.{name}.html");
            File.WriteAllText(copy, page.Replace("</body>", $"<script>addEventListener('load', () => {{ {onLoad} }});</script></body>"));
            return copy;
        }

        var open = TopColourPixels(HeadlessChromium.Screenshot(html, width, height, "#compare-img0"));
        var faded = TopColourPixels(HeadlessChromium.Screenshot(
            Driven("faded", "const r = document.querySelector('#compare-img0 input[type=range]'); r.value = '0'; r.dispatchEvent(new Event('input'));"),
            width, height, "#compare-img0"));
        var enlarged = HeadlessChromium.Screenshot(
            Driven("enlarged", "document.querySelectorAll('#compare-img0 .map')[1].click();"), width, height, "#compare-img0");

        Assert.True(open > 0, "no top-colour pixel with the view open");
        Assert.True(faded < 0.05 * open, $"opacity 0 still shows {faded} top-colour pixels ({open} at opacity 1)");

        // The first method's map drawn min(90vw, 85vh) = 765 px wide: each saturated map pixel covers (765 / width)^2 screen pixels.
        var layer = PngReader.Read(build.Project.PathOf(OddNetworkProject.Files.Heatmap("img0", Methods[0] + ".layer")));
        var saturated = Enumerable.Range(0, layer.Width * layer.Height).Count(i => layer.Pixels[4 * i + 3] == 255);
        var expected = saturated * Math.Pow(765.0 / layer.Width, 2);
        var shown = TopColourPixels(enlarged);
        Assert.True(shown >= 0.7 * expected, $"the enlarged map shows {shown} top-colour pixels; enlarged, its layer holds about {expected:F0}");
    }

    /// <summary>
    /// Screen pixels in the colour map's top colour: fully relevant map pixels (alpha 255 in a layer, opacity 1) show it
    /// exactly, so their count measures how much of the maps a screenshot shows.
    /// </summary>
    private static int TopColourPixels(Xai.Imaging.RasterImage shot)
    {
        var (r, g, b) = Xai.Imaging.ColorMap.Inferno(1);
        var n = 0;
        for (var y = 0; y < shot.Height; y++)
        {
            for (var x = 0; x < shot.Width; x++)
            {
                n += shot[x, y, 0] == r && shot[x, y, 1] == g && shot[x, y, 2] == b ? 1 : 0;
            }
        }

        return n;
    }

    [GeneratedRegex("<img\\s[^>]*src=\"(?<src>[^\"]*)\"")]
    private static partial Regex ImageSource();
}
