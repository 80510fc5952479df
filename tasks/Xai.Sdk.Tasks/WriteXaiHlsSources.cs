using Xai.Attribution;
using Xai.Stages;

namespace Xai.Sdk.Tasks;

/// <summary>Stage HlsSources: the synthesizable tops, their testbenches and the testbench data under vendor/src.</summary>
public sealed class WriteXaiHlsSources : XaiProjectTask
{
    public string HardwareMethod { get; set; } = "";
    public bool BuildInferenceVariant { get; set; }

    protected override void ExecuteCore()
    {
        var settings = Settings();
        var plan = PlanStage.Compute(settings, LoadedModel.Load(settings.ModelPath), Layout);
        var method = Enum.Parse<AttributionMethod>(HardwareMethod);
        var result = HlsSourcesStage.Run(plan, method, BuildInferenceVariant, settings.TargetClass, Layout, VendorLayout.For(Layout));
        Info($"HLS sources: {string.Join(", ", result.Tops.Select(t => t.SourceFileName))} ({method}){(result.HasTestbenchData ? ", testbench on the first image" : ", no testbench data")} in {VendorLayout.For(Layout).SourceDirectory}");
    }
}
