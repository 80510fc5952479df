namespace Xai.Reporting.Model;

/// <summary>
/// The design-space exploration of a build (<c>dotnet build -t:Explore</c>): how many configurations
/// were modelled, the Pareto set of the fitting ones over FP+BP latency and LUTs, and issue 10's goal
/// for the board. Every figure is modelled, none comes from a vendor tool.
/// </summary>
public sealed record ExploreSection
{
    public required string Board { get; init; }
    public required string Network { get; init; }
    public required List<double> ClocksMHz { get; init; }
    /// <summary>Configurations modelled (every unroll pair, FC tile and clock).</summary>
    public required int Candidates { get; init; }
    /// <summary>Those the resource model says fit the board.</summary>
    public required int Fitting { get; init; }
    /// <summary>The fitting configurations no other is both faster and smaller than, fastest first.</summary>
    public required List<ExploreCandidate> Pareto { get; init; }
    /// <summary>A third of the paper's FP+BP latency on this board (Table IV); null for a board the paper did not measure.</summary>
    public required double? GoalFpbpMs { get; init; }
    /// <summary>Whether the fastest fitting configuration meets the goal, and if not what bounds it.</summary>
    public required string Verdict { get; init; }
    /// <summary>What the figures rest on.</summary>
    public required string Basis { get; init; }
}
