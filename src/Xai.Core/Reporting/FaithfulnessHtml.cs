using System.Globalization;
using System.Text;
using Xai.Reporting.Model;
using static Xai.Reporting.ReportHtml;

namespace Xai.Reporting;

/// <summary>The report's faithfulness section: each method's deletion and insertion areas beside the random order's, and the curves.</summary>
public static class FaithfulnessHtml
{
    private static readonly string[] Colours = ["#1a73e8", "#d93025", "#188038", "#e37400", "#9334e6", "#007b83", "#b06000", "#c5221f"];

    public static void Render(StringBuilder s, FaithfulnessSummary f, IReadOnlyList<string> methods)
    {
        s.Append($"<h2>Faithfulness: deletion and insertion of pixels in the order of each explanation</h2>");
        s.Append("<table><tr><th>ranking</th><th>deletion area</th><th>vs random</th><th>insertion area</th><th>vs random</th></tr>");
        var random = f.RandomOrder;
        foreach (var method in methods)
        {
            if (f.Methods.GetValueOrDefault(method) is not { } c)
            {
                continue;
            }

            s.Append($"<tr><td>{H(method)}</td><td>{F(c.DeletionArea)}</td><td>{Difference(c.DeletionArea, random.DeletionArea, lowerIsBetter: true)}</td><td>{F(c.InsertionArea)}</td><td>{Difference(c.InsertionArea, random.InsertionArea, lowerIsBetter: false)}</td></tr>");
        }

        s.Append($"<tr><td>random order</td><td>{F(random.DeletionArea)}</td><td></td><td>{F(random.InsertionArea)}</td><td></td></tr></table>");
        s.Append("<div class=\"row\" style=\"gap:14px;margin-top:10px\">");
        Plot(s, "deletion", f, methods, c => c.Deletion);
        Plot(s, "insertion", f, methods, c => c.Insertion);
        s.Append("</div>");
        s.Append($"<p class=\"note\">The explained class's logit (real units) as the pixels a method ranks highest are set to zero (deletion: a low area means the network depends on them) or revealed on a zero image (insertion: a high area is better); {f.Steps + 1} points, mean over {f.Images} image(s), computed with the planned fixed-point design's forward pass ({F(f.Seconds)} s). Random: a seeded random order per image. A pixel's rank: its relevance summed over channels, |R| for Saliency and SmoothGrad, signed R for the others.</p>");
    }

    private static string Difference(double? value, double? random, bool lowerIsBetter)
    {
        if (value is not { } v || random is not { } r)
        {
            return "—";
        }

        var better = lowerIsBetter ? v < r : v > r;
        return $"<span class=\"{(better ? "ok" : "bad")}\">{(v - r).ToString("+0.000;−0.000;0.000", CultureInfo.InvariantCulture)}</span>";
    }

    private static void Plot(StringBuilder s, string name, FaithfulnessSummary f, IReadOnlyList<string> methods, Func<FaithfulnessCurves, List<double?>> curveOf)
    {
        const double w = 420, h = 260, left = 48, right = 12, top = 24, bottom = 36;
        var curves = methods.Where(f.Methods.ContainsKey).Select(m => (Name: m, Values: curveOf(f.Methods[m]))).Append((Name: "random order", Values: curveOf(f.RandomOrder))).ToList();
        var all = curves.SelectMany(c => c.Values).OfType<double>().DefaultIfEmpty(0).ToList();
        double y0 = Math.Min(0, all.Min()), y1 = Math.Max(all.Max(), y0 + 1e-9);
        string X(double t) => Fmt(left + t * (w - left - right));
        string Y(double v) => Fmt(h - bottom - (v - y0) / (y1 - y0) * (h - top - bottom));
        s.Append($"<svg class=\"plot\" role=\"img\" aria-label=\"{name} curves\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" style=\"background:#fff;border:1px solid var(--line);border-radius:8px\">");
        s.Append($"<text x=\"{left}\" y=\"15\" font-size=\"12\" font-weight=\"600\">{name}</text>");
        s.Append($"<line x1=\"{left}\" y1=\"{h - bottom}\" x2=\"{w - right}\" y2=\"{h - bottom}\" stroke=\"#888\"/><line x1=\"{left}\" y1=\"{top}\" x2=\"{left}\" y2=\"{h - bottom}\" stroke=\"#888\"/>");
        s.Append($"<text x=\"{(w + left) / 2}\" y=\"{h - 6}\" font-size=\"11\" text-anchor=\"middle\">fraction of pixels {(name == "deletion" ? "removed" : "revealed")}</text>");
        foreach (var t in new[] { 0.0, 0.5, 1.0 })
        {
            s.Append($"<text x=\"{X(t)}\" y=\"{h - bottom + 13}\" font-size=\"10\" text-anchor=\"middle\">{Fmt(t)}</text>");
            s.Append($"<text x=\"{left - 4}\" y=\"{Y(y0 + t * (y1 - y0))}\" font-size=\"10\" text-anchor=\"end\">{(y0 + t * (y1 - y0)).ToString("0.#", CultureInfo.InvariantCulture)}</text>");
        }

        for (var i = 0; i < curves.Count; i++)
        {
            var (curve, values) = curves[i];
            var isRandom = i == curves.Count - 1;
            var colour = isRandom ? "#667085" : Colours[i % Colours.Length];
            var points = values.Select((v, k) => v is { } y ? $"{X((double)k / f.Steps)},{Y(y)}" : null).OfType<string>();
            s.Append($"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"1.6\"{(isRandom ? " stroke-dasharray=\"4 3\"" : "")} points=\"{string.Join(' ', points)}\"><title>{H(curve)}</title></polyline>");
            // The legend where the curves are not: deletion falls to the lower right, insertion rises to the upper right.
            var legendY = name == "deletion" ? top + 12 * i : h - bottom - 8 - 12 * (curves.Count - 1 - i);
            s.Append($"<text x=\"{w - right}\" y=\"{legendY}\" font-size=\"10\" text-anchor=\"end\" fill=\"{colour}\">{H(curve)}</text>");
        }

        s.Append("</svg>");
    }

    private static string F(double? v) => v is { } x ? x.ToString("0.000", CultureInfo.InvariantCulture) : "—";

    private static string Fmt(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}
