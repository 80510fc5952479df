using System.Text;
using Xai.Diagnostics;

namespace Xai.Amd.Reports;

/// <summary>
/// The text of one report file, split into lines, with the name used in diagnostics. Loading
/// rejects missing, empty and binary files with coded errors, so the format parsers only ever see text.
/// </summary>
public sealed class ReportText
{
    private ReportText(string source, string text)
    {
        Source = source;
        Text = text;
        // Reports come from Windows and Linux hosts alike: accept CRLF and LF.
        Lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
    }

    /// <summary>Path (or other name) reported in diagnostics.</summary>
    public string Source { get; }

    public string Text { get; }

    /// <summary>Lines without terminators; index 0 is line 1.</summary>
    public IReadOnlyList<string> Lines { get; }

    /// <summary>Reads a report file. <paramref name="kind"/> names the expected report in messages.</summary>
    public static ReportText Load(string path, string kind)
    {
        if (!File.Exists(path))
        {
            throw new XaiException(DiagnosticCatalog.ReportFileNotFound, $"{kind} not found.", path);
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new XaiException(DiagnosticCatalog.ReportUnreadableFile, $"cannot read {kind}: {e.Message}", path, inner: e);
        }

        return FromBytes(bytes, path, kind);
    }

    /// <summary>Decodes report bytes (UTF-8, invalid sequences replaced) and checks they are text.</summary>
    public static ReportText FromBytes(byte[] bytes, string source, string kind)
    {
        // Vendor reports are ASCII/UTF-8; a lenient decoder keeps one odd byte from hiding the rest.
        var text = new UTF8Encoding(false, false).GetString(bytes);
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        return FromString(text, source, kind);
    }

    /// <summary>Wraps text already in memory (tests, other hosts).</summary>
    public static ReportText FromString(string text, string source, string kind)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new XaiException(DiagnosticCatalog.ReportEmptyFile, $"{kind} is empty; expected the text the vendor tool writes.", source);
        }

        var line = 1;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                line++;
            }
            else if (char.IsControl(c) && c != '\r' && c != '\t' && c != '\f')
            {
                throw new XaiException(
                    DiagnosticCatalog.ReportBinaryFile,
                    $"{kind} contains binary data (control character U+{(int)c:X4}); expected a text report.",
                    source,
                    line);
            }
        }

        return new ReportText(source, text);
    }

    /// <summary>Index of the first line at or after <paramref name="start"/> that satisfies <paramref name="match"/>, or -1.</summary>
    public int FindLine(Func<string, bool> match, int start = 0)
    {
        for (var i = Math.Max(start, 0); i < Lines.Count; i++)
        {
            if (match(Lines[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A coded error located at a 0-based line index (-1 = whole file).</summary>
    public XaiException Error(string code, string message, int lineIndex = -1) =>
        new(code, message, Source, lineIndex >= 0 ? lineIndex + 1 : 0);
}
