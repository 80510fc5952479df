namespace Xai.Deployment;

/// <summary>
/// One variant's benchmark (FP = inference only, FP+BP = prediction and attribution). With
/// <see cref="Backend"/> <c>csim</c> the times are the C-simulation program's on the board's CPU,
/// never the accelerator's latency: hosts must show the backend beside every figure.
/// </summary>
/// <param name="Variant"><c>FP</c> or <c>FP+BP</c>.</param>
/// <param name="Backend"><c>fpga</c> or <c>csim</c>.</param>
/// <param name="HostToDevice">Writing the image (and, first time, weights) into the buffers and flushing them.</param>
/// <param name="Accelerator">ap_start → ap_done (csim: the simulation program's run).</param>
/// <param name="DeviceToHost">Invalidating and reading logits and relevance.</param>
/// <param name="Total">The three together, per image.</param>
/// <param name="ImagesPerSecond">1000 / median total.</param>
/// <param name="ClockMHz">The PL clock the runner read back (PYNQ <c>Clocks.fclk0_mhz</c>); null for csim.</param>
/// <param name="OverheadOverFp">Median total of FP+BP over FP's, minus 1 (paper Table IV); null for FP or when FP was not measured.</param>
/// <param name="BitExactWithCSim">Class, logits and relevance equal the build's C simulation bit for bit; null when not compared.</param>
/// <param name="Note">Why something is missing, or that figures come from a stand-in.</param>
public sealed record BenchmarkResult(
    string Variant,
    string Backend,
    string BoardId,
    bool IsStandIn,
    string Method,
    int Iterations,
    int Warmup,
    PhaseStatistics HostToDevice,
    PhaseStatistics Accelerator,
    PhaseStatistics DeviceToHost,
    PhaseStatistics Total,
    double ImagesPerSecond,
    double? ClockMHz,
    double? OverheadOverFp,
    bool? BitExactWithCSim,
    string? Note);
