using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Xai.CodeGeneration;
using Xai.IO;
using Xai.Planning;
using Xai.Projects;
using Xai.Reporting;
using Xai.Diagnostics;

namespace Xai.Stages;

/// <summary>
/// Stage "Plan": sizes the number formats from the calibration ranges, writes the readable
/// plan.json, xai_numerics.h and the 16-bit DRAM weight image of each profile.
/// </summary>
public static class PlanStage
{
    /// <summary>The plan from the recorded calibration, without writing anything.</summary>
    public static DesignPlan Compute(ProjectSettings settings, LoadedModel model, BuildLayout layout)
    {
        if (!File.Exists(layout.CalibrationRanges))
        {
            throw new Diagnostics.XaiException(DiagnosticCatalog.CalibrationRangesUnusable, "No calibration ranges yet: build the XaiCalibrate target first.", layout.CalibrationRanges);
        }

        var ranges = CalibrationRanges.Parse(File.ReadAllText(layout.CalibrationRanges), model.Layers.Count, layout.CalibrationRanges);
        return DesignPlanner.Plan(model.Network, model.Layers, settings, Path.GetFileName(settings.ModelPath), ranges);
    }

    public static DesignPlan Run(ProjectSettings settings, LoadedModel model, BuildLayout layout)
    {
        var plan = Compute(settings, model, layout);
        AtomicFile.WriteAllTextIfChanged(layout.NumericsHeader, NumericsHeaderWriter.Write(plan));
        var floats = WeightImage.Float(model.Layers);
        foreach (var profile in plan.Numerics.Values.Append(plan.PaperNumerics).DistinctBy(p => p.Name))
        {
            AtomicFile.WriteAllBytes(layout.WeightImage(profile.Name), WeightImage.Quantized(floats, profile.Weight));
        }

        AtomicFile.WriteAllTextIfChanged(layout.PlanFile, PlanDocument.Build(plan).ToString(Formatting.Indented));
        return plan;
    }
}
