namespace Xai.Amd.Reports;

/// <summary>Timing closure: worst setup slack (WNS), total negative slack, worst hold slack, and the verdict.</summary>
/// <param name="WnsNs">Worst negative setup slack in ns (negative = failing).</param>
/// <param name="TnsNs">Total negative setup slack in ns.</param>
/// <param name="WhsNs">Worst hold slack in ns.</param>
/// <param name="Met">Whether all timing constraints are met.</param>
public sealed record HardwareTiming(double? WnsNs, double? TnsNs, double? WhsNs, bool? Met);
