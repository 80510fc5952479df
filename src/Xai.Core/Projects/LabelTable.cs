using System.Globalization;
using Xai.Diagnostics;

namespace Xai.Projects;

/// <summary>
/// A labels CSV (<c>file,label[,...]</c>, header row first): image file name → true class. Rows
/// are keyed by file name, as images are looked up by theirs.
/// </summary>
public sealed class LabelTable
{
    /// <summary>One row: the class and the 1-based line it came from, for messages.</summary>
    public sealed record Row(string File, int Label, int Line);

    private readonly Dictionary<string, Row> _rows;

    private LabelTable(string path, Dictionary<string, Row> rows)
    {
        Path = path;
        _rows = rows;
    }

    public string Path { get; }

    public static LabelTable Empty { get; } = new("", new Dictionary<string, Row>(StringComparer.Ordinal));

    /// <summary>
    /// Reads the file. A file name listed twice with different labels is error XAI1104 (which is
    /// true cannot be known, and either choice would change the accuracy); listed twice with the
    /// same label it is warning XAI1105 (nothing changes, but the file is not what its author
    /// thinks). All such rows are reported, then the errors stop the build.
    /// </summary>
    public static LabelTable Load(string path, Action<XaiDiagnostic> report)
    {
        var rows = new Dictionary<string, Row>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(path))
        {
            return Empty;
        }

        if (!File.Exists(path))
        {
            throw new XaiException(DiagnosticCatalog.BadLabelsFile, $"Labels file '{path}' does not exist (property XaiLabelsFile).", path);
        }

        var lines = File.ReadAllLines(path);
        var header = lines.FirstOrDefault()?.Split(',').Select(h => h.Trim().ToLowerInvariant()).ToList() ?? [];
        var fileColumn = header.IndexOf("file");
        var labelColumn = header.IndexOf("label");
        if (fileColumn < 0 || labelColumn < 0)
        {
            throw new XaiException(DiagnosticCatalog.BadLabelsFile, "Labels file needs a header row with columns 'file' and 'label'.", path, 1);
        }

        var errors = new List<XaiDiagnostic>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            var cells = lines[i].Split(',');
            if (cells.Length <= Math.Max(fileColumn, labelColumn) || !int.TryParse(cells[labelColumn].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var label))
            {
                throw new XaiException(DiagnosticCatalog.BadLabelsFile, $"Labels file line {i + 1} is not 'file,label' with a class index.", path, i + 1);
            }

            var file = System.IO.Path.GetFileName(cells[fileColumn].Trim());
            var row = new Row(file, label, i + 1);
            if (rows.TryGetValue(file, out var earlier))
            {
                if (earlier.Label != label)
                {
                    errors.Add(XaiDiagnostic.Error(DiagnosticCatalog.LabelsConflict, $"Labels file lists image '{file}' twice with different labels: {earlier.Label} on line {earlier.Line}, {label} on line {row.Line}; keep one row per image.", path, row.Line));
                }
                else
                {
                    report(XaiDiagnostic.Warning(DiagnosticCatalog.LabelsDuplicateRow, $"Labels file lists image '{file}' twice (lines {earlier.Line} and {row.Line}, both label {label}); keep one row per image.", path, row.Line));
                }

                continue;
            }

            rows[file] = row;
        }

        return errors.Count > 0 ? throw new XaiException(errors) : new LabelTable(path, rows);
    }

    /// <summary>The row for an image, by its file name.</summary>
    public Row? Find(string imagePath) => _rows.GetValueOrDefault(System.IO.Path.GetFileName(imagePath));

    /// <summary>
    /// Warning XAI1106 for rows that name none of the project's images: most often a typo, which
    /// leaves that image unlabelled and out of the accuracy. A warning, not an error, because one
    /// labels file may rightly cover a whole data set of which the project takes a few images.
    /// </summary>
    public XaiDiagnostic? UnknownRows(IEnumerable<string> imagePaths)
    {
        var names = imagePaths.Select(System.IO.Path.GetFileName).ToHashSet(StringComparer.Ordinal);
        var unknown = _rows.Values.Where(r => !names.Contains(r.File)).OrderBy(r => r.Line).ToList();
        if (unknown.Count == 0)
        {
            return null;
        }

        var listed = string.Join(", ", unknown.Take(5).Select(r => $"'{r.File}' (line {r.Line})"));
        return XaiDiagnostic.Warning(
            DiagnosticCatalog.LabelsUnknownRows,
            $"Labels file has {unknown.Count} row{(unknown.Count == 1 ? "" : "s")} naming no XaiImage of the project: {listed}{(unknown.Count > 5 ? ", ..." : "")}. Those labels are not used; check the file names if an image was meant.",
            Path,
            unknown[0].Line);
    }
}
