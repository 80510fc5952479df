using Microsoft.Build.Framework;
using Xai.Stages;

namespace Xai.Sdk.Tasks;

/// <summary>Stage Report: report.json and report.html in the output directory.</summary>
public sealed class XaiReportTask : XaiProjectTask
{
    /// <summary>Optional text file, one class name per line.</summary>
    public string ClassNamesFile { get; set; } = "";

    /// <summary>Stage name → what happened, e.g. <c>Synthesize=skipped: vitis_hls not found</c>.</summary>
    public ITaskItem[]? Stages { get; set; }

    [Output] public string ReportFile { get; private set; } = "";

    protected override void ExecuteCore()
    {
        var classes = (int)Newtonsoft.Json.Linq.JObject.Parse(File.ReadAllText(Layout.PlanFile))["classes"]!;
        var names = Xai.Projects.ClassNameList.Load(ClassNamesFile, classes);
        var stages = (Stages ?? []).ToDictionary(s => s.ItemSpec, s => s.GetMetadata("Status"));
        ReportStage.Run(Settings, Layout, names, stages);
        ReportFile = Layout.ReportHtml;
    }
}
