using System.Runtime.Serialization;

namespace Xai.Amd.Reports;

/// <summary>Severity word that starts an AMD tool message line.</summary>
public enum ToolMessageSeverity
{
    [EnumMember(Value = "INFO")]
    Info,
    [EnumMember(Value = "WARNING")]
    Warning,
    [EnumMember(Value = "CRITICAL WARNING")]
    CriticalWarning,
    /// <summary><c>ERROR</c>, or <c>ERR</c> in old per-step csim logs.</summary>
    [EnumMember(Value = "ERROR")]
    Error,
}
