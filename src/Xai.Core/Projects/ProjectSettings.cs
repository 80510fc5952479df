using Xai.Amd.Toolchain;
using Xai.Attribution;
using Xai.Boards;

namespace Xai.Projects;

/// <summary>A project's settings after validation: every value typed, checked and defaulted.</summary>
/// <param name="HlsFlow">XaiHlsFlow.</param>
/// <param name="LabelsFile">XaiLabelsFile as a full path, null for none.</param>
/// <param name="ClassNamesFile">XaiClassNamesFile as a full path, null for none.</param>
/// <param name="DoubleBuffer">XaiDoubleBuffer: the conv engine's loads overlap its core.</param>
/// <param name="PackDenseWeights">XaiPackDenseWeights: the dense engine reads its weights in beats of the HP port's width.</param>
/// <param name="Explanation">XaiIgSteps, XaiSmoothGradSamples, XaiSmoothGradSigma, XaiGradCamLayer, XaiIgBaseline, XaiPassSums; null for the defaults.</param>
/// <param name="FaithfulnessSteps">XaiFaithfulnessSteps: the deletion and insertion curves' steps, 0 for no curves.</param>
public sealed record ProjectSettings(
    string ProjectFile,
    string ModelPath,
    Board Board,
    IReadOnlyList<AttributionMethod> Methods,
    NumericsScheme Numerics,
    int ConvParallelismH,
    int ConvParallelismW,
    int FcTile,
    double ClockMHz,
    int? TargetClass,
    int FidelityImages,
    HlsFlowSetting HlsFlow = HlsFlowSetting.Auto,
    string? LabelsFile = null,
    string? ClassNamesFile = null,
    bool DoubleBuffer = false,
    bool PackDenseWeights = false,
    ExplanationSettings? Explanation = null,
    int FaithfulnessSteps = Faithfulness.FaithfulnessMeasurement.DefaultSteps);
