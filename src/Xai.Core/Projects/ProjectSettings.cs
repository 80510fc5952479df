using Xai.Attribution;
using Xai.Boards;

namespace Xai.Projects;

/// <summary>A project's settings after validation: every value typed, checked and defaulted.</summary>
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
    int FidelityImages);
