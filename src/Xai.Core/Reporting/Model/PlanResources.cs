namespace Xai.Reporting.Model;

/// <summary>
/// The planned accelerator's resources as the SDK's resource model gives them, before any vendor
/// tool ran, beside what the board's part has: DSP and BRAM_18K counted from the design, URAM none,
/// LUT and FF from a line fitted to the paper's Table IV.
/// </summary>
public sealed record PlanResources
{
    public required ResourceFigure Dsp { get; init; }
    public required ResourceFigure Bram18k { get; init; }
    public required ResourceFigure Uram { get; init; }
    public required ResourceFigure Lut { get; init; }
    public required ResourceFigure Ff { get; init; }
}
