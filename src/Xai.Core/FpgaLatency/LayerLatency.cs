namespace Xai.FpgaLatency;

/// <summary>One layer's modelled cycles in each pass (<see cref="EngineCycleModel"/>).</summary>
public sealed record LayerLatency(string Name, string Kind, CycleCount Forward, CycleCount Backward);
