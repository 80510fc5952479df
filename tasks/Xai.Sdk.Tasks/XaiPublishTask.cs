using Microsoft.Build.Framework;
using Xai.Stages;

namespace Xai.Sdk.Tasks;

/// <summary>Stage Publish: the build's results become the output directory's visible set, all at once.</summary>
public sealed class XaiPublishTask : XaiTask
{
    [Required] public string IntermediateDirectory { get; set; } = "";

    [Required] public string OutputDirectory { get; set; } = "";

    protected override void ExecuteCore()
    {
        var layout = new BuildLayout(IntermediateDirectory, OutputDirectory);
        Report(PublishStage.Run(layout, Cancellation));
        Info($"Report: {Path.Combine(layout.OutputDirectory, "report.html")}");
    }
}
