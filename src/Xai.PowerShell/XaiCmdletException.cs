using System.Management.Automation;

namespace Xai.PowerShell;

/// <summary>A cmdlet-level error (ids from the 70xx and 75xx ranges of <see cref="Xai.Diagnostics.DiagnosticCatalog"/>) with its PowerShell category and target.</summary>
public sealed class XaiCmdletException(string errorId, string message, ErrorCategory category, object? target)
    : Exception(message)
{
    public string ErrorId { get; } = errorId;

    public ErrorCategory Category { get; } = category;

    public object? Target { get; } = target;
}
