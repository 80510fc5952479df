namespace Xai.Amd.Reports;

/// <summary>
/// One RTL module of the synthesised hierarchy as listed under <c>/profile/ModuleInformation</c>
/// (Vitis HLS 2020.2 and later; older tools write one <c>&lt;module&gt;_csynth.xml</c> per module instead).
/// </summary>
/// <param name="Name">RTL module name (the top appears in the list too).</param>
/// <param name="Latency">Best/average/worst-case latency in cycles.</param>
/// <param name="InitiationInterval">Cycles between starts (<c>PipelineInitiationInterval</c>) as min and max (a
/// data-dependent interval is printed <c>42 ~ 105</c>; <see cref="CycleRange.Avg"/> is always null), when given.</param>
/// <param name="PipelineType"><c>no</c>, <c>yes</c>, <c>dataflow</c>… as the tool prints it.</param>
/// <param name="Resources">Estimated resources of this module including its sub-modules.</param>
/// <param name="Loops">The module's loops (<c>SummaryOfLoopLatency</c>), outer before inner; empty when it lists none.</param>
public sealed record CsynthModule(
    string Name,
    CycleRange Latency,
    CycleRange? InitiationInterval,
    string? PipelineType,
    ResourceCounts Resources,
    IReadOnlyList<CsynthLoop>? Loops = null);
