using Xai.Boards;
using Xai.Diagnostics;
using Xai.Projects;
using Xai.Stages;

namespace Xai.Core.Tests.Projects;

/// <summary>The labels CSV and the class names file: what used to give wrong results without a word.</summary>
public sealed class ProjectFilesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("xai-files-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Conflicting_duplicate_rows_are_errors_all_reported()
    {
        var path = Write("labels.csv", "file,label\na.png,1\nb.png,2\na.png,3\nb.png,4\nc.png,5\n");
        var e = Assert.Throws<XaiException>(() => LabelTable.Load(path, _ => { }));
        Assert.Equal(["XAI1104", "XAI1104"], e.Diagnostics.Select(d => d.Code));
        Assert.Equal([4, 5], e.Diagnostics.Select(d => d.Line));
        Assert.Contains("1 on line 2, 3 on line 4", e.Diagnostics[0].Message);
    }

    [Fact]
    public void An_identical_duplicate_row_is_a_warning()
    {
        var warnings = new List<XaiDiagnostic>();
        var table = LabelTable.Load(Write("labels.csv", "file,label\nimages/a.png,1\na.png,1\n"), warnings.Add);
        var warning = Assert.Single(warnings);
        Assert.Equal(("XAI1105", DiagnosticSeverity.Warning, 3), (warning.Code, warning.Severity, warning.Line));
        Assert.Equal(1, table.Find("/x/a.png")!.Label);
    }

    [Fact]
    public void Rows_naming_no_project_image_are_one_warning_listing_them()
    {
        var table = LabelTable.Load(Write("labels.csv", "file,label\na.png,1\ntypo.png,2\nb.png,0\n"), _ => { });
        var warning = table.UnknownRows(["/p/a.png", "/p/b.png", "/p/c.png"]);
        Assert.NotNull(warning);
        Assert.Equal(("XAI1106", DiagnosticSeverity.Warning, 3), (warning.Code, warning.Severity, warning.Line));
        Assert.Contains("'typo.png' (line 3)", warning.Message);
        Assert.Null(table.UnknownRows(["/p/a.png", "/p/b.png", "/p/typo.png"]));
    }

    [Fact]
    public void A_class_names_file_of_another_length_is_an_error()
    {
        var path = Write("names.txt", "T-shirt\nTrouser\n\nPullover\n");
        Assert.Equal(["T-shirt", "Trouser", "Pullover"], ClassNameList.Load(path, 3));
        var e = Assert.Throws<XaiException>(() => ClassNameList.Load(path, 10));
        Assert.Equal("XAI1108", e.Code);
        Assert.Contains("3 names", e.Message);
        Assert.Contains("10 classes", e.Message);
        Assert.Equal("XAI1103", Assert.Throws<XaiException>(() => ClassNameList.Load(Path.Combine(_dir, "none.txt"), 10)).Code);
        Assert.Empty(ClassNameList.Load("", 10));
    }

    [Fact]
    public void Generate_checks_the_class_names_against_the_network_before_writing_anything()
    {
        // odd.onnx has 4 classes; three names are one short.
        File.Copy(Path.Combine(RepositoryLayout.Root, "hls-lib", "tests", "data", "reference", "odd", "odd.onnx"), Path.Combine(_dir, "odd.onnx"));
        Write("names.txt", "a\nb\nc\n");
        var settings = ProjectValidator.Validate(
            new ProjectProperties { ProjectFile = Path.Combine(_dir, "odd.xaiproj"), Model = "odd.onnx", Board = "pynq-z2", ClassNamesFile = "names.txt" },
            BoardCatalog.Load(RepositoryLayout.Boards),
            [])!;
        var layout = new BuildLayout(Path.Combine(_dir, "obj"), Path.Combine(_dir, "bin"));
        Directory.CreateDirectory(layout.IntermediateDirectory);

        Assert.Equal("XAI1108", Assert.Throws<XaiException>(() => GenerateStage.Run(settings, layout)).Code);
        Assert.False(File.Exists(layout.NetworkHeader));

        Write("names.txt", "a\nb\nc\nd\n");
        GenerateStage.Run(settings, layout);
        Assert.True(File.Exists(layout.NetworkHeader));
    }

    [Fact]
    public void A_label_outside_the_classes_stops_the_simulation_with_every_bad_image()
    {
        // odd.onnx: input [3,10,14], 4 classes. The checks come before any compilation.
        File.Copy(Path.Combine(RepositoryLayout.Root, "hls-lib", "tests", "data", "reference", "odd", "odd.onnx"), Path.Combine(_dir, "odd.onnx"));
        var diagnostics = new List<XaiDiagnostic>();
        var settings = ProjectValidator.Validate(
            new ProjectProperties { ProjectFile = Path.Combine(_dir, "odd.xaiproj"), Model = "odd.onnx", Board = "pynq-z2" },
            BoardCatalog.Load(RepositoryLayout.Boards),
            diagnostics)!;
        var layout = new BuildLayout(Path.Combine(_dir, "obj"), Path.Combine(_dir, "bin"));
        Directory.CreateDirectory(layout.IntermediateDirectory);
        var plan = GenerateStage.Run(settings, layout);
        var good = Path.Combine(_dir, "good.png");
        File.WriteAllBytes(good, Xai.Imaging.PngWriter.Encode(new Xai.Imaging.RasterImage(14, 10, 3, new byte[14 * 10 * 3])));
        var small = Path.Combine(_dir, "small.png");
        File.WriteAllBytes(small, Xai.Imaging.PngWriter.Encode(new Xai.Imaging.RasterImage(2, 2, 3, new byte[12])));

        var e = Assert.Throws<XaiException>(() => CSimStage.Run(
            plan,
            [new(good, 3, "labels.csv line 2"), new(good, 42, "labels.csv line 3"), new(small, 0)],
            null, settings.ProjectFile, layout, new ToolSettings("false", "", ""), CancellationToken.None));
        Assert.Equal(["XAI1107", "XAI4010"], e.Diagnostics.Select(d => d.Code));
        Assert.Contains("label 42 (labels.csv line 3)", e.Diagnostics[0].Message);
        Assert.Contains("4 classes (0 to 3)", e.Diagnostics[0].Message);
    }
}

/// <summary>XaiFidelityImages above the test set's size: capped, and now said so.</summary>
public sealed class FidelityImagesCapTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("xai-fidelity-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static void WriteIdx(string path, byte[] header, byte[] data)
    {
        using var file = File.Create(path);
        using var gzip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.Fastest);
        gzip.Write(header);
        gzip.Write(data);
    }

    [Fact]
    public void Asking_for_more_images_than_the_test_set_holds_is_a_warning()
    {
        // A three-image test set in the Debian layout; the sample network takes 28x28 or more.
        var dataset = Path.Combine(_dir, "fashion-mnist");
        Directory.CreateDirectory(dataset);
        WriteIdx(Path.Combine(dataset, "t10k-images-idx3-ubyte.gz"), [0, 0, 8, 3, 0, 0, 0, 3, 0, 0, 0, 28, 0, 0, 0, 28], new byte[3 * 28 * 28]);
        WriteIdx(Path.Combine(dataset, "t10k-labels-idx1-ubyte.gz"), [0, 0, 8, 1, 0, 0, 0, 3], [1, 2, 3]);
        File.Copy(Path.Combine(RepositoryLayout.Root, "samples", "table3", "table3.onnx"), Path.Combine(_dir, "table3.onnx"));
        var settings = ProjectValidator.Validate(
            new ProjectProperties { ProjectFile = Path.Combine(_dir, "t.xaiproj"), Model = "table3.onnx", Board = "pynq-z2" },
            BoardCatalog.Load(RepositoryLayout.Boards),
            [])!;
        var layout = new BuildLayout(Path.Combine(_dir, "obj"), Path.Combine(_dir, "bin"));
        Directory.CreateDirectory(layout.IntermediateDirectory);
        var plan = GenerateStage.Run(settings, layout);
        var warnings = new List<XaiDiagnostic>();

        // No simulation program was compiled: the run fails after the check, which is all this test needs.
        Assert.ThrowsAny<Exception>(() => FidelityStage.Run(plan, 5, dataset, layout, warnings.Add, CancellationToken.None));
        var warning = Assert.Single(warnings);
        Assert.Equal(("XAI1011", DiagnosticSeverity.Warning), (warning.Code, warning.Severity));
        Assert.Contains("XaiFidelityImages=5", warning.Message);
        Assert.Contains("has 3 images", warning.Message);
    }
}
