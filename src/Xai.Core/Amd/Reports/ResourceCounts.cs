using Newtonsoft.Json;

namespace Xai.Amd.Reports;

/// <summary>
/// FPGA resources in the units HLS uses: LUTs, flip-flops, 18 Kb block RAMs, DSP slices, UltraRAMs.
/// Vivado counts block RAM in 36 Kb tiles; those are converted (one tile = two BRAM_18K). Null means the
/// report did not give the number (e.g. no URAM row on a device without UltraRAM).
/// </summary>
public sealed record ResourceCounts(
    [property: JsonProperty("lut")] long? Lut,
    [property: JsonProperty("ff")] long? Ff,
    [property: JsonProperty("bram18k")] long? Bram18K,
    [property: JsonProperty("dsp")] long? Dsp,
    [property: JsonProperty("uram")] long? Uram);
