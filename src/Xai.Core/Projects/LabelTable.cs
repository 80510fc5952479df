using System.Globalization;
using Xai.Diagnostics;

namespace Xai.Projects;

/// <summary>Reads a labels CSV (<c>file,label[,...]</c>, header row first) into file name → class index.</summary>
public static class LabelTable
{
    public static IReadOnlyDictionary<string, int?> Load(string path)
    {
        var labels = new Dictionary<string, int?>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(path))
        {
            return labels;
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

            labels[Path.GetFileName(cells[fileColumn].Trim())] = label;
        }

        return labels;
    }
}
