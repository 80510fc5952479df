using System.Globalization;
using System.Net;
using System.Text;
using Xai.Reporting.Model;

namespace Xai.Reporting;

/// <summary>Renders the report as a self-contained page: images and heatmaps per image, then the tables.</summary>
public static class ReportHtml
{
    public static string Render(XaiReport report)
    {
        var methods = report.Methods;
        var classNames = report.ClassNames;
        string ClassName(int? index) => index is not { } i ? "—"
            : i >= 0 && i < classNames.Count ? $"{classNames[i]} ({i})" : i.ToString(CultureInfo.InvariantCulture);
        var csim = report.Csim;
        var s = new StringBuilder();
        s.Append("""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Xai report</title>
            <style>
            :root { --ink:#1d2330; --muted:#667085; --line:#e4e7ec; --accent:#b9375e; --bg:#f7f8fa; }
            * { box-sizing: border-box; }
            body { margin:0; font:14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color:var(--ink); background:var(--bg); }
            header { background:#14171f; color:#fff; padding:20px 32px; }
            header h1 { margin:0 0 4px; font-size:20px; font-weight:600; }
            header p { margin:0; color:#aab1c0; }
            main { padding:24px 32px; max-width:1280px; }
            h2 { font-size:16px; margin:28px 0 12px; }
            .cards { display:grid; grid-template-columns:repeat(auto-fill,minmax(180px,1fr)); gap:12px; }
            .card { background:#fff; border:1px solid var(--line); border-radius:8px; padding:12px 14px; }
            .card b { display:block; font-size:20px; }
            .card span { color:var(--muted); font-size:12px; }
            table { border-collapse:collapse; background:#fff; border:1px solid var(--line); border-radius:8px; overflow:hidden; }
            th, td { padding:6px 12px; border-bottom:1px solid var(--line); text-align:right; }
            th:first-child, td:first-child, th:nth-child(2), td:nth-child(2) { text-align:left; }
            th { background:#f0f2f5; font-weight:600; }
            .images { display:grid; grid-template-columns:repeat(auto-fill,minmax(360px,1fr)); gap:14px; }
            figure { margin:0; background:#fff; border:1px solid var(--line); border-radius:8px; padding:10px; }
            .row { display:flex; gap:6px; }
            .row div { text-align:center; font-size:11px; color:var(--muted); }
            .row img { width:80px; height:80px; image-rendering:pixelated; border-radius:4px; display:block; }
            figcaption { margin-top:8px; font-size:12px; }
            .ok { color:#137333; } .bad { color:var(--accent); font-weight:600; }
            .note { color:var(--muted); font-size:12px; }
            """);
        s.Append(CompareHtml.Style);
        s.Append("""
            </style></head><body>
            """);
        s.Append($"<header><h1>{H(report.Project)}</h1><p>board {H(report.Board)} ({H(report.Part)}) · methods {H(string.Join(", ", methods))} · numerics {H(report.Numerics)}</p></header><main>");

        var plan = report.Plan;
        s.Append("<div class=\"cards\">");
        Card(s, $"{csim?.Images ?? 0}", "images simulated");
        Card(s, csim?.Accuracy is { } acc ? $"{acc * 100:F1} %" : "—", "accuracy (labelled images)");
        Card(s, $"{plan.Parameters:N0}", "parameters");
        Card(s, $"{plan.Work.ForwardMacs / 1e6:F2} M", "MACs per forward pass");
        Card(s, $"{plan.Engine.ConvParallelism} / {plan.Engine.FcTile}{(plan.Engine.DoubleBuffer ? " / double-buffered" : "")}{(plan.Engine.DenseWeightBeat > 1 ? $" / dense weights x{plan.Engine.DenseWeightBeat}" : "")}", "conv unroll / FC tile");
        Card(s, $"{plan.Engine.DspEstimate}", "DSP slices (MAC arrays)");
        s.Append("</div>");

        if (csim is not null)
        {
            s.Append("<h2>Fidelity of the fixed-point C simulation against float</h2><table><tr><th>method</th><th>numerics</th><th>images</th><th>top-1 agreement</th><th>Spearman ρ median</th><th>ρ 10th pct</th><th>ρ min</th></tr>");
            foreach (var method in methods)
            {
                FidelityRow(s, method, "planned (" + H(report.Numerics) + ")", csim.Fidelity.GetValueOrDefault(method));
                FidelityRow(s, method, "paper: ap_fixed&lt;16,8&gt;", csim.FidelityPaper.GetValueOrDefault(method));
            }

            s.Append("</table><p class=\"note\">ρ over all input relevances: |R| for Saliency and SmoothGrad, signed R for the others.</p>");
            var times = methods.Where(m => csim.PlannedSecondsPerImage.GetValueOrDefault(m) is not null)
                .Select(m => $"{H(m)} {csim.PlannedSecondsPerImage[m]!.Value.ToString("0.####", CultureInfo.InvariantCulture)} s").ToList();
            if (times.Count > 0)
            {
                s.Append($"<p>C-simulation time per image in the planned formats: {string.Join(", ", times)}.</p>");
            }

            if (csim.Completeness is { } c)
            {
                s.Append($"<p>Integrated Gradients' completeness gap |Σ R − (F<sub>c</sub>(x) − F<sub>c</sub>(x'))| / |F<sub>c</sub>(x) − F<sub>c</sub>(x')|, baseline x' = {H(c.Baseline)}, on {c.Images} image(s): float median {Percent(c.FloatMedian)}, max {Percent(c.FloatMax)} (the Riemann sum's error: raise XaiIgSteps to shrink it); planned median {Percent(c.PlannedMedian)}, max {Percent(c.PlannedMax)}.</p>");
            }

            if (csim.Faithfulness is { } faithfulness)
            {
                FaithfulnessHtml.Render(s, faithfulness, methods);
            }

            SanityCheckHtml.Render(s, report.SanityCheck, methods);

            if (csim.FidelityTestSet is { } testSet)
            {
                s.Append($"<h2>Fidelity on {H(testSet.Images)} Fashion-MNIST test images</h2><table><tr><th>method</th><th>numerics</th><th>images</th><th>top-1 agreement</th><th>Spearman ρ median</th><th>ρ 10th pct</th><th>ρ min</th></tr>");
                foreach (var method in methods)
                {
                    FidelityRow(s, method, "planned (" + H(report.Numerics) + ")", testSet.Fidelity.GetValueOrDefault(method));
                    FidelityRow(s, method, "paper: ap_fixed&lt;16,8&gt;", testSet.FidelityPaper.GetValueOrDefault(method));
                    FidelityRow(s, method, "float, input rounded as planned", testSet.FidelityRoundedInput.GetValueOrDefault(method));
                    if (method == "GradCam" && testSet.GradCamNative is not null)
                    {
                        FidelityRow(s, "GradCam at its block's resolution", "planned (" + H(report.Numerics) + ")", testSet.GradCamNative);
                        FidelityRow(s, "GradCam at its block's resolution", "paper: ap_fixed&lt;16,8&gt;", testSet.GradCamNativePaper);
                        FidelityRow(s, "GradCam at its block's resolution", "float, input rounded as planned", testSet.GradCamNativeRoundedInput);
                    }
                }

                s.Append($"</table><p class=\"note\">Accuracy on these images: float {P(testSet.AccuracyFloat)}, planned formats {P(testSet.AccuracyPlanned)}. ");
                s.Append("\"Float, input rounded as planned\": float's own map of each image rounded to the design's input format, nothing else, against float's map: ");
                s.Append("how far the network's explanation moves under that one rounding. The planned formats round the input and every layer after it: a planned ρ close to this one means the layers' rounding adds little to the input's, which is itself one of the design's formats (an Integrated Gradients baseline image stays unrounded here).</p>");
            }

            s.Append("<h2>Images</h2><div class=\"images\">");
            foreach (var image in csim.PerImage)
            {
                var label = image.Label;
                var predicted = image.Class;
                var right = label is not { } l ? "" : l == predicted ? " class=\"ok\"" : " class=\"bad\"";
                s.Append("<figure><div class=\"row\">");
                s.Append($"<div><img src=\"{H(image.Input)}\" alt=\"input {H(image.Stem)}\">input</div>");
                foreach (var method in methods)
                {
                    s.Append($"<div><img src=\"{H(image.Methods.GetValueOrDefault(method)?.Heatmap)}\" alt=\"{H(method)} heatmap of {H(image.Stem)}\">{H(method)}</div>");
                }

                // A model that ended in Softmax: the probability it gives the prediction (softmax of the design's logits).
                var probability = image.Probabilities is { } p && predicted >= 0 && predicted < p.Count && p[predicted] is { } pv
                    ? $" (p {pv.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)}, the model's softmax)"
                    : "";
                s.Append($"</div><figcaption><b>{H(image.Stem)}</b> · predicted <span{right}>{H(ClassName(predicted))}</span>{H(probability)} · true {H(ClassName(label))} · <a href=\"#{H(CompareHtml.PanelId(image.Stem))}\">compare methods</a></figcaption></figure>");
            }

            s.Append("</div>");
            CompareHtml.Render(s, csim, methods, ClassName);
        }

        s.Append("<h2>Memory kept between forward and backward pass</h2><table><tr><th>method</th><th>pool indices (bits)</th><th>ReLU masks (bits)</th><th>design total</th><th>full masks would be</th></tr>");
        foreach (var method in methods)
        {
            var m = report.Memory.Methods.GetValueOrDefault(method);
            s.Append($"<tr><td>{H(method)}</td><td>{N(m?.PoolIndexBits)}</td><td>{N(m?.ReluMaskBits)}</td><td>{N(m?.DesignBits)}</td><td>{N(m?.FullMaskBits)}</td></tr>");
        }

        s.Append($"</table><p class=\"note\">Autograd would keep {N(report.Memory.AutogradBits)} bits for the same network at 16 bits.</p>");

        s.Append("<h2>Resources, modelled before any vendor tool</h2><table><tr><th>resource</th><th>estimate</th><th>board</th><th>use</th><th>basis</th></tr>");
        foreach (var (name, f) in new[] { ("DSP", plan.Resources.Dsp), ("BRAM_18K", plan.Resources.Bram18k), ("URAM", plan.Resources.Uram), ("LUT", plan.Resources.Lut), ("FF", plan.Resources.Ff) })
        {
            var use = f.Available > 0 ? $"{(double)f.Estimate / f.Available * 100:F0} %" : "—";
            s.Append($"<tr><td>{H(name)}</td><td>{N(f.Estimate)}</td><td>{N(f.Available)}</td><td>{H(use)}</td><td style=\"text-align:left\">{H(f.Basis)}</td></tr>");
        }

        s.Append("</table><p class=\"note\">A model: no Vitis HLS or Vivado report confirms these figures for this design; when reports exist, the hardware section below has them.</p>");

        LatencyHtml.Render(s, plan, report.Explore, report.Hardware);

        HardwareHtml.Render(s, report.Hardware);

        s.Append("<h2>Build stages</h2><table><tr><th>stage</th><th>status</th></tr>");
        foreach (var (stage, status) in report.Stages)
        {
            s.Append($"<tr><td>{H(stage)}</td><td style=\"text-align:left\">{H(status)}</td></tr>");
        }

        s.Append("</table></main></body></html>\n");
        return s.ToString();
    }

    private static void FidelityRow(StringBuilder s, string method, string numerics, FidelitySummary? f) =>
        s.Append($"<tr><td>{H(method)}</td><td>{numerics}</td><td>{f?.Images}</td><td>{P(f?.Top1Agreement)}</td><td>{F(f?.SpearmanMedian)}</td><td>{F(f?.SpearmanP10)}</td><td>{F(f?.SpearmanMin)}</td></tr>");

    internal static void Card(StringBuilder s, string value, string label) => s.Append($"<div class=\"card\"><b>{H(value)}</b><span>{H(label)}</span></div>");

    internal static string H(object? value) => WebUtility.HtmlEncode(value?.ToString() ?? "");

    internal static string N(long? v) => v is { } n ? n.ToString("N0", CultureInfo.InvariantCulture) : "—";

    private static string F(double? v) => v is { } x ? x.ToString("F4", CultureInfo.InvariantCulture) : "—";

    private static string Percent(double? v) => v is { } x ? (x * 100).ToString("0.##", CultureInfo.InvariantCulture) + " %" : "—";

    private static string P(double? v) => v is { } x ? (x * 100).ToString("F1", CultureInfo.InvariantCulture) + " %" : "—";
}
