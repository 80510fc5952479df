namespace Xai.Reporting.Model;

/// <summary>
/// report.json (schema <c>xai-report/1</c>, <c>schemas/xai-report-1.schema.json</c>): what a build
/// produced, one document for people (report.html is rendered from it) and programs (the CLI, the
/// PowerShell module's Get-XaiBuild). Read it with <see cref="ReportDocument.Read"/>.
/// </summary>
public sealed record XaiReport
{
    public const string SchemaName = "xai-report/1";

    public string Schema { get; init; } = SchemaName;

    /// <summary>The project file's name.</summary>
    public required string Project { get; init; }

    public required string Board { get; init; }

    public required string Part { get; init; }

    public required string BoardPart { get; init; }

    public required List<string> Methods { get; init; }

    /// <summary><c>PerTensor</c> or <c>PaperFaithful</c>.</summary>
    public required string Numerics { get; init; }

    /// <summary>From XaiClassNamesFile; empty without one.</summary>
    public required List<string> ClassNames { get; init; }

    /// <summary>The plan's memory figures, repeated here for readers that look no deeper.</summary>
    public required PlanMemory Memory { get; init; }

    public required XaiPlan Plan { get; init; }

    /// <summary>Null before the C simulation has run.</summary>
    public required CsimSection? Csim { get; init; }

    /// <summary>Stage name → what happened, e.g. <c>Synthesize</c> → <c>skipped: …</c>.</summary>
    public required Dictionary<string, string> Stages { get; init; }

    /// <summary>Null unless a vendor stage ran in this build.</summary>
    public required HardwareSection? Hardware { get; init; }

    /// <summary>The design-space exploration (-t:Explore) of this board and network; null before one ran.</summary>
    public required ExploreSection? Explore { get; init; }

    /// <summary>The model-randomization sanity check (-t:SanityCheck) of the current C simulation; null before one ran.</summary>
    public required SanityCheckSection? SanityCheck { get; init; }
}
