using Xai.Diagnostics;

namespace Xai.Amd.Toolchain;

/// <summary>Severity as AMD tools print it.</summary>
public enum VendorSeverity
{
    Info,
    Warning,
    CriticalWarning,
    Error,
}

/// <summary>
/// One message from a vendor log, e.g. <c>ERROR: [HLS 207-3776] use of undeclared identifier 'N' (top.cpp:42:7)</c>.
/// </summary>
/// <param name="Severity">As printed.</param>
/// <param name="Subsystem">The subsystem in brackets (<c>HLS</c>, <c>SIM</c>, <c>Synth</c>, <c>COSIM</c>), or
/// <c>compiler</c> for a GCC/Clang diagnostic in a C simulation build, or null when the line has no id.</param>
/// <param name="Id">Message id (<c>207-3776</c>, <c>8-439</c>, <c>4</c>), or null.</param>
/// <param name="Text">The message text without the prefix and without a trailing source location.</param>
/// <param name="SourceFile">Source file the message is about, when the tool named one.</param>
/// <param name="SourceLine">1-based line in <paramref name="SourceFile"/>, 0 when not given.</param>
/// <param name="SourceColumn">1-based column, 0 when not given.</param>
/// <param name="LogFile">The log the message was read from, when known.</param>
/// <param name="LogLine">1-based line of the message in the log.</param>
public sealed record VendorMessage(
    VendorSeverity Severity,
    string? Subsystem,
    string? Id,
    string Text,
    string? SourceFile,
    int SourceLine,
    int SourceColumn,
    string? LogFile,
    int LogLine)
{
    /// <summary>The vendor code as printed inside the brackets, e.g. <c>HLS 207-3776</c>.</summary>
    public string? VendorCode => Subsystem is null || Id is null ? null : $"{Subsystem} {Id}";

    /// <summary>
    /// As an SDK diagnostic (XAI5590 error, XAI5591 critical warning, XAI5592 warning), located at
    /// the source position when the tool gave one, else at the log line. Info messages have none.
    /// </summary>
    public XaiDiagnostic? ToDiagnostic()
    {
        var (code, severity) = Severity switch
        {
            VendorSeverity.Error => (DiagnosticCatalog.VendorError, DiagnosticSeverity.Error),
            VendorSeverity.CriticalWarning => (DiagnosticCatalog.VendorCriticalWarning, DiagnosticSeverity.Warning),
            VendorSeverity.Warning => (DiagnosticCatalog.VendorWarning, DiagnosticSeverity.Warning),
            _ => (null, DiagnosticSeverity.Warning),
        };
        if (code is null)
        {
            return null;
        }

        var prefix = VendorCode is null ? (Subsystem is null ? "" : $"{Subsystem}: ") : $"[{VendorCode}] ";
        var critical = Severity == VendorSeverity.CriticalWarning ? "critical warning: " : "";
        return SourceFile is not null
            ? new XaiDiagnostic(code, severity, critical + prefix + Text, SourceFile, SourceLine, SourceColumn)
            : new XaiDiagnostic(code, severity, critical + prefix + Text, LogFile, LogFile is null ? 0 : LogLine);
    }
}
