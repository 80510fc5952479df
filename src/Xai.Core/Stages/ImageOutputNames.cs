using Xai.Diagnostics;

namespace Xai.Stages;

/// <summary>
/// The name each project image's results take under relevance/ and heatmaps/: its file name
/// without extension, or, when images in different folders share that name, its path relative to
/// the folder they have in common (<c>a/cat</c>, <c>b/cat</c>), so that no image's maps overwrite
/// another's. Names compare without regard to case, as they would on a case-insensitive disk.
/// </summary>
public static class ImageOutputNames
{
    /// <param name="paths">Full paths of the images, in project order.</param>
    /// <returns>One name per path, in the same order, with '/' between folders.</returns>
    public static IReadOnlyList<string> For(IReadOnlyList<string> paths, string projectFile)
    {
        var twice = paths.GroupBy(Path.GetFullPath, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new XaiException(DiagnosticCatalog.DuplicateImage, $"Image '{twice.Key}' is listed more than once in the XaiImage items; list each image once.", projectFile);
        }

        var names = paths.Select(p => Path.GetFileNameWithoutExtension(p)).ToArray();
        foreach (var group in Enumerable.Range(0, paths.Count).GroupBy(i => names[i], StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            var common = CommonDirectory(group.Select(i => Path.GetDirectoryName(Path.GetFullPath(paths[i]))!));
            foreach (var i in group)
            {
                var relative = Path.GetRelativePath(common, Path.GetFullPath(paths[i]));
                names[i] = Path.ChangeExtension(relative, null)!.Replace('\\', '/');
            }
        }

        // Two paths differing only in case name the same results on a case-insensitive disk.
        var clash = names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
        {
            throw new XaiException(DiagnosticCatalog.DuplicateImage, $"Images {string.Join(" and ", paths.Where((_, i) => string.Equals(names[i], clash.Key, StringComparison.OrdinalIgnoreCase)).Select(p => $"'{p}'"))} differ only in letter case; their results would overwrite each other. Rename one.", projectFile);
        }

        return names;
    }

    private static string CommonDirectory(IEnumerable<string> directories)
    {
        var split = directories.Select(d => d.TrimEnd(Path.DirectorySeparatorChar).Split(Path.DirectorySeparatorChar)).ToList();
        var length = 0;
        while (split.All(s => s.Length > length && s[length] == split[0][length]))
        {
            length++;
        }

        var common = string.Join(Path.DirectorySeparatorChar, split[0].Take(length));
        return common.Length == 0 ? Path.DirectorySeparatorChar.ToString() : common;
    }
}
