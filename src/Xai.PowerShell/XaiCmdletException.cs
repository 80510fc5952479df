using System.Management.Automation;

namespace Xai.PowerShell;

/// <summary>A cmdlet-level error (ids from the XAI7000-XAI7099 and XAI7500-XAI7599 ranges of <see cref="Xai.Diagnostics.DiagnosticCatalog"/>) with its PowerShell category and target.</summary>
public sealed class XaiCmdletException(string errorId, string message, ErrorCategory category, object? target)
    : Exception(message)
{
    public string ErrorId { get; } = errorId;

    public ErrorCategory Category { get; } = category;

    public object? Target { get; } = target;
}
