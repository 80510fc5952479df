namespace Xai.Diagnostics;

/// <summary>One code of the <see cref="DiagnosticCatalog"/>: its constant's name, the code and what the user reads about it.</summary>
public sealed record DiagnosticEntry(string Name, string Code, CatalogSeverity Severity, string Title, string Help);
