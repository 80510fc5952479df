namespace Xai.Amd.Reports;

/// <summary>Used and available resources and the stage of the flow that counted them.</summary>
/// <param name="Stage"><c>hls-estimate</c>, <c>hls-export-synthesis</c>, <c>hls-export-implementation</c>,
/// <c>vivado-synthesized</c>, <c>vivado-placed</c> or <c>vivado-routed</c>.</param>
/// <param name="Scope">What was counted: the HLS top module (<c>hls-top</c>) or the whole Vivado design (<c>design</c>).</param>
/// <param name="Used">Resources used.</param>
/// <param name="Available">Resources the device offers.</param>
public sealed record HardwareResources(string Stage, string Scope, ResourceCounts Used, ResourceCounts Available);
