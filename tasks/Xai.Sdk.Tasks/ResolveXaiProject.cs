using Microsoft.Build.Framework;
using Newtonsoft.Json;
using Xai.Diagnostics;
using Xai.IO;
using Xai.Projects;

namespace Xai.Sdk.Tasks;

/// <summary>
/// Validates the project's Xai properties against <c>boards/</c> and the supported methods, and
/// writes the resolved settings to <see cref="SettingsFile"/> only when they changed, so that later
/// stages can use that file as an incremental-build input (a hash stamp of the properties).
/// </summary>
public sealed class ResolveXaiProject : XaiProjectTask
{
    [Required] public string SettingsFile { get; set; } = "";

    public string HlsFlow { get; set; } = "";

    public string LabelsFile { get; set; } = "";

    public string ClassNamesFile { get; set; } = "";

    [Output] public string ResolvedModel { get; private set; } = "";
    [Output] public string ResolvedPart { get; private set; } = "";
    [Output] public string ResolvedBoardPart { get; private set; } = "";
    [Output] public string ResolvedMethods { get; private set; } = "";
    [Output] public string ResolvedConvParallelism { get; private set; } = "";
    [Output] public int ResolvedFcTile { get; private set; }
    [Output] public string ResolvedClockMHz { get; private set; } = "";

    protected override void ExecuteCore()
    {
        var diagnostics = new List<XaiDiagnostic>();
        var settings = ProjectValidator.Validate(
            Properties() with { HlsFlow = HlsFlow, LabelsFile = LabelsFile, ClassNamesFile = ClassNamesFile },
            Xai.Boards.BoardCatalog.Load(BoardsDirectory),
            diagnostics);
        Report(diagnostics);
        if (settings is null)
        {
            return;
        }

        ResolvedModel = settings.ModelPath;
        ResolvedPart = settings.Board.Part;
        ResolvedBoardPart = settings.Board.BoardPart;
        ResolvedMethods = string.Join(";", settings.Methods);
        ResolvedConvParallelism = $"{settings.ConvParallelismH}x{settings.ConvParallelismW}";
        ResolvedFcTile = settings.FcTile;
        ResolvedClockMHz = settings.ClockMHz.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var json = JsonConvert.SerializeObject(
            new
            {
                board = settings.Board.Id,
                part = settings.Board.Part,
                boardPart = settings.Board.BoardPart,
                model = settings.ModelPath,
                methods = settings.Methods.Select(m => m.ToString()),
                numerics = settings.Numerics.ToString(),
                convParallelism = ResolvedConvParallelism,
                fcTile = settings.FcTile,
                clockMHz = settings.ClockMHz,
                targetClass = settings.TargetClass,
                fidelityImages = settings.FidelityImages,
            },
            Formatting.Indented);
        AtomicFile.WriteAllTextIfChanged(SettingsFile, json);
    }
}
