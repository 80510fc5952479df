namespace Xai.Diagnostics;

/// <summary>Severity of a <see cref="XaiDiagnostic"/>; maps onto MSBuild errors/warnings and PowerShell error records.</summary>
public enum DiagnosticSeverity
{
    Warning,
    Error,
}

/// <summary>
/// One coded finding about the user's input or a tool run, in the shape MSBuild prints
/// (<c>file(line,col): error XAI1001: message</c>). The code is stable across releases so that
/// users can search for it and suppress warnings by it.
/// </summary>
/// <param name="Code">Stable code from <see cref="DiagnosticCatalog"/>, <c>XAI</c> and four digits. Ranges: 1xxx project and
/// properties, 2xxx model import, 3xxx planning, code generation and C simulation, 4xxx images,
/// 5xxx vendor tools and their reports, 6xxx boards.</param>
/// <param name="Severity">Error stops the stage; warning does not.</param>
/// <param name="Message">What is wrong, naming the field and what is allowed.</param>
/// <param name="File">The file the finding is about, when there is one.</param>
/// <param name="Line">1-based line in <paramref name="File"/>, or 0 when unknown.</param>
/// <param name="Column">1-based column, or 0 when unknown.</param>
public sealed record XaiDiagnostic(
    string Code,
    DiagnosticSeverity Severity,
    string Message,
    string? File = null,
    int Line = 0,
    int Column = 0)
{
    public static XaiDiagnostic Error(string code, string message, string? file = null, int line = 0, int column = 0) =>
        new(code, DiagnosticSeverity.Error, message, file, line, column);

    public static XaiDiagnostic Warning(string code, string message, string? file = null, int line = 0, int column = 0) =>
        new(code, DiagnosticSeverity.Warning, message, file, line, column);

    /// <summary>MSBuild canonical form, so tools and humans read it the same way.</summary>
    public override string ToString()
    {
        var location = File is null ? "" : Line > 0 ? $"{File}({Line},{Math.Max(Column, 1)}): " : $"{File}: ";
        var kind = Severity == DiagnosticSeverity.Error ? "error" : "warning";
        return $"{location}{kind} {Code}: {Message}";
    }
}
