using System.Text;
using Xai.Reporting.Model;
using static Xai.Reporting.ReportHtml;

namespace Xai.Reporting;

/// <summary>
/// The report's comparison view: one image's maps from every method side by side at a readable size, each
/// laid over the input with an opacity slider, a click enlarging a map. One panel per image, opened by its
/// address (<c>report.html#compare-STEM</c>, a CSS :target, so a link or a bookmark opens it without script);
/// the slider and the enlarging are two lines of inline script.
/// </summary>
public static class CompareHtml
{
    public const string Style = """
        .compare { display:none; position:fixed; inset:0; z-index:10; overflow:auto; background:#14171f; color:#fff; padding:20px 32px; }
        .compare:target { display:block; }
        .compare a { color:#aab1c0; }
        .compare h2 { margin:0 0 10px; }
        .compare .tools { margin:0 0 14px; color:#aab1c0; }
        .compare .maps { display:flex; flex-wrap:wrap; gap:16px; align-items:flex-start; }
        .compare figure { background:none; border:none; padding:0; color:#fff; }
        .compare .map { position:relative; width:256px; cursor:zoom-in; }
        .compare .map.big { width:min(90vw, 85vh); cursor:zoom-out; }
        .compare .map img { display:block; width:100%; image-rendering:pixelated; border-radius:4px; }
        .compare .map img.layer { position:absolute; left:0; top:0; height:100%; opacity:var(--opacity, 1); }
        .compare figcaption { font-size:12px; color:#aab1c0; }
        """;

    public static string PanelId(string stem) => "compare-" + stem;

    public static void Render(StringBuilder s, CsimSection csim, IReadOnlyList<string> methods, Func<int?, string> className)
    {
        foreach (var image in csim.PerImage)
        {
            s.Append($"<section class=\"compare\" id=\"{H(PanelId(image.Stem))}\" aria-label=\"all methods on {H(image.Stem)}\">");
            s.Append($"<h2>{H(image.Stem)}: predicted {H(className(image.Class))}</h2>");
            s.Append("<p class=\"tools\"><label>heatmap opacity <input type=\"range\" min=\"0\" max=\"1\" step=\"0.05\" value=\"1\" oninput=\"this.closest('.compare').style.setProperty('--opacity', this.value)\"></label>");
            s.Append(" · click a map to enlarge it · <a href=\"#\">close</a></p><div class=\"maps\">");
            s.Append($"<figure><div class=\"map\" onclick=\"this.classList.toggle('big')\"><img src=\"{H(image.Input)}\" alt=\"input {H(image.Stem)}\" loading=\"lazy\"></div><figcaption>input</figcaption></figure>");
            foreach (var method in methods)
            {
                if (image.Methods.GetValueOrDefault(method) is not { } m)
                {
                    continue;
                }

                s.Append($"<figure><div class=\"map\" onclick=\"this.classList.toggle('big')\"><img src=\"{H(image.Input)}\" alt=\"\" loading=\"lazy\">");
                s.Append($"<img class=\"layer\" src=\"{H(m.Layer)}\" alt=\"{H(method)} on {H(image.Stem)}\" loading=\"lazy\"></div>");
                s.Append($"<figcaption>{H(method)} · explains {H(className(m.ExplainedClass))}</figcaption></figure>");
            }

            s.Append("</div></section>");
        }
    }
}
