using Xai.Stages;

namespace Xai.Sdk.Tasks;

/// <summary>Stage HlsSources: the synthesizable tops, their testbenches and the testbench data under vendor/src.</summary>
public sealed class XaiHlsSourcesTask : XaiProjectTask
{
    protected override void ExecuteCore()
    {
        var vendor = VendorLayout.For(Layout);
        var choice = HardwareChoice.Load(vendor);
        var result = HlsSourcesStage.Run(PlanStage.Load(Layout), choice.Method, choice.InferenceVariant, Settings.TargetClass, Layout, vendor);
        Info($"HLS sources: {string.Join(", ", result.Tops.Select(t => t.SourceFileName))} ({choice.Method}){(result.HasTestbenchData ? ", testbench on the first image" : ", no testbench data")} in {vendor.SourceDirectory}");
    }
}
