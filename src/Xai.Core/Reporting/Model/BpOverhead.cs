using Newtonsoft.Json;

namespace Xai.Reporting.Model;

/// <summary>FP+BP minus FP (paper Table IV's comparison); each part only when both tops count it the same way.</summary>
public sealed record BpOverhead
{
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public ResourceOverhead? Resources { get; init; }

    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public LatencyOverhead? Latency { get; init; }

    /// <summary>FP+BP minus FP, per resource and for the latency; null unless both reports are this design's and one part counts the same way.</summary>
    public static BpOverhead? Between(HardwareTopRecord? fp, HardwareTopRecord? fpbp)
    {
        if (fp is not { MatchesDesign: true, Report: { } a } || fpbp is not { MatchesDesign: true, Report: { } b })
        {
            return null;
        }

        ResourceOverhead? resources = null;
        if (a.Resources is { } ra && b.Resources is { } rb && ra.Stage == rb.Stage)
        {
            static OverheadFigure? Figure(long? x, long? y) => x is { } fpValue && y is { } fpbpValue ? OverheadFigure.Between(fpValue, fpbpValue) : null;
            resources = new ResourceOverhead
            {
                Basis = ra.Stage,
                Lut = Figure(ra.Used.Lut, rb.Used.Lut),
                Ff = Figure(ra.Used.Ff, rb.Used.Ff),
                Bram18k = Figure(ra.Used.Bram18K, rb.Used.Bram18K),
                Dsp = Figure(ra.Used.Dsp, rb.Used.Dsp),
                Uram = Figure(ra.Used.Uram, rb.Used.Uram),
            };
        }

        LatencyOverhead? latency = null;
        if (a.Latency is { } la && b.Latency is { } lb && la.Basis == lb.Basis)
        {
            static OverheadFigure? Figure(double? x, double? y) => x is { } fpValue && y is { } fpbpValue ? OverheadFigure.Between(fpValue, fpbpValue) : null;
            latency = new LatencyOverhead
            {
                Basis = la.Basis,
                MaxCycles = Figure(la.MaxCycles, lb.MaxCycles),
                AvgCycles = Figure(la.AvgCycles, lb.AvgCycles),
                MaxMs = Figure(la.MaxMs, lb.MaxMs),
                AvgMs = Figure(la.AvgMs, lb.AvgMs),
            };
        }

        return resources is null && latency is null ? null : new BpOverhead { Resources = resources, Latency = latency };
    }
}
