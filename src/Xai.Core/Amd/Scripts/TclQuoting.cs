using System.Globalization;
using System.Text;

namespace Xai.Amd.Scripts;

/// <summary>
/// Turns any string into one Tcl word that evaluates to exactly that string, so that values from
/// project properties (paths, names, flags) can never end a command or run one. Plain words stay
/// readable; words with balanced braces and no backslash are brace-quoted (no substitution happens
/// inside braces); everything else is backslash-escaped character by character. The result is also
/// safe inside a braced script body (<c>catch {...}</c>): it never contains an unbalanced,
/// unescaped brace.
/// </summary>
public static class TclQuoting
{
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0)
        {
            return "{}";
        }

        if (value.All(IsPlain))
        {
            return value;
        }

        return CanBrace(value) ? "{" + value + "}" : Escape(value);
    }

    /// <summary>A Tcl <c>[list ...]</c> command whose result is a list of exactly these strings.</summary>
    public static string ListCommand(IEnumerable<string> values) =>
        "[list" + string.Concat(values.Select(v => " " + Quote(v))) + "]";

    // No Tcl metacharacter, no whitespace, and no '~' (Tcl 8.6 file commands expand a leading tilde).
    private static bool IsPlain(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '/' or ':' or '-' or '+' or '=' or ',' or '@' or '%';

    // Inside braces nothing is substituted except backslash-newline; braces must nest. Control
    // characters go to escape mode so that the script stays one command per line.
    private static bool CanBrace(string value)
    {
        var depth = 0;
        foreach (var c in value)
        {
            if (c == '\\' || char.IsControl(c))
            {
                return false;
            }

            if (c == '{')
            {
                depth++;
            }
            else if (c == '}' && --depth < 0)
            {
                return false;
            }
        }

        return depth == 0;
    }

    private static string Escape(string value)
    {
        var text = new StringBuilder(value.Length * 2);
        foreach (var c in value)
        {
            switch (c)
            {
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case '\\' or '[' or ']' or '{' or '}' or '$' or '"' or ';' or ' ' or '#' or '~':
                    text.Append('\\').Append(c);
                    break;
                default:
                    if (char.IsControl(c))
                    {
                        // \u takes at most four hex digits, so a following digit cannot be swallowed.
                        text.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        return text.ToString();
    }
}
