namespace Xai.Deployment;

/// <summary>How <see cref="BoardRunner.Benchmark"/> runs.</summary>
/// <param name="Iterations">Timed runs per variant.</param>
/// <param name="Warmup">Untimed runs before them.</param>
/// <param name="Method">Attribution method; null is the one the hardware was built for (the runner config says which).</param>
/// <param name="Backend"><c>fpga</c>, <c>csim</c>, or null: <c>csim</c> on a stand-in, <c>fpga</c> on a real board.</param>
public sealed record BenchmarkOptions(int Iterations = 100, int Warmup = 10, string? Method = null, string? Backend = null);
