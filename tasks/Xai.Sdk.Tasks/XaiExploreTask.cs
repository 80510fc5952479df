using System.Globalization;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Xai.Diagnostics;
using Xai.Stages;

namespace Xai.Sdk.Tasks;

/// <summary>
/// Stage Explore: models every engine configuration on the board (<see cref="ExploreStage"/>) and
/// returns the first <see cref="BuildCount"/> of the Pareto set as items for the sibling builds.
/// </summary>
public sealed class XaiExploreTask : XaiProjectTask
{
    /// <summary>XaiExploreClocksMHz: ';'-separated clocks; empty = the project's clock.</summary>
    public string ClocksMHz { get; set; } = "";

    /// <summary>XaiExploreBuild: how many of the Pareto set, fastest first, to build as siblings (0 = none).</summary>
    public string BuildCount { get; set; } = "0";

    /// <summary>The configurations to build: identity = name, metadata ConvParallelism, FcTile, DoubleBuffer, PackDenseWeights, ClockMHz.</summary>
    [Output] public ITaskItem[] Variants { get; set; } = [];

    protected override void ExecuteCore()
    {
        if (!int.TryParse(BuildCount.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            throw new XaiException(DiagnosticCatalog.BadExploreSetting, $"Property 'XaiExploreBuild' is '{BuildCount}'; allowed: a whole number from 0 (build none) up.", ProjectFile);
        }

        var section = ExploreStage.Run(Settings, Layout, ExploreStage.ParseClocks(ClocksMHz, Settings));
        Info(string.Create(CultureInfo.InvariantCulture, $"Explored {section.Candidates} configurations on {section.Board}: {section.Fitting} fit, {section.Pareto.Count} on the Pareto set (FP+BP latency vs LUTs); {Path.GetFileName(Layout.ExploreCsv)} has them all. Modelled, not synthesized."));
        foreach (var c in section.Pareto)
        {
            Info(string.Create(CultureInfo.InvariantCulture, $"  {c.Name}: FP {c.FpMs:F2} ms, FP+BP {c.FpbpMs:F2} ms, {c.Dsp} DSP, {c.Bram18k} BRAM_18K, ~{c.Lut / 1000.0:F1}K LUT, {c.FromBound:F1}x the board's {c.Bound} limit"));
        }

        Info(section.Verdict);
        Variants = [.. section.Pareto.Take(count).Select(c =>
        {
            var item = new TaskItem(c.Name);
            item.SetMetadata("ConvParallelism", c.ConvParallelism);
            item.SetMetadata("FcTile", c.FcTile.ToString(CultureInfo.InvariantCulture));
            item.SetMetadata("DoubleBuffer", c.DoubleBuffer ? "true" : "false");
            item.SetMetadata("PackDenseWeights", c.DenseWeightBeat > 1 ? "true" : "false");
            item.SetMetadata("ClockMHz", c.ClockMHz.ToString(CultureInfo.InvariantCulture));
            return (ITaskItem)item;
        })];
    }
}
