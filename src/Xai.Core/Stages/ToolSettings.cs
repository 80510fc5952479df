namespace Xai.Stages;

/// <summary>Where the SDK's own C++ parts are and which compiler builds the C simulation.</summary>
/// <param name="Compiler">C++ compiler, <c>g++</c> unless the project names another (XaiCxx).</param>
/// <param name="HlsInclude">hls-lib's include directory (holds <c>xai/*.h</c>).</param>
/// <param name="CSimMain">The C-simulation driver source, <c>xai_csim_main.cpp</c>.</param>
public sealed record ToolSettings(string Compiler, string HlsInclude, string CSimMain);
