using Microsoft.Build.Framework;
using Xai.Boards;
using Xai.Diagnostics;
using Xai.Projects;
using Xai.Stages;

namespace Xai.Sdk.Tasks;

/// <summary>
/// Base of the stage tasks: every stage receives the project's Xai properties and validates
/// them the same way (cheap), so no stage can run on settings another stage never checked.
/// </summary>
public abstract class XaiProjectTask : XaiTask
{
    [Required] public string ProjectFile { get; set; } = "";
    [Required] public string BoardsDirectory { get; set; } = "";
    [Required] public string IntermediateDirectory { get; set; } = "";
    [Required] public string OutputDirectory { get; set; } = "";
    public string Model { get; set; } = "";
    public string Board { get; set; } = "";
    public string Methods { get; set; } = "";
    public string Numerics { get; set; } = "";
    public string ConvParallelism { get; set; } = "";
    public string FcTile { get; set; } = "";
    public string ClockMHz { get; set; } = "";
    public string TargetClass { get; set; } = "";
    public string FidelityImages { get; set; } = "";
    public string HlsIncludeDirectory { get; set; } = "";
    public string CSimMain { get; set; } = "";
    public string Compiler { get; set; } = "";

    protected BuildLayout Layout => new(IntermediateDirectory, OutputDirectory);

    protected ToolSettings Tools => new(Compiler, HlsIncludeDirectory, CSimMain);

    /// <summary>Validates the properties, adding every finding to <paramref name="diagnostics"/>.</summary>
    protected ProjectSettings? Validate(List<XaiDiagnostic> diagnostics) =>
        ProjectValidator.Validate(Properties(), BoardCatalog.Load(BoardsDirectory), diagnostics);

    /// <summary>The properties every stage receives; <see cref="ResolveXaiProject"/> adds those only it checks.</summary>
    protected ProjectProperties Properties() =>
        new ProjectProperties
        {
            ProjectFile = ProjectFile,
            Model = Model,
            Board = Board,
            Methods = Methods,
            Numerics = Numerics,
            ConvParallelism = ConvParallelism,
            FcTile = FcTile,
            ClockMHz = ClockMHz,
            TargetClass = TargetClass,
            FidelityImages = FidelityImages,
        };

    /// <returns>The validated settings; throws a coded error (the rest reported) otherwise.</returns>
    protected ProjectSettings Settings()
    {
        var diagnostics = new List<XaiDiagnostic>();
        var settings = Validate(diagnostics);
        if (settings is null)
        {
            var first = diagnostics.First(d => d.Severity == DiagnosticSeverity.Error);
            Report(diagnostics.Skip(1));
            throw new XaiException(first);
        }

        return settings;
    }

    protected static string[] Paths(ITaskItem[]? items) =>
        (items ?? []).Select(i => i.GetMetadata("FullPath")).ToArray();
}
