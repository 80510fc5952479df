namespace Xai.FpgaLatency;

/// <summary>One loop of hls-lib as the cycle model counts it: its label in the source, its trips and its cycles (entry, fill and DRAM latency included).</summary>
public sealed record ModelLoop(string Name, long Trips, long Cycles);
