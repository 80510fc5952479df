namespace Xai.Diagnostics;

/// <summary>
/// Thrown by the core when input cannot be used. It always carries a coded
/// <see cref="XaiDiagnostic"/>; hosts (MSBuild tasks, cmdlets, the CLI) report that diagnostic
/// instead of a stack trace. Anything else escaping the core is a bug.
/// </summary>
public sealed class XaiException : Exception
{
    public XaiException(XaiDiagnostic diagnostic, Exception? inner = null)
        : base(diagnostic.Message, inner)
    {
        Diagnostic = diagnostic;
        Diagnostics = [diagnostic];
    }

    /// <summary>
    /// Several findings at once (e.g. every bad image of a build, not only the first), so the user
    /// fixes them in one round. <see cref="Diagnostic"/> is the first error; hosts report them all.
    /// </summary>
    public XaiException(IReadOnlyList<XaiDiagnostic> diagnostics)
        : this(diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error) ?? throw new ArgumentException("At least one error is needed.", nameof(diagnostics)))
    {
        Diagnostics = diagnostics;
    }

    public XaiException(string code, string message, string? file = null, int line = 0, Exception? inner = null)
        : this(XaiDiagnostic.Error(code, message, file, line), inner)
    {
    }

    public XaiDiagnostic Diagnostic { get; }

    /// <summary>Every finding this exception carries, <see cref="Diagnostic"/> among them.</summary>
    public IReadOnlyList<XaiDiagnostic> Diagnostics { get; }

    public string Code => Diagnostic.Code;

    public override string ToString() => Diagnostic.ToString();
}
