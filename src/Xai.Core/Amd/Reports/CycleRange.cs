namespace Xai.Amd.Reports;

/// <summary>
/// A count of clock cycles as the tools give it: best/average/worst case (csynth) or
/// min/avg/max over transactions (cosim). A null member means the tool printed <c>undef</c>, <c>?</c> or <c>NA</c>.
/// </summary>
public sealed record CycleRange(long? Min, long? Avg, long? Max)
{
    public static CycleRange Unknown { get; } = new(null, null, null);

    [Newtonsoft.Json.JsonIgnore]
    public bool IsKnown => Min.HasValue || Avg.HasValue || Max.HasValue;
}
