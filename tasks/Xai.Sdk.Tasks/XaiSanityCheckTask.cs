using System.Globalization;
using Xai.Stages;

namespace Xai.Sdk.Tasks;

/// <summary>Stage SanityCheck (-t:SanityCheck): the model-randomization check on the project's images (<see cref="SanityCheckStage"/>).</summary>
public sealed class XaiSanityCheckTask : XaiProjectTask
{
    protected override void ExecuteCore()
    {
        var plan = PlanStage.Load(Layout);
        var check = Yielding(() => SanityCheckStage.Run(plan, Layout, Cancellation));
        Info($"Sanity check on {check.Images} images: median Spearman rho of each method's map on the randomized model against the trained one (planned formats; float in brackets)");
        foreach (var step in check.Steps)
        {
            var figures = step.Methods.Select(kv => $"{kv.Key} {Text(kv.Value.Planned)} ({Text(kv.Value.Float)})");
            Info($"  top {step.RandomizedLayers} layer(s), from {step.From}: {string.Join(", ", figures)}");
        }
    }

    private static string Text(double? value) => value?.ToString("0.000", CultureInfo.InvariantCulture) ?? "n/a";
}
