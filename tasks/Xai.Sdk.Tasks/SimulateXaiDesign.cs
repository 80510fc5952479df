using System.Globalization;
using Microsoft.Build.Framework;
using Xai.Diagnostics;
using Xai.Projects;
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
        var labels = LabelTable.Load(LabelsFile, Report);
        var images = (Images ?? []).Select(i =>
        {
            var path = i.GetMetadata("FullPath");
            // 'TrueClass' works as an attribute; 'Label' only as a child element (MSBuild reserves the attribute).
            var text = i.GetMetadata("TrueClass") is { Length: > 0 } trueClass ? trueClass : i.GetMetadata("Label");
            if (text.Length > 0)
            {
                return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var l)
                    ? new CSimStage.LabeledImage(path, l, "item metadata")
                    : throw new XaiException("XAI4013", $"Item metadata 'TrueClass' (or 'Label') of image '{i.ItemSpec}' is '{text}'; expected a class index.", ProjectFile);
            }

            return labels.Find(path) is { } row
                ? new CSimStage.LabeledImage(path, row.Label, $"{LabelsFile} line {row.Line}")
                : new CSimStage.LabeledImage(path, null);
        }).ToList();
        if (labels.UnknownRows(images.Select(i => i.Path)) is { } unknown)
        {
            Report(unknown);
        }

        var csim = Yielding(() => CSimStage.Run(model, plan, images, settings.TargetClass, ProjectFile, Layout, Tools, Cancellation,
            () => FidelityStage.Run(model, plan, settings.FidelityImages, string.IsNullOrWhiteSpace(FidelityDataset) ? Xai.Fidelity.FashionMnistTestSet.DefaultDirectory : FidelityDataset, Layout, Report, Cancellation)));
        Info($"C simulation: {csim.Images} images, accuracy {(csim.Accuracy is { } a ? a.ToString("P1", CultureInfo.InvariantCulture) : "n/a (no labels)")}, {Text(csim.SecondsPerImage)} s per image (3 profiles x {settings.Methods.Count} methods)");
        Print("project images", csim.Fidelity);
        if (csim.FidelityTestSet is { } testSet)
        {
            Info($"Fidelity on {testSet.Images} Fashion-MNIST test images ({Text(testSet.Seconds)} s): accuracy float {Text(testSet.AccuracyFloat)}, planned {Text(testSet.AccuracyPlanned)}");
            Print("planned formats", testSet.Fidelity);
            Print("paper ap_fixed<16,8>", testSet.FidelityPaper);
        }
    }

    private void Print(string title, IReadOnlyDictionary<string, Xai.Reporting.Model.FidelitySummary> fidelity)
    {
        foreach (var (method, f) in fidelity)
        {
            Info($"  {title}: {method,-15} vs float: top-1 agreement {Text(f.Top1Agreement)}, Spearman median {Text(f.SpearmanMedian)}, p10 {Text(f.SpearmanP10)}, min {Text(f.SpearmanMin)}");
        }
    }

    private static string Text(double? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}
