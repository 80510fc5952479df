namespace Xai.Reporting.Model;

/// <summary>One modelled resource: the estimate, the board's total, and how the estimate was obtained.</summary>
public sealed record ResourceFigure
{
    /// <summary>Modelled use (not a vendor tool's figure).</summary>
    public required int Estimate { get; init; }
    /// <summary>What the board's part has.</summary>
    public required int Available { get; init; }
    /// <summary>How the estimate is obtained, in a sentence.</summary>
    public required string Basis { get; init; }
}
