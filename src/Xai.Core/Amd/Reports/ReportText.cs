using System.Text;
using Xai.Diagnostics;
using Xai.IO;

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

    /// <summary>
    /// Largest report read: far above any real one (the largest real report in the fixtures, a routed
    /// timing summary, is 220 KB; a full HLS log of a big design a few MB), small enough that a stray
    /// multi-GB file is refused before it costs memory.
    /// </summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    /// <summary>Reads a report file. <paramref name="kind"/> names the expected report in messages.</summary>
    public static ReportText Load(string path, string kind)
    {
        var status = FileStatus.Of(path);
        switch (status.Kind)
        {
            case FileKind.Missing or FileKind.Directory:
                throw new XaiException(DiagnosticCatalog.ReportFileNotFound, $"{kind} not found.", path);
            case not FileKind.Regular:
                // A FIFO would wait for a writer forever, a device like /dev/zero never ends.
                throw new XaiException(DiagnosticCatalog.ReportNotRegularFile, $"{kind} is a {status.Kind.Describe()}, not a regular file; only regular files are read as reports.", path);
        }

        if (status.Size > MaxBytes)
        {
            throw TooLarge(path, kind, status.Size);
        }

        byte[] bytes;
        try
        {
            bytes = RegularFile.ReadAtMost(path, MaxBytes) ?? throw TooLarge(path, kind, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new XaiException(DiagnosticCatalog.ReportUnreadableFile, $"cannot read {kind}: {e.Message}", path, inner: e);
        }

        return FromBytes(bytes, path, kind);
    }

    /// <param name="size">The size stat gave, or null when the file grew past the cap while being read.</param>
    private static XaiException TooLarge(string path, string kind, long? size) =>
        new(
            DiagnosticCatalog.ReportFileTooLarge,
            $"{kind} {(size is { } s ? $"is {s / (1024.0 * 1024.0):0.0} MiB" : "grew while being read")}; reports are read up to {MaxBytes / (1024 * 1024)} MiB (vendor reports are far smaller), so this file is not read.",
            path);

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
