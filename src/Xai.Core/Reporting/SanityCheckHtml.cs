using System.Globalization;
using System.Text;
using Xai.Reporting.Model;
using static Xai.Reporting.ReportHtml;

namespace Xai.Reporting;

/// <summary>The report's model-randomization table: a row per cascade step, each method's median ρ against its trained map.</summary>
public static class SanityCheckHtml
{
    public static void Render(StringBuilder s, SanityCheckSection? check, IReadOnlyList<string> methods)
    {
        if (check is null)
        {
            return;
        }

        s.Append("<h2>Sanity check: the maps on a model randomized from the top layer down</h2><table><tr><th>randomized</th><th>from layer</th>");
        foreach (var method in methods)
        {
            s.Append($"<th>{H(method)}</th>");
        }

        s.Append("</tr>");
        foreach (var step in check.Steps)
        {
            s.Append($"<tr><td>{step.RandomizedLayers} layer(s)</td><td>{H(step.From)}</td>");
            foreach (var method in methods)
            {
                var f = step.Methods.GetValueOrDefault(method);
                s.Append($"<td>{Rho(f?.Planned)} <span class=\"note\">({Rho(f?.Float)} float)</span></td>");
            }

            s.Append("</tr>");
        }

        s.Append($"</table><p class=\"note\">Median Spearman ρ over {check.Images} image(s) between each method's map on the randomized model and on the trained one, in the planned formats (float in brackets); |R| for Saliency and SmoothGrad, signed R for the others; images whose map is constant (a Grad-CAM map can be zero everywhere on a randomized model) are left out, — where every one is. Adebayo et al. (2018): a method whose map stays close to 1 while the model is destroyed is not explaining the model. Randomization: {H(check.Randomization)}.</p>");
    }

    private static string Rho(double? v) => v is { } x ? x.ToString("0.000", CultureInfo.InvariantCulture) : "—";
}
