namespace Xai.Stages;

/// <summary>hls-sources.json: what the sources stage wrote, read by the tool stages and the report's <c>hardware</c>.</summary>
/// <param name="Method">The method the hardware computes.</param>
/// <param name="Profile">Its number-format profile.</param>
/// <param name="Tops">Top functions: <c>xai_top</c>, then <c>xai_top_fp</c> with the inference variant.</param>
/// <param name="Testbench">Whether testbench data exists (from the first simulated image).</param>
/// <param name="Target">The class the testbench explains, -1 for the predicted one.</param>
public sealed record HlsSourcesManifest(string Method, string Profile, List<string> Tops, bool Testbench, int Target);
