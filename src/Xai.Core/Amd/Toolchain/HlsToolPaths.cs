namespace Xai.Amd.Toolchain;

/// <summary>Explicit tool locations from project properties; empty strings mean "search".</summary>
/// <param name="VitisHls"><c>XaiVitisHlsPath</c>.</param>
/// <param name="VPlusPlus"><c>XaiVppPath</c>.</param>
/// <param name="VitisRun"><c>XaiVitisRunPath</c>.</param>
public sealed record HlsToolPaths(string? VitisHls = null, string? VPlusPlus = null, string? VitisRun = null);
