using System.Management.Automation;
using Xai.Deployment;
using Xai.Diagnostics;

namespace Xai.PowerShell;

/// <summary>
/// Turns what the core and the cmdlets throw into ErrorRecords whose FullyQualifiedErrorId starts
/// with the stable XAInnnn code, so scripts can catch by id: <c>$_.FullyQualifiedErrorId -like 'XAI7001*'</c>.
/// </summary>
internal static class XaiErrorRecord
{
    public static ErrorRecord From(Exception exception, object? target) => exception switch
    {
        XaiCmdletException e => Record(e, e.ErrorId, e.Category, e.Target ?? target, e.Message),
        XaiException e => Record(e, e.Code, CategoryOf(e.Code), e.Diagnostic.File ?? target, e.Diagnostic.ToString()),
        OperationCanceledException e => Record(e, DiagnosticCatalog.CmdletStopped, ErrorCategory.OperationStopped, target, "Stopped by the user."),
        _ => Record(exception, DiagnosticCatalog.CmdletUnexpected, ErrorCategory.NotSpecified, target,
            $"Unexpected {exception.GetType().Name}: {exception.Message} (a bug in Xai; please report it with this message)."),
    };

    // Board access codes (71xx-74xx) one by one; the other core ranges by range.
    internal static ErrorCategory CategoryOf(string code) => code switch
    {
        DiagnosticCatalog.HostKeyUnknown or DiagnosticCatalog.HostKeyMismatch => ErrorCategory.SecurityError,
        DiagnosticCatalog.KeyRejected => ErrorCategory.AuthenticationError,
        DiagnosticCatalog.Unreachable or DiagnosticCatalog.SshFailure => ErrorCategory.ConnectionError,
        DiagnosticCatalog.KeyFileUnusable or DiagnosticCatalog.EndpointInvalid => ErrorCategory.InvalidArgument,
        DiagnosticCatalog.ArchitectureMismatch or DiagnosticCatalog.DeviceTreeMismatch or DiagnosticCatalog.BoardProbeFailed => ErrorCategory.DeviceError,
        DiagnosticCatalog.BuildOutputMissing or DiagnosticCatalog.BitstreamMissing or DiagnosticCatalog.HwhMissing or DiagnosticCatalog.RunnerMissing => ErrorCategory.ObjectNotFound,
        DiagnosticCatalog.BitstreamHeaderInvalid or DiagnosticCatalog.HwhInvalid => ErrorCategory.InvalidData,
        DiagnosticCatalog.PartMismatch or DiagnosticCatalog.HwhPartMismatch => ErrorCategory.InvalidArgument,
        DiagnosticCatalog.CopyFailed => ErrorCategory.WriteError,
        DiagnosticCatalog.ChecksumMismatch or DiagnosticCatalog.RunnerFailed or DiagnosticCatalog.RunnerOutputInvalid => ErrorCategory.InvalidResult,
        DiagnosticCatalog.LoadFailed => ErrorCategory.DeviceError,
        DiagnosticCatalog.NoOverlayInstalled or DiagnosticCatalog.ImagesMissing => ErrorCategory.ObjectNotFound,
        DiagnosticCatalog.JtagUnavailable or DiagnosticCatalog.BackendUnavailable => ErrorCategory.NotInstalled,
        _ when code.StartsWith("XAI5", StringComparison.Ordinal) || code.StartsWith("XAI6", StringComparison.Ordinal) => ErrorCategory.InvalidData,
        _ => ErrorCategory.InvalidOperation,
    };

    private static ErrorRecord Record(Exception e, string id, ErrorCategory category, object? target, string message) =>
        new(e, id, category, target) { ErrorDetails = new ErrorDetails(message) };
}
