using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Xai.IO;
using Xai.Projects;
using Xai.Reporting;

namespace Xai.Stages;

/// <summary>
/// Stage "Report": report.json, one schema that later stages extend (hardware results join it
/// under <c>hardware</c>), and report.html beside it for people.
/// </summary>
public static class ReportStage
{
    public const string Schema = "xai-report/1";

    public static JObject Run(ProjectSettings settings, BuildLayout layout, IReadOnlyList<string> classNames, IReadOnlyDictionary<string, string> stages)
    {
        var plan = JObject.Parse(File.ReadAllText(layout.PlanFile));
        var csim = File.Exists(layout.CSimResultsFile) ? JObject.Parse(File.ReadAllText(layout.CSimResultsFile)) : null;
        var report = new JObject
        {
            ["schema"] = Schema,
            ["project"] = Path.GetFileName(settings.ProjectFile),
            ["board"] = settings.Board.Id,
            ["part"] = settings.Board.Part,
            ["boardPart"] = settings.Board.BoardPart,
            ["methods"] = new JArray(settings.Methods.Select(m => m.ToString())),
            ["numerics"] = settings.Numerics.ToString(),
            ["classNames"] = new JArray(classNames),
            ["memory"] = plan["memory"],
            ["plan"] = plan,
            ["csim"] = csim,
            ["stages"] = new JObject(stages.Select(kv => new JProperty(kv.Key, kv.Value))),
            ["hardware"] = HardwareSection.Build(VendorLayout.For(layout), stages),
        };
        AtomicFile.WriteAllText(layout.ReportJson, report.ToString(Formatting.Indented));
        AtomicFile.WriteAllText(layout.ReportHtml, ReportHtml.Render(report));
        return report;
    }
}
