using System.Globalization;
using Microsoft.Build.Framework;
using Xai.Diagnostics;
using Xai.Stages;

namespace Xai.Sdk.Tasks;

/// <summary>Stage CSim: the bit-accurate C simulation of every image, with fidelity against float.</summary>
public sealed class SimulateXaiDesign : XaiProjectTask
{
    /// <summary>Images; optional metadata <c>TrueClass</c> (or <c>Label</c>, as a child element) overrides <see cref="LabelsFile"/>.</summary>
    public ITaskItem[]? Images { get; set; }

    /// <summary>Optional CSV with columns <c>file,label</c> (file names relative to the CSV).</summary>
    public string LabelsFile { get; set; } = "";

    /// <summary>Directory of the Fashion-MNIST IDX files for XaiFidelityImages; empty = Debian's location.</summary>
    public string FidelityDataset { get; set; } = "";

    protected override void ExecuteCore()
    {
        var settings = Settings();
        var model = LoadedModel.Load(settings.ModelPath);
        var plan = PlanStage.Compute(settings, model, Layout);
        var labels = LabelTable.Load(LabelsFile);
        var images = (Images ?? []).Select(i =>
        {
            var path = i.GetMetadata("FullPath");
            // 'TrueClass' works as an attribute; 'Label' only as a child element (MSBuild reserves the attribute).
            var text = i.GetMetadata("TrueClass") is { Length: > 0 } trueClass ? trueClass : i.GetMetadata("Label");
            int? label = null;
            if (text.Length > 0)
            {
                label = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var l)
                    ? l
                    : throw new XaiException(DiagnosticCatalog.BadImageLabel, $"Item metadata 'TrueClass' (or 'Label') of image '{i.ItemSpec}' is '{text}'; expected a class index.", ProjectFile);
            }

            return new CSimStage.LabeledImage(path, label ?? labels.GetValueOrDefault(Path.GetFileName(path)));
        }).ToList();
        var csim = CSimStage.Run(model, plan, images, settings.TargetClass, ProjectFile, Layout, Tools, Cancellation,
            () => FidelityStage.Run(model, plan, settings.FidelityImages, string.IsNullOrWhiteSpace(FidelityDataset) ? Xai.Fidelity.FashionMnistTestSet.DefaultDirectory : FidelityDataset, Layout, Report, Cancellation));
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
