namespace Xai.Reporting.Model;

/// <summary>Bits one method keeps between the forward and the backward pass.</summary>
public sealed record MethodMemory(long PoolIndexBits, long ReluMaskBits, long DesignBits, long FullMaskBits);
