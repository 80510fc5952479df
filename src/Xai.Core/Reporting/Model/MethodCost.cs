namespace Xai.Reporting.Model;

/// <summary>
/// One method's cost on the planned design: its passes (<c>xai/explain.h</c>) times the modelled pass
/// latencies and its driver's own loops, and the BRAM a top built for it adds.
/// </summary>
public sealed record MethodCost
{
    public required string Method { get; init; }
    /// <summary>Network passes in all: the FP + BP passes and, for Integrated Gradients and SmoothGrad, the FP on the image for the class.</summary>
    public required int ForwardPasses { get; init; }
    /// <summary>FP + BP passes.</summary>
    public required int BackwardPasses { get; init; }
    /// <summary>Modelled latency of one explanation: BackwardPasses × FpbpMs, plus FpMs for the class FP and the multi-pass driver's loops; Grad-CAM's pass: the FP, the BP of the blocks after its block and the map (MethodLatency).</summary>
    public required double Ms { get; init; }
    /// <summary>BRAM_18K a top built for this method adds (the pass input, its gradient, the running sums, or off chip the sums port's adapter and a chunk of sums; IG's baseline ROM; Grad-CAM's channel weights); 0 for the paper's methods.</summary>
    public required int Bram18k { get; init; }
    /// <summary>Where a multi-pass method keeps its pass input and running sums (XaiPassSums resolved: OnChip or OffChip); null for the other methods.</summary>
    public required string? PassSums { get; init; }
}
