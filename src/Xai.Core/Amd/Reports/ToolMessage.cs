namespace Xai.Amd.Reports;

/// <summary>
/// One <c>SEVERITY: [Subsystem facility-id] text</c> line of an HLS or Vivado log,
/// e.g. <c>ERROR: [SIM 211-100] CSim file generation failed: compilation error(s).</c>
/// </summary>
/// <param name="Severity">INFO, WARNING, CRITICAL WARNING or ERROR.</param>
/// <param name="Subsystem">Tool part that spoke: HLS, SIM, COSIM, SYN…</param>
/// <param name="Id">Message id as printed: <c>211-100</c>, or <c>1</c> in per-step logs that omit the facility.</param>
/// <param name="Text">Message text after the tag.</param>
/// <param name="Line">1-based line in the log.</param>
public sealed record ToolMessage(ToolMessageSeverity Severity, string Subsystem, string Id, string Text, int Line)
{
    /// <summary>The tag as the tool prints it, e.g. <c>SIM 211-100</c>.</summary>
    [Newtonsoft.Json.JsonIgnore]
    public string Tag => $"{Subsystem} {Id}";
}
