using Xai.CodeGeneration;
using Xai.Diagnostics;
using Xai.IO;
using Xai.Planning;
using Xai.Reporting;

namespace Xai.Stages;

/// <summary>
/// Stage "Plan": sizes the number formats of Generate's plan from the calibration ranges, writes
/// the readable plan.json, xai_numerics.h, the 16-bit DRAM weight image of each profile and the
/// machine-readable plan the later stages load (<see cref="Load"/>).
/// </summary>
public static class PlanStage
{
    public static DesignPlan Run(BuildLayout layout)
    {
        if (!File.Exists(layout.CalibrationRanges))
        {
            throw new XaiException(DiagnosticCatalog.CalibrationRangesUnusable, "No calibration ranges yet: build the XaiCalibrate target first.", layout.CalibrationRanges);
        }

        var network = DesignPlanFile.Load(layout.NetworkPlanFile, layout.FloatWeights);
        var ranges = CalibrationRanges.Parse(File.ReadAllText(layout.CalibrationRanges), network.Layers.Count, layout.CalibrationRanges);
        var plan = DesignPlanner.Calibrated(network, ranges);
        AtomicFile.WriteAllTextIfChanged(layout.NumericsHeader, NumericsHeaderWriter.Write(plan));
        var floats = WeightImage.EngineOrder(plan.Layers, plan.FcTile);
        foreach (var profile in plan.Numerics.Values.Append(plan.PaperNumerics).DistinctBy(p => p.Name))
        {
            AtomicFile.WriteAllBytes(layout.WeightImage(profile.Name), WeightImage.Quantized(floats, plan.Layers, profile));
        }

        AtomicFile.WriteAllTextIfChanged(layout.PlanFile, PlanDocument.Serialize(PlanDocument.Build(plan)));
        DesignPlanFile.Save(plan, layout.DesignPlanFile);
        return plan;
    }

    /// <summary>The plan the last <see cref="Run"/> made (XAI3202 when there is none).</summary>
    public static DesignPlan Load(BuildLayout layout) => DesignPlanFile.Load(layout.DesignPlanFile, layout.FloatWeights);
}
