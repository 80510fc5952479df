namespace Xai.Diagnostics;

/// <summary>Marks a <see cref="DiagnosticCatalog"/> constant with what the user reads about its code.</summary>
/// <param name="severity">How the code is reported.</param>
/// <param name="title">A few words saying what went wrong.</param>
/// <param name="help">What to do about it.</param>
[AttributeUsage(AttributeTargets.Field, AllowMultiple = false)]
public sealed class DiagnosticAttribute(CatalogSeverity severity, string title, string help) : Attribute
{
    public CatalogSeverity Severity { get; } = severity;

    public string Title { get; } = title;

    public string Help { get; } = help;
}
