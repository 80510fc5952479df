using System.Runtime.Serialization;

namespace Xai.Amd.Reports;

/// <summary>The vendor report kinds the SDK reads.</summary>
public enum ReportKind
{
    [EnumMember(Value = "csynth-xml")]
    CsynthXml,
    [EnumMember(Value = "csynth-text")]
    CsynthText,
    [EnumMember(Value = "cosim")]
    Cosim,
    [EnumMember(Value = "hls-export-text")]
    HlsExportText,
    [EnumMember(Value = "hls-export-xml")]
    HlsExportXml,
    [EnumMember(Value = "vivado-utilization")]
    VivadoUtilization,
    [EnumMember(Value = "vivado-timing-summary")]
    VivadoTimingSummary,
    [EnumMember(Value = "hls-log")]
    HlsLog,
}
