using Microsoft.Build.Framework;
using Xai.Stages;

namespace Xai.Sdk.Tasks;

/// <summary>Stage CSim: the bit-accurate C simulation of every image, with fidelity against float.</summary>
public sealed class XaiCSimTask : XaiProjectTask
{
    /// <summary>Images; optional metadata <c>TrueClass</c> (or <c>Label</c>, as a child element) overrides <see cref="LabelsFile"/>.</summary>
    public ITaskItem[]? Images { get; set; }

    /// <summary>Optional CSV with columns <c>file,label</c> (file names relative to the CSV).</summary>
    public string LabelsFile { get; set; } = "";

    protected override void ExecuteCore()
    {
        var settings = Settings;
        var plan = PlanStage.Load(Layout);
        // 'TrueClass' works as an attribute; 'Label' only as a child element (MSBuild reserves the attribute).
        var images = ImageLabels.Resolve(
            (Images ?? []).Select(i => new ImageLabels.ImageItem(i.GetMetadata("FullPath"), i.ItemSpec, i.GetMetadata("TrueClass") is { Length: > 0 } trueClass ? trueClass : i.GetMetadata("Label"))),
            LabelsFile,
            ProjectFile);
        var csim = CSimStage.Run(plan, images, settings.TargetClass, ProjectFile, Layout, Tools, Cancellation,
            () => FidelityStage.Run(plan, settings.FidelityImages, Build.FidelityDataset, Layout, Report, Cancellation));
        Info($"C simulation: {csim["images"]} images, accuracy {(csim["accuracy"] is { Type: not Newtonsoft.Json.Linq.JTokenType.Null } a ? $"{(double)a:P1}" : "n/a (no labels)")}, {csim["secondsPerImage"]} s per image (3 profiles x {settings.Methods.Count} methods)");
        Print("project images", (Newtonsoft.Json.Linq.JObject)csim["fidelity"]!);
        if (csim["fidelityTestSet"] is Newtonsoft.Json.Linq.JObject testSet)
        {
            Info($"Fidelity on {testSet["images"]} Fashion-MNIST test images ({testSet["seconds"]} s): accuracy float {testSet["accuracyFloat"]}, planned {testSet["accuracyPlanned"]}");
            Print("planned formats", (Newtonsoft.Json.Linq.JObject)testSet["fidelity"]!);
            Print("paper ap_fixed<16,8>", (Newtonsoft.Json.Linq.JObject)testSet["fidelityPaper"]!);
        }
    }

    private void Print(string title, Newtonsoft.Json.Linq.JObject fidelity)
    {
        foreach (var (method, f) in fidelity)
        {
            Info($"  {title}: {method,-15} vs float: top-1 agreement {f!["top1Agreement"]}, Spearman median {f["spearmanMedian"]}, p10 {f["spearmanP10"]}, min {f["spearmanMin"]}");
        }
    }
}
