namespace Xai.Reporting.Model;

/// <summary>MACs per pass and the ideal cycle count (a lower bound, not a synthesis result).</summary>
public sealed record PlanWork
{
    public required long ForwardMacs { get; init; }

    public required long BackwardMacs { get; init; }

    public required long IdealForwardCycles { get; init; }

    public required double IdealForwardMs { get; init; }

    public required string Note { get; init; }
}
