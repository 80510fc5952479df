namespace Xai.Slurm;

/// <summary>
/// One word for a POSIX shell: the value in single quotes, each <c>'</c> written as <c>'\''</c>. Inside
/// single quotes the shell expands nothing (no <c>$</c>, backquote, glob or escape), so any value the
/// build passes (a path, an argument) stays one literal word and never becomes a command.
/// </summary>
public static class ShellWord
{
    public static string Quote(string value)
    {
        if (value.Contains('\0'))
        {
            throw new ArgumentException("A shell word cannot hold a NUL character.", nameof(value));
        }

        return "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }
}
