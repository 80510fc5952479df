namespace Xai.Diagnostics;

/// <summary>How a catalogued code is reported: some codes are a warning in one situation and an error in another.</summary>
public enum CatalogSeverity
{
    Error,
    Warning,

    /// <summary>A warning when the build can go on without the thing (e.g. a skipped stage), an error when it was asked for.</summary>
    ErrorOrWarning,
}
