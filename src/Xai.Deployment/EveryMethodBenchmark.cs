namespace Xai.Deployment;

/// <summary>
/// <see cref="BoardRunner.BenchmarkEveryMethod"/>'s answer: the results of every method that ran (FP and FP+BP each),
/// and the build's methods the overlay's top does not compute, left out on the fpga backend.
/// </summary>
public sealed record EveryMethodBenchmark(IReadOnlyList<BenchmarkResult> Results, IReadOnlyList<string> NotOnOverlay);
