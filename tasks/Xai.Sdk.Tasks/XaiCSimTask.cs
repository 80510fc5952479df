using System.Globalization;
using Microsoft.Build.Framework;
using Xai.Stages;

namespace Xai.Sdk.Tasks;

/// <summary>Stage CSim: the bit-accurate C simulation of every image, with fidelity against float.</summary>
public sealed class XaiCSimTask : XaiExecutorTask
{
    /// <summary>Images; optional metadata <c>TrueClass</c> (or <c>Label</c>, as a child element) overrides <see cref="LabelsFile"/>.</summary>
    public ITaskItem[]? Images { get; set; }

    /// <summary>Optional CSV with columns <c>file,label</c> (file names relative to the CSV).</summary>
    public string LabelsFile { get; set; } = "";

    protected override void ExecuteCore()
    {
        var settings = Settings;
        var plan = PlanStage.Load(Layout);
        // Only the fidelity run over the dataset goes to Slurm (a job array); the project's images run here.
        var executor = settings.FidelityImages > 0 ? ExecutorFor("Fidelity") : Amd.Toolchain.ToolExecutor.Local;
        if (executor is null)
        {
            return;
        }

        // 'TrueClass' works as an attribute; 'Label' only as a child element (MSBuild reserves the attribute).
        var images = ImageLabels.Resolve(
            (Images ?? []).Select(i => new ImageLabels.ImageItem(i.GetMetadata("FullPath"), i.ItemSpec, i.GetMetadata("TrueClass") is { Length: > 0 } trueClass ? trueClass : i.GetMetadata("Label"))),
            LabelsFile,
            ProjectFile,
            Report);
        var csim = Yielding(() => CSimStage.Run(plan, images, settings.TargetClass, ProjectFile, Layout, Tools, Cancellation,
            () => FidelityStage.Run(plan, settings.FidelityImages, Build.FidelityDataset, Layout, Report, Cancellation, executor as Slurm.SlurmToolExecutor, line => Log.LogMessage(line.StartsWith(Slurm.SlurmToolExecutor.StatusPrefix, StringComparison.Ordinal) ? MessageImportance.High : MessageImportance.Normal, line)),
            settings.FaithfulnessSteps));
        Info($"C simulation: {csim.Images} images, accuracy {(csim.Accuracy is { } a ? a.ToString("P1", CultureInfo.InvariantCulture) : "n/a (no labels)")}, {Text(csim.SecondsPerImage)} s per image (3 profiles x {settings.Methods.Count} methods)");
        Info($"  time per image in the planned formats: {string.Join(", ", csim.PlannedSecondsPerImage.Select(kv => $"{kv.Key} {Text(kv.Value)} s"))}");
        Print("project images", csim.Fidelity);
        if (csim.Faithfulness is { } f)
        {
            foreach (var (method, c) in f.Methods)
            {
                Info($"  faithfulness: {method,-15} deletion area {Text(c.DeletionArea)} (random order {Text(f.RandomOrder.DeletionArea)}), insertion area {Text(c.InsertionArea)} (random order {Text(f.RandomOrder.InsertionArea)})");
            }
        }
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
