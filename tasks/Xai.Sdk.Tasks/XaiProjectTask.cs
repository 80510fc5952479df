using Microsoft.Build.Framework;
using Xai.Projects;
using Xai.Stages;

namespace Xai.Sdk.Tasks;

/// <summary>
/// Base of the stage tasks: each reads the settings XaiResolveProject validated and saved
/// (<see cref="SettingsFile"/>) plus its own stage inputs, so the properties are checked once and
/// no stage can run on settings that were never checked. Cancellation comes from <see cref="XaiTask"/>.
/// </summary>
public abstract class XaiProjectTask : XaiTask
{
    private BuildSettings? _build;

    /// <summary>settings.json, written by XaiResolveProject.</summary>
    [Required] public string SettingsFile { get; set; } = "";

    /// <summary>XaiOutputDir, given only to the stages that write there directly (not in settings.json).</summary>
    public string OutputDirectory { get; set; } = "";

    /// <summary>The resolved settings (XAI1050 when the file is missing or unreadable).</summary>
    protected BuildSettings Build => _build ??= BuildSettings.Load(SettingsFile, OutputDirectory);

    protected ProjectSettings Settings => Build.Project;

    protected BuildLayout Layout => Build.Layout;

    protected ToolSettings Tools => Build.Tools;

    protected string ProjectFile => Settings.ProjectFile;

    protected static string[] Paths(ITaskItem[]? items) =>
        (items ?? []).Select(i => i.GetMetadata("FullPath")).ToArray();
}
