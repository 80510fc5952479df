using Xai.Diagnostics;
using Xai.Stages;

namespace Xai.Core.Tests.Stages;

/// <summary>Where an image's true class comes from (a rule that used to live in the CSim task).</summary>
public sealed class ImageLabelsTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "xai-labels-" + Guid.NewGuid().ToString("N")[..10]);

    public ImageLabelsTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Item_metadata_overrides_the_labels_file_which_gives_the_rest()
    {
        var labels = Path.Combine(_dir, "labels.csv");
        File.WriteAllText(labels, "file,label\na.png,4\nb.png,7\n");
        var warnings = new List<XaiDiagnostic>();
        var images = ImageLabels.Resolve(
            [new(Path.Combine(_dir, "a.png"), "a.png", ""), new(Path.Combine(_dir, "b.png"), "b.png", "2"), new(Path.Combine(_dir, "c.png"), "c.png", "")],
            labels,
            "p.xaiproj",
            warnings.Add);

        Assert.Equal<int?>([4, 2, null], images.Select(i => i.Label));
        Assert.Equal(Path.Combine(_dir, "b.png"), images[1].Path);
        Assert.Equal([$"{labels} line 2", "item metadata", null], images.Select(i => i.LabelSource));
        Assert.Empty(warnings);
    }

    [Fact]
    public void Labels_file_rows_naming_no_image_are_reported_as_XAI1106()
    {
        var labels = Path.Combine(_dir, "labels.csv");
        File.WriteAllText(labels, "file,label\na.png,4\ntypo.png,7\n");
        var warnings = new List<XaiDiagnostic>();
        ImageLabels.Resolve([new(Path.Combine(_dir, "a.png"), "a.png", "")], labels, "p.xaiproj", warnings.Add);

        var warning = Assert.Single(warnings);
        Assert.Equal((DiagnosticCatalog.LabelsUnknownRows, DiagnosticSeverity.Warning), (warning.Code, warning.Severity));
        Assert.Contains("'typo.png' (line 3)", warning.Message);
    }

    [Fact]
    public void Metadata_that_is_not_a_class_index_is_XAI4013_naming_the_item()
    {
        var e = Assert.Throws<XaiException>(() => ImageLabels.Resolve([new(Path.Combine(_dir, "a.png"), "images/a.png", "-1")], "", "p.xaiproj", _ => { }));
        Assert.Equal(DiagnosticCatalog.BadImageLabel, e.Code);
        Assert.Contains("image 'images/a.png' is '-1'", e.Message);
        Assert.Equal("p.xaiproj", e.Diagnostic.File);
    }
}
