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
    }

    public XaiException(string code, string message, string? file = null, int line = 0, Exception? inner = null)
        : this(XaiDiagnostic.Error(code, message, file, line), inner)
    {
    }

    public XaiDiagnostic Diagnostic { get; }

    public string Code => Diagnostic.Code;

    public override string ToString() => Diagnostic.ToString();
}
