namespace Xai.Deployment;

/// <summary>
/// One image explained on the board: the same names and units as the build's C simulation
/// (<c>relevance/&lt;stem&gt;.&lt;Method&gt;.npy</c> float32 [C,H,W] in real units,
/// <c>heatmaps/&lt;stem&gt;.&lt;Method&gt;.png</c>) below the local output directory.
/// </summary>
public sealed record AttributionResult(
    string Image,
    string Backend,
    string Method,
    int Class,
    IReadOnlyList<float> Logits,
    string RelevanceFile,
    string HeatmapFile,
    bool IsStandIn);
