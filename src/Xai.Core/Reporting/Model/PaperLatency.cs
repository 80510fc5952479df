namespace Xai.Reporting.Model;

/// <summary>The paper's Table IV row for a board (Table III network, 100 MHz) beside the model's figures.</summary>
public sealed record PaperLatency
{
    /// <summary>N_OHxN_OW the paper measured on the board.</summary>
    public required string ConvParallelism { get; init; }
    public required int FcTile { get; init; }
    public required double FpMs { get; init; }
    public required double FpbpMs { get; init; }
    /// <summary>Issue 10's goal: a third of <see cref="FpbpMs"/>.</summary>
    public required double GoalFpbpMs { get; init; }
}
