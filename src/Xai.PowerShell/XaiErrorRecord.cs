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
        OperationCanceledException e => Record(e, CmdletErrorIds.Stopped, ErrorCategory.OperationStopped, target, "Stopped by the user."),
        _ => Record(exception, CmdletErrorIds.Unexpected, ErrorCategory.NotSpecified, target,
            $"Unexpected {exception.GetType().Name}: {exception.Message} (a bug in Xai; please report it with this message)."),
    };

    // Board access codes one by one (DeploymentCodes); the other core ranges by range.
    internal static ErrorCategory CategoryOf(string code) => code switch
    {
        DeploymentCodes.HostKeyUnknown or DeploymentCodes.HostKeyMismatch => ErrorCategory.SecurityError,
        DeploymentCodes.KeyRejected => ErrorCategory.AuthenticationError,
        DeploymentCodes.Unreachable or DeploymentCodes.SshFailure => ErrorCategory.ConnectionError,
        DeploymentCodes.KeyFileUnusable or DeploymentCodes.EndpointInvalid => ErrorCategory.InvalidArgument,
        DeploymentCodes.ArchitectureMismatch or DeploymentCodes.DeviceTreeMismatch or DeploymentCodes.BoardProbeFailed => ErrorCategory.DeviceError,
        DeploymentCodes.BuildOutputMissing or DeploymentCodes.BitstreamMissing or DeploymentCodes.HwhMissing or DeploymentCodes.RunnerMissing => ErrorCategory.ObjectNotFound,
        DeploymentCodes.BitstreamHeaderInvalid or DeploymentCodes.HwhInvalid => ErrorCategory.InvalidData,
        DeploymentCodes.PartMismatch or DeploymentCodes.HwhPartMismatch => ErrorCategory.InvalidArgument,
        DeploymentCodes.CopyFailed => ErrorCategory.WriteError,
        DeploymentCodes.ChecksumMismatch or DeploymentCodes.RunnerFailed or DeploymentCodes.RunnerOutputInvalid => ErrorCategory.InvalidResult,
        DeploymentCodes.LoadFailed => ErrorCategory.DeviceError,
        DeploymentCodes.NoOverlayInstalled or DeploymentCodes.ImagesMissing => ErrorCategory.ObjectNotFound,
        DeploymentCodes.JtagUnavailable or DeploymentCodes.BackendUnavailable => ErrorCategory.NotInstalled,
        _ when code.StartsWith("XAI5", StringComparison.Ordinal) || code.StartsWith("XAI6", StringComparison.Ordinal) => ErrorCategory.InvalidData,
        _ => ErrorCategory.InvalidOperation,
    };

    private static ErrorRecord Record(Exception e, string id, ErrorCategory category, object? target, string message) =>
        new(e, id, category, target) { ErrorDetails = new ErrorDetails(message) };
}
