using Xai.Boards;
using Xai.Diagnostics;
using Xai.Fidelity;
using Xai.Projects;

namespace Xai.Stages;

/// <summary>
/// Stage "ResolveProject": validates the project's properties against the board catalog (every
/// problem reported, not just the first), fills in the defaults, and saves the resolved
/// <see cref="BuildSettings"/> that every later stage reads, rewriting the file only when a
/// setting changed.
/// </summary>
public static class ResolveProjectStage
{
    /// <param name="fidelityDataset">XaiFidelityDataset as written; empty = <see cref="FashionMnistTestSet.DefaultDirectory"/>.</param>
    /// <returns>The settings, or null when a property is invalid (the errors are in <paramref name="diagnostics"/>).</returns>
    public static BuildSettings? Run(
        ProjectProperties properties, BoardCatalog boards, BuildLayout layout, ToolSettings tools, string fidelityDataset, string settingsFile, List<XaiDiagnostic> diagnostics)
    {
        var project = ProjectValidator.Validate(properties, boards, diagnostics);
        if (project is null)
        {
            return null;
        }

        var settings = new BuildSettings(project, layout, tools, string.IsNullOrWhiteSpace(fidelityDataset) ? FashionMnistTestSet.DefaultDirectory : fidelityDataset);
        settings.Save(settingsFile);
        return settings;
    }
}
