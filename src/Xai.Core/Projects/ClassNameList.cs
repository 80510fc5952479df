using Xai.Diagnostics;

namespace Xai.Projects;

/// <summary>The class names file (<c>XaiClassNamesFile</c>): one name per line, in class-index order.</summary>
public static class ClassNameList
{
    /// <summary>
    /// The names (blank lines skipped), or none when <paramref name="path"/> is empty. A missing
    /// file is error XAI1103. A count other than the network's classes is error XAI1108, not a
    /// warning: names are matched to classes by position, so with a line too many or too few the
    /// report would show predictions under another class's name.
    /// </summary>
    public static IReadOnlyList<string> Load(string path, int classes)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return [];
        }

        if (!File.Exists(path))
        {
            throw new XaiException(DiagnosticCatalog.ClassNamesFileMissing, $"Class names file '{path}' does not exist (property XaiClassNamesFile); give a text file with one class name per line or leave the property empty.", path);
        }

        var names = File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (names.Count != classes)
        {
            throw new XaiException(DiagnosticCatalog.ClassNamesCountMismatch, $"Class names file has {names.Count} names (non-blank lines), but the network has {classes} classes; give exactly one name per class, in class-index order (property XaiClassNamesFile).", path);
        }

        return names;
    }
}
