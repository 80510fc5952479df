namespace Xai.Deployment;

/// <summary>Runs the installed board-side runner: benchmarks and attribution.</summary>
public static partial class BoardRunner
{
}

public static partial class BoardRunner
{
    /// <summary>FP+BP (and FP when the overlay has the inference top) per variant; compares with the C simulation.</summary>
    public static IReadOnlyList<BenchmarkResult> Benchmark(BoardSession session, BenchmarkOptions options, CancellationToken cancel) =>
        throw new NotImplementedException();

    /// <summary>Class, logits, relevance .npy and heatmap PNG per image, written below <paramref name="localOutputDir"/>.</summary>
    public static IReadOnlyList<AttributionResult> Attribute(BoardSession session, IEnumerable<string> pngPaths, string localOutputDir, CancellationToken cancel) =>
        throw new NotImplementedException();
}
