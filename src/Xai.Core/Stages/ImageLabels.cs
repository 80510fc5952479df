using System.Globalization;
using Xai.Diagnostics;
using Xai.Projects;

namespace Xai.Stages;

/// <summary>
/// The true class of each image the C simulation runs: the item's own class metadata when it has
/// one, else its file name's row in the labels file (XaiLabelsFile), else none.
/// </summary>
public static class ImageLabels
{
    /// <summary>One XaiImage item as the host gives it.</summary>
    /// <param name="Path">Full path of the image.</param>
    /// <param name="ItemSpec">The item as written in the project, for messages.</param>
    /// <param name="ClassText">The item's class metadata (<c>TrueClass</c> or <c>Label</c>), empty when it has none.</param>
    public sealed record ImageItem(string Path, string ItemSpec, string ClassText);

    /// <param name="report">Receives the labels file's warnings (XAI1105 duplicate rows, XAI1106 rows naming no image).</param>
    /// <exception cref="XaiException">XAI4013 for class metadata that is not a class index; XAI4014 for a bad labels file; XAI1104 for conflicting rows.</exception>
    public static List<CSimStage.LabeledImage> Resolve(IEnumerable<ImageItem> items, string labelsFile, string projectFile, Action<XaiDiagnostic> report)
    {
        var labels = LabelTable.Load(labelsFile, report);
        var images = items.Select(i =>
        {
            if (i.ClassText.Length == 0)
            {
                return labels.Find(i.Path) is { } row
                    ? new CSimStage.LabeledImage(i.Path, row.Label, $"{labelsFile} line {row.Line}")
                    : new CSimStage.LabeledImage(i.Path, null);
            }

            return int.TryParse(i.ClassText, NumberStyles.None, CultureInfo.InvariantCulture, out var label)
                ? new CSimStage.LabeledImage(i.Path, label, "item metadata")
                : throw new XaiException(DiagnosticCatalog.BadImageLabel, $"Item metadata 'TrueClass' (or 'Label') of image '{i.ItemSpec}' is '{i.ClassText}'; expected a class index.", projectFile);
        }).ToList();
        if (labels.UnknownRows(images.Select(i => i.Path)) is { } unknown)
        {
            report(unknown);
        }

        return images;
    }
}
