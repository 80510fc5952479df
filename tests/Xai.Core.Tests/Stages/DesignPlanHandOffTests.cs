using System.Collections;
using Xai.CodeGeneration;
using Xai.Core.Tests.CodeGeneration;
using Xai.Diagnostics;
using Xai.Model;
using Xai.Planning;
using Xai.Reporting;
using Xai.Stages;

namespace Xai.Core.Tests.Stages;

/// <summary>
/// The plan the stages hand on (network-plan.json from Generate, design-plan.json from Plan) equals,
/// field by field and weight by weight, the plan made by importing the ONNX model and planning again
/// with the same calibration: the later stages lose nothing by loading it.
/// </summary>
public sealed class DesignPlanHandOffTests(OddNetworkBuild build) : IClassFixture<OddNetworkBuild>
{
    private DesignPlan Recomputed()
    {
        var model = LoadedModel.Load(build.Settings.ModelPath);
        var ranges = CalibrationRanges.Parse(File.ReadAllText(build.Layout.CalibrationRanges), model.Layers.Count, build.Layout.CalibrationRanges);
        return DesignPlanner.Plan(model.Network, model.Layers, build.Settings, Path.GetFileName(build.Settings.ModelPath), ranges);
    }

    [Fact]
    public void The_loaded_plan_equals_the_plan_recomputed_from_the_model()
    {
        var recomputed = Recomputed();
        var loaded = PlanStage.Load(build.Layout);

        Assert.Empty(Differences(recomputed, loaded, "plan"));
        Assert.NotNull(loaded.Calibration);
        Assert.Equal(NetworkHeaderWriter.Write(recomputed), NetworkHeaderWriter.Write(loaded));
        Assert.Equal(NumericsHeaderWriter.Write(recomputed), NumericsHeaderWriter.Write(loaded));
        Assert.Equal(PlanDocument.Build(recomputed).ToString(), PlanDocument.Build(loaded).ToString());
        Assert.Equal(WeightImage.Float(recomputed.Layers), WeightImage.Float(loaded.Layers));
    }

    [Fact]
    public void Generates_plan_calibrated_later_equals_planning_with_the_calibration_from_the_start()
    {
        var network = DesignPlanFile.Load(build.Layout.NetworkPlanFile, build.Layout.FloatWeights);
        Assert.Null(network.Calibration);
        var ranges = CalibrationRanges.Parse(File.ReadAllText(build.Layout.CalibrationRanges), network.Layers.Count, build.Layout.CalibrationRanges);

        Assert.Empty(Differences(Recomputed(), DesignPlanner.Calibrated(network, ranges), "plan"));
    }

    [Fact]
    public void The_comparison_sees_a_changed_field_a_changed_weight_and_a_changed_format()
    {
        var loaded = PlanStage.Load(build.Layout);
        var conv = (ConvBlockLayer)loaded.Layers[0];
        var weights = conv.Conv.Weights.ToArray();
        weights[^1] += 1e-3f;
        var changedConv = new Conv2dLayer(conv.Conv.Name, conv.Conv.InputShape, conv.Conv.OutChannels, conv.Conv.KernelSize, conv.Conv.Padding, weights, conv.Conv.Bias.AsSpan());
        var first = loaded.Numerics.First();

        Assert.Contains(Differences(loaded, loaded with { ConvTileCi = loaded.ConvTileCi + 1 }, "plan"), d => d.Contains("ConvTileCi"));
        Assert.Contains(Differences(loaded, loaded with { Layers = [conv with { Conv = changedConv }, .. loaded.Layers.Skip(1)] }, "plan"), d => d.Contains("Weights"));
        Assert.Contains(
            Differences(loaded, loaded with { Numerics = loaded.Numerics.ToDictionary(kv => kv.Key, kv => kv.Key == first.Key ? kv.Value with { Weight = kv.Value.Weight with { Round = !kv.Value.Weight.Round } } : kv.Value) }, "plan"),
            d => d.Contains("Round"));
    }

    [Fact]
    public void A_missing_plan_or_a_weight_image_of_another_network_is_XAI3202()
    {
        var missing = Assert.Throws<XaiException>(() => DesignPlanFile.Load(Path.Combine(build.Directory, "none.json"), build.Layout.FloatWeights));
        Assert.Equal(DiagnosticCatalog.PlanUnreadable, missing.Code);

        var shortWeights = Path.Combine(build.Directory, "short.f32");
        File.WriteAllBytes(shortWeights, File.ReadAllBytes(build.Layout.FloatWeights)[..^8]);
        var mismatch = Assert.Throws<XaiException>(() => DesignPlanFile.Load(build.Layout.DesignPlanFile, shortWeights));
        Assert.Equal(DiagnosticCatalog.PlanUnreadable, mismatch.Code);
        Assert.Contains("fewer than the layers need", mismatch.Message);
    }

    /// <summary>Every public property, list element and dictionary entry that differs, by path.</summary>
    internal static List<string> Differences(object? a, object? b, string path)
    {
        var found = new List<string>();
        Compare(a, b, path, found);
        return found;
    }

    private static void Compare(object? a, object? b, string path, List<string> found)
    {
        if (a is null || b is null)
        {
            if (a is not null || b is not null)
            {
                found.Add($"{path}: {a ?? "null"} vs {b ?? "null"}");
            }

            return;
        }

        if (a is string || a is TensorShape || a.GetType().IsPrimitive || a.GetType().IsEnum)
        {
            if (a.GetType() != b.GetType())
            {
                found.Add($"{path}: {a.GetType().Name} vs {b.GetType().Name}");
                return;
            }

            if (!a.Equals(b))
            {
                found.Add($"{path}: {a} vs {b}");
            }

            return;
        }

        if (a is IDictionary da && b is IDictionary db)
        {
            var keys = da.Keys.Cast<object>().ToList();
            if (keys.Count != db.Count || keys.Any(k => !db.Contains(k)))
            {
                found.Add($"{path}: keys [{string.Join(",", keys)}] vs [{string.Join(",", db.Keys.Cast<object>())}]");
                return;
            }

            foreach (var key in keys)
            {
                Compare(da[key], db[key], $"{path}[{key}]", found);
            }

            return;
        }

        if (a is IEnumerable ea && b is IEnumerable eb)
        {
            var la = ea.Cast<object?>().ToList();
            var lb = eb.Cast<object?>().ToList();
            if (la.Count != lb.Count)
            {
                found.Add($"{path}: {la.Count} vs {lb.Count} elements");
                return;
            }

            for (var i = 0; i < la.Count; i++)
            {
                Compare(la[i], lb[i], $"{path}[{i}]", found);
            }

            return;
        }

        // Collections compare by content above; anything else must be of the same type.
        if (a.GetType() != b.GetType())
        {
            found.Add($"{path}: {a.GetType().Name} vs {b.GetType().Name}");
            return;
        }

        foreach (var property in a.GetType().GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            Compare(property.GetValue(a), property.GetValue(b), $"{path}.{property.Name}", found);
        }
    }
}
