namespace Xai.FpgaResources;

/// <summary>
/// What the accelerator is modelled to use on the part, before any vendor tool ran: DSP and
/// BRAM_18K counted from the design, URAM (none is bound), LUT and FF from a linear model fitted
/// to the paper's Table IV (<see cref="ResourceModel"/> says how each is obtained).
/// </summary>
public sealed record ResourceEstimate(int Dsp, int Bram18K, int Uram, int Lut, int Ff);
