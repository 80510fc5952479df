using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Xai.Core.Tests.Stages;

/// <summary>
/// Each stage is named alike everywhere (sdk/Xai.Sdk/README.md): Sdk/Xai.&lt;Stage&gt;.targets defines
/// target Xai&lt;Stage&gt;, which runs task Xai&lt;Stage&gt;Task, an adapter over core class &lt;Stage&gt;Stage.
/// </summary>
public sealed class StageNamingTests
{
    private static readonly string SdkDirectory = Path.Combine(RepositoryLayout.Root, "sdk", "Xai.Sdk", "Sdk");
    private static readonly string TasksDirectory = Path.Combine(RepositoryLayout.Root, "tasks", "Xai.Sdk.Tasks");

    private static IEnumerable<string> StageNames() =>
        Directory.GetFiles(SdkDirectory, "Xai.*.targets").Select(f => Path.GetFileName(f)["Xai.".Length..^".targets".Length]).Order();

    public static TheoryData<string> Stages() => [.. StageNames()];

    [Theory]
    [MemberData(nameof(Stages))]
    public void The_targets_file_target_task_and_core_class_of_a_stage_share_its_name(string stage)
    {
        var targets = XDocument.Load(Path.Combine(SdkDirectory, $"Xai.{stage}.targets")).Root!;
        Assert.Contains(targets.Elements("Target"), t => (string?)t.Attribute("Name") == $"Xai{stage}");

        var tasks = targets.Elements("UsingTask").Select(u => ((string)u.Attribute("TaskName")!).Split('.')[^1]).ToList();
        Assert.Equal([$"Xai{stage}Task"], tasks);
        var taskSource = File.ReadAllText(Path.Combine(TasksDirectory, $"Xai{stage}Task.cs"));
        Assert.Matches(new Regex($@"\bclass Xai{stage}Task\b"), taskSource);
        Assert.Contains($"{stage}Stage", taskSource);

        Assert.NotNull(typeof(Xai.Stages.BuildLayout).Assembly.GetType($"Xai.Stages.{stage}Stage"));
    }

    [Fact]
    public void There_are_the_fourteen_stages_of_the_README()
    {
        Assert.Equal(
            ["Bitstream", "CSim", "Calibrate", "CoSimulate", "Explore", "Generate", "HlsSources", "LocateVendorTools", "Plan", "Publish", "Report", "ResolveProject", "SanityCheck", "Synthesize"],
            StageNames().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_stage_task_has_its_targets_file()
    {
        var stages = StageNames().ToHashSet();
        var tasks = Directory.GetFiles(TasksDirectory, "Xai*Task.cs").Select(Path.GetFileNameWithoutExtension)
            .Where(n => n is not ("XaiTask" or "XaiProjectTask" or "XaiExecutorTask" or "XaiVendorStageTask"));
        Assert.All(tasks, t => Assert.Contains(t!["Xai".Length..^"Task".Length], stages));
    }
}
