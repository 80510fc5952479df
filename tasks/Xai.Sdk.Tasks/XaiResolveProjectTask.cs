using Microsoft.Build.Framework;
using Xai.Boards;
using Xai.Diagnostics;
using Xai.Projects;
using Xai.Stages;

namespace Xai.Sdk.Tasks;

/// <summary>
/// Stage ResolveProject: the one task that receives the project's Xai properties. Validates them
/// (<see cref="ResolveProjectStage"/>) and saves the resolved settings to <see cref="SettingsFile"/>,
/// rewritten only when they change: every later stage reads that file and lists it among its Inputs.
/// </summary>
public sealed class XaiResolveProjectTask : XaiTask
{
    [Required] public string ProjectFile { get; set; } = "";
    [Required] public string BoardsDirectory { get; set; } = "";
    [Required] public string SettingsFile { get; set; } = "";
    [Required] public string IntermediateDirectory { get; set; } = "";
    [Required] public string OutputDirectory { get; set; } = "";
    public string Model { get; set; } = "";
    public string Board { get; set; } = "";
    public string Methods { get; set; } = "";
    public string Numerics { get; set; } = "";
    public string ConvParallelism { get; set; } = "";
    public string FcTile { get; set; } = "";

    public string DoubleBuffer { get; set; } = "";
    public string PackDenseWeights { get; set; } = "";
    public string IgSteps { get; set; } = "";

    public string FaithfulnessSteps { get; set; } = "";
    public string SmoothGradSamples { get; set; } = "";
    public string SmoothGradSigma { get; set; } = "";
    public string GradCamLayer { get; set; } = "";
    public string IgBaseline { get; set; } = "";
    public string PassSums { get; set; } = "";
    public string ClockMHz { get; set; } = "";
    public string TargetClass { get; set; } = "";
    public string FidelityImages { get; set; } = "";
    public string HlsFlow { get; set; } = "";
    public string LabelsFile { get; set; } = "";
    public string ClassNamesFile { get; set; } = "";
    public string FidelityDataset { get; set; } = "";
    public string HlsIncludeDirectory { get; set; } = "";
    public string CSimMain { get; set; } = "";
    public string Compiler { get; set; } = "";

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
        var properties = new ProjectProperties
        {
            ProjectFile = ProjectFile,
            Model = Model,
            Board = Board,
            Methods = Methods,
            Numerics = Numerics,
            ConvParallelism = ConvParallelism,
            FcTile = FcTile,
            DoubleBuffer = DoubleBuffer,
            PackDenseWeights = PackDenseWeights,
            IgSteps = IgSteps,
            FaithfulnessSteps = FaithfulnessSteps,
            SmoothGradSamples = SmoothGradSamples,
            SmoothGradSigma = SmoothGradSigma,
            GradCamLayer = GradCamLayer,
            IgBaseline = IgBaseline,
            PassSums = PassSums,
            ClockMHz = ClockMHz,
            TargetClass = TargetClass,
            FidelityImages = FidelityImages,
            HlsFlow = HlsFlow,
            LabelsFile = LabelsFile,
            ClassNamesFile = ClassNamesFile,
        };
        var resolved = ResolveProjectStage.Run(
            properties, BoardCatalog.Load(BoardsDirectory), new BuildLayout(IntermediateDirectory, OutputDirectory),
            new ToolSettings(Compiler, HlsIncludeDirectory, CSimMain), FidelityDataset, SettingsFile, diagnostics);
        Report(diagnostics);
        if (resolved?.Project is not { } settings)
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
    }
}
