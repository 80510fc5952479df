using System.Globalization;
using System.Text;
using Xai.Planning;
using Xai.Reporting.Model;
using static Xai.Reporting.ReportHtml; // Card, H, N: the report's own cells

namespace Xai.Reporting;

/// <summary>
/// The modelled-latency part of report.html: the planned design per layer with the board's limits and
/// the paper's Table IV row beside it, and the design-space exploration's Pareto set as a table and a
/// latency-vs-LUT plot (inline SVG, Table IV's three points drawn beside it).
/// </summary>
public static class LatencyHtml
{
    public static void Render(StringBuilder s, XaiPlan plan, ExploreSection? explore, HardwareSection? hardware)
    {
        var l = plan.Latency;
        s.Append("<h2>Latency, modelled before any vendor tool</h2><div class=\"cards\">");
        Card(s, Ms(l.FpMs), $"FP at {F(l.ClockMHz, "0.#")} MHz");
        Card(s, Ms(l.FpbpMs), "FP+BP (prediction and heatmap)");
        Card(s, $"×{F(l.Limit.FromBound, "0.0")} {l.Bound}", "the board's binding limit, and how far the design is from it");
        if (l.Paper is { } p)
        {
            Card(s, $"{Ms(p.FpMs)} / {Ms(p.FpbpMs)}", $"paper Table IV, {H(p.ConvParallelism)} (FP / FP+BP)");
        }

        s.Append("</div><table><tr><th>layer</th><th>engine</th><th>FP cycles</th><th>BP cycles</th><th>FP+BP ms</th><th>waiting on DRAM</th><th>MAC use</th></tr>");
        foreach (var layer in l.Layers)
        {
            s.Append($"<tr><td>{H(layer.Name)}</td><td>{H(layer.Kind)}</td><td>{N(layer.FpCycles)}</td><td>{N(layer.BpCycles)}</td><td>{F((layer.FpCycles + layer.BpCycles) / (l.ClockMHz * 1000), "F2")}</td><td>{F(layer.MemoryShare * 100, "F0")} %</td><td>{F(layer.MacUtilisation * 100, "F1")} %</td></tr>");
        }

        s.Append($"</table><p class=\"note\">Limits for this work on the board: {Ms(l.Limit.ComputeMs)} with every DSP doing a MAC each cycle, {Ms(l.Limit.DramMs)} moving the design's DRAM bytes at the slave port's full width. {H(l.Basis)}</p>");
        if (l.Methods.Any(m => m.ForwardPasses > 1 || m.Bram18k > 0))
        {
            s.Append("<table><tr><th>method</th><th>FP + BP passes</th><th>network passes in all</th><th>modelled ms per explanation</th><th>BRAM_18K added</th><th>pass input and sums</th></tr>");
            foreach (var m in l.Methods)
            {
                s.Append($"<tr><td>{H(m.Method)}</td><td>{N(m.BackwardPasses)}</td><td>{N(m.ForwardPasses)}</td><td>{F(m.Ms, "F2")}</td><td>{N(m.Bram18k)}</td><td>{(m.PassSums is null ? "—" : m.PassSums == "OffChip" ? "in DRAM" : "on chip")}</td></tr>");
            }

            s.Append("</table><p class=\"note\">Integrated Gradients and SmoothGrad run an FP on the image for the class, then their FP + BP passes, on the same engine. Grad-CAM's BP stops at its block (Guided Grad-CAM's second pass too): its modelled time is the FP, the BP of the blocks after it and the map's sweeps. A multi-pass method's pass input and sums in DRAM (XaiPassSums) cost no BRAM; its modelled time adds their DRAM loops per pass.</p>");
        }

        if (hardware is { LatencyModel.Count: > 0 })
        {
            s.Append("<table><tr><th>top</th><th>vendor report</th><th>report cycles</th><th>model cycles</th><th>model error</th></tr>");
            foreach (var c in hardware.LatencyModel)
            {
                s.Append($"<tr><td>{H(c.Top)}</td><td>{H(c.Basis)}</td><td>{N(c.ReportCycles)}</td><td>{N(c.ModelCycles)}</td><td>{F(c.Error * 100, "+0.0;-0.0")} %</td></tr>");
                // The loops whose trips the network fixes, under their top: csynth's schedule beside the model's count.
                foreach (var loop in c.Loops)
                {
                    s.Append($"<tr><td>&nbsp;&nbsp;loop {H(loop.Loop)} ({N(loop.ReportTrips)} trips, model {N(loop.ModelTrips)}{(loop.ReportII is long ii ? $", II {ii}" : "")})</td><td>csynth</td><td>{N(loop.ReportCycles)}</td><td>{N(loop.ModelCycles)}</td><td>{F(loop.Error * 100, "+0.0;-0.0")} %</td></tr>");
                }
            }

            s.Append("</table><p class=\"note\">csynth bounds the descriptor-driven loops by their LOOP_TRIPCOUNT maxima; only cosim measures.</p>");
        }

        if (explore is null)
        {
            s.Append("<p class=\"note\">No design-space exploration yet: <code>dotnet build -t:Explore</code> models every configuration on the board.</p>");
            return;
        }

        s.Append($"<h2>Design-space exploration: {explore.Fitting} of {explore.Candidates} configurations fit {H(explore.Board)}</h2>");
        Plot(s, explore);
        s.Append("<table><tr><th>configuration</th><th>FP ms</th><th>FP+BP ms</th><th>DSP</th><th>BRAM_18K</th><th>LUT</th><th>MAC loops</th><th>× binding limit</th><th>compute limit</th><th>DRAM limit</th></tr>");
        foreach (var c in explore.Pareto)
        {
            s.Append($"<tr><td>{H(c.Name)}</td><td>{F(c.FpMs, "F2")}</td><td>{F(c.FpbpMs, "F2")}</td><td>{N(c.Dsp)}</td><td>{N(c.Bram18k)}</td><td>{N(c.Lut)}</td><td>{Ms(c.MacLoopsMs)}</td><td>×{F(c.FromBound, "0.0")} {H(c.Bound)}</td><td>{Ms(c.ComputeLimitMs)}</td><td>{Ms(c.DramLimitMs)}</td></tr>");
        }

        s.Append($"</table><p class=\"note\">{H(explore.Verdict)} The Pareto set over FP+BP latency and LUTs; every configuration is in explore.csv. {H(explore.Basis)}</p>");
    }

    /// <summary>FP+BP ms against LUTs: the Pareto set joined by a line, Table IV's three points as squares.</summary>
    private static void Plot(StringBuilder s, ExploreSection e)
    {
        const double w = 560, h = 300, left = 60, right = 20, top = 16, bottom = 40;
        var points = e.Pareto.Select(c => (X: (double)c.Lut, Y: c.FpbpMs, Label: c.Name)).ToList();
        var paper = PaperTableIv.Rows.Select(r => (X: (double)r.LutFpBp, Y: r.FpBpMs, Label: $"paper {r.NOh}x{r.NOw} ({r.Board})")).ToList();
        var all = points.Concat(paper).ToList();
        if (e.GoalFpbpMs is { } g) all.Add((all.Min(p => p.X), g, "goal"));
        double x0 = 0, x1 = all.Max(p => p.X) * 1.08, y0 = 0, y1 = all.Max(p => p.Y) * 1.08;
        string X(double v) => F(left + (v - x0) / (x1 - x0) * (w - left - right), "0.#");
        string Y(double v) => F(h - bottom - (v - y0) / (y1 - y0) * (h - top - bottom), "0.#");
        s.Append($"<svg class=\"plot\" role=\"img\" aria-label=\"modelled FP+BP latency against LUTs\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" style=\"background:#fff;border:1px solid var(--line);border-radius:8px\">");
        s.Append($"<line x1=\"{left}\" y1=\"{h - bottom}\" x2=\"{w - right}\" y2=\"{h - bottom}\" stroke=\"#888\"/><line x1=\"{left}\" y1=\"{top}\" x2=\"{left}\" y2=\"{h - bottom}\" stroke=\"#888\"/>");
        s.Append($"<text x=\"{(w + left) / 2}\" y=\"{h - 8}\" font-size=\"12\" text-anchor=\"middle\">LUT (model)</text>");
        s.Append($"<text x=\"14\" y=\"{(h - bottom + top) / 2}\" font-size=\"12\" text-anchor=\"middle\" transform=\"rotate(-90 14 {(h - bottom + top) / 2})\">FP+BP ms</text>");
        foreach (var t in new[] { 0.0, 0.5, 1.0 })
        {
            s.Append($"<text x=\"{X(x0 + t * (x1 - x0))}\" y=\"{h - bottom + 14}\" font-size=\"10\" text-anchor=\"middle\">{F((x0 + t * (x1 - x0)) / 1000, "0")}K</text>");
            s.Append($"<text x=\"{left - 4}\" y=\"{Y(y0 + t * (y1 - y0))}\" font-size=\"10\" text-anchor=\"end\">{F(y0 + t * (y1 - y0), "0")}</text>");
        }

        if (e.GoalFpbpMs is { } goal)
        {
            s.Append($"<line x1=\"{left}\" y1=\"{Y(goal)}\" x2=\"{w - right}\" y2=\"{Y(goal)}\" stroke=\"#137333\" stroke-dasharray=\"4 3\"/><text x=\"{w - right}\" y=\"{F(double.Parse(Y(goal), CultureInfo.InvariantCulture) - 4, "0.#")}\" font-size=\"10\" text-anchor=\"end\" fill=\"#137333\">goal {Ms(goal)}</text>");
        }

        if (points.Count > 1)
        {
            s.Append($"<polyline fill=\"none\" stroke=\"#1a73e8\" points=\"{string.Join(' ', points.Select(p => X(p.X) + "," + Y(p.Y)))}\"/>");
        }

        foreach (var p in points)
        {
            s.Append($"<circle cx=\"{X(p.X)}\" cy=\"{Y(p.Y)}\" r=\"4\" fill=\"#1a73e8\"><title>{H(p.Label)}: {F(p.Y, "F2")} ms, {N((long)p.X)} LUT</title></circle>");
        }

        foreach (var p in paper)
        {
            s.Append($"<rect x=\"{F(double.Parse(X(p.X), CultureInfo.InvariantCulture) - 4, "0.#")}\" y=\"{F(double.Parse(Y(p.Y), CultureInfo.InvariantCulture) - 4, "0.#")}\" width=\"8\" height=\"8\" fill=\"#d93025\"><title>{H(p.Label)}: {F(p.Y, "F2")} ms, {N((long)p.X)} LUT (Table IV, measured)</title></rect>");
        }

        s.Append("</svg><p class=\"note\">Blue: the modelled Pareto set (hover for each configuration). Red squares: the paper's Table IV, measured on its own design.</p>");
    }

    private static string F(double v, string format) => v.ToString(format, CultureInfo.InvariantCulture);

    private static string Ms(double v) => F(v, "F2") + " ms";
}
