using System.Management.Automation;
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

    // Ranges as README's diagnostics table gives them; board access (71xx–74xx) by its sub-ranges.
    internal static ErrorCategory CategoryOf(string code) =>
        int.TryParse(code.AsSpan(3), out var n)
            ? n switch
            {
                >= 5100 and < 5200 => ErrorCategory.InvalidData,
                >= 6000 and < 7000 => ErrorCategory.InvalidData,
                >= 7100 and < 7200 => ErrorCategory.ConnectionError,
                >= 7200 and < 7300 => ErrorCategory.SecurityError,
                >= 7300 and < 7400 => ErrorCategory.InvalidData,
                >= 7400 and < 7500 => ErrorCategory.InvalidResult,
                _ => ErrorCategory.InvalidOperation,
            }
            : ErrorCategory.NotSpecified;

    private static ErrorRecord Record(Exception e, string id, ErrorCategory category, object? target, string message) =>
        new(e, id, category, target) { ErrorDetails = new ErrorDetails(message) };
}
