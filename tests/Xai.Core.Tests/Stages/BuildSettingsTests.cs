using Xai.Attribution;
using Xai.Boards;
using Xai.Diagnostics;
using Xai.Projects;
using Xai.Stages;

namespace Xai.Core.Tests.Stages;

/// <summary>settings.json: resolved once, read back whole by every stage, rewritten only when a setting changes.</summary>
public sealed class BuildSettingsTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "xai-settings-" + Guid.NewGuid().ToString("N")[..10]);

    public BuildSettingsTests()
    {
        Directory.CreateDirectory(_dir);
        File.WriteAllBytes(Path.Combine(_dir, "model.onnx"), [1]);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string SettingsFile => Path.Combine(_dir, "obj", "settings.json");

    private BuildSettings? Resolve(string board = "zcu104", string methods = "DeconvNet;Saliency", List<XaiDiagnostic>? diagnostics = null) =>
        ResolveProjectStage.Run(
            new ProjectProperties { ProjectFile = Path.Combine(_dir, "p.xaiproj"), Model = "model.onnx", Board = board, Methods = methods, TargetClass = "3", ClockMHz = "125.5" },
            BoardCatalog.Load(RepositoryLayout.Boards),
            new BuildLayout(Path.Combine(_dir, "obj"), Path.Combine(_dir, "bin")),
            new ToolSettings("clang++", "/sdk/hls-lib/include", "/sdk/hls-lib/csim/xai_csim_main.cpp"),
            "",
            SettingsFile,
            diagnostics ?? []);

    [Fact]
    public void What_a_stage_loads_equals_what_ResolveProject_resolved()
    {
        var resolved = Resolve()!;
        var loaded = BuildSettings.Load(SettingsFile, resolved.Layout.OutputDirectory);

        Assert.Empty(DesignPlanHandOffTests.Differences(resolved, loaded, "settings"));
        Assert.Equal([AttributionMethod.DeconvNet, AttributionMethod.Saliency], loaded.Project.Methods);
        Assert.Equal("zcu104", loaded.Project.Board.Id);
        Assert.Equal((8, 8, 32), (loaded.Project.ConvParallelismH, loaded.Project.ConvParallelismW, loaded.Project.FcTile));
        Assert.Equal(125.5, loaded.Project.ClockMHz);
        Assert.Equal(3, loaded.Project.TargetClass);
        Assert.Equal("clang++", loaded.Tools.Compiler);
        Assert.Equal(Xai.Fidelity.FashionMnistTestSet.DefaultDirectory, loaded.FidelityDataset);
        Assert.Contains("\"boardPart\": \"xilinx.com:zcu104:part0:1.1\"", File.ReadAllText(SettingsFile));
    }

    [Fact]
    public void The_output_directory_is_not_a_setting_so_changing_it_reruns_no_stage()
    {
        Resolve();
        var before = File.ReadAllText(SettingsFile);
        Assert.DoesNotContain(Path.Combine(_dir, "bin"), before);
        ResolveProjectStage.Run(
            new ProjectProperties { ProjectFile = Path.Combine(_dir, "p.xaiproj"), Model = "model.onnx", Board = "zcu104", Methods = "DeconvNet;Saliency", TargetClass = "3", ClockMHz = "125.5" },
            BoardCatalog.Load(RepositoryLayout.Boards),
            new BuildLayout(Path.Combine(_dir, "obj"), Path.Combine(_dir, "elsewhere")),
            new ToolSettings("clang++", "/sdk/hls-lib/include", "/sdk/hls-lib/csim/xai_csim_main.cpp"),
            "",
            SettingsFile,
            []);
        Assert.Equal(before, File.ReadAllText(SettingsFile));
        Assert.Equal(Path.Combine(_dir, "elsewhere"), BuildSettings.Load(SettingsFile, Path.Combine(_dir, "elsewhere")).Layout.OutputDirectory);
    }

    [Fact]
    public void The_inputs_properties_HlsFlow_labels_and_class_names_are_checked_and_saved()
    {
        File.WriteAllText(Path.Combine(_dir, "labels.csv"), "file,label\n");
        File.WriteAllText(Path.Combine(_dir, "names.txt"), "a\n");
        var settingsFile = Path.Combine(_dir, "obj", "inputs.json");
        BuildSettings? Run(string flow, string labels, List<XaiDiagnostic> diagnostics) => ResolveProjectStage.Run(
            new ProjectProperties { ProjectFile = Path.Combine(_dir, "p.xaiproj"), Model = "model.onnx", Board = "pynq-z2", HlsFlow = flow, LabelsFile = labels, ClassNamesFile = "names.txt" },
            BoardCatalog.Load(RepositoryLayout.Boards),
            new BuildLayout(Path.Combine(_dir, "obj"), Path.Combine(_dir, "bin")),
            new ToolSettings("g++", "", ""),
            "",
            settingsFile,
            diagnostics);

        Assert.NotNull(Run("classic", "labels.csv", []));
        var loaded = BuildSettings.Load(settingsFile);
        Assert.Equal(Xai.Amd.Toolchain.HlsFlowSetting.Classic, loaded.Project.HlsFlow);
        Assert.Equal(Path.Combine(_dir, "labels.csv"), loaded.Project.LabelsFile);
        Assert.Equal(Path.Combine(_dir, "names.txt"), loaded.Project.ClassNamesFile);

        var diagnostics = new List<XaiDiagnostic>();
        Assert.Null(Run("fast", "missing.csv", diagnostics));
        Assert.Equal([DiagnosticCatalog.BadFlowSetting, DiagnosticCatalog.BadLabelsFile], diagnostics.Select(d => d.Code));
    }

    [Fact]
    public void The_file_is_rewritten_only_when_a_setting_changes()
    {
        Resolve();
        var first = File.GetLastWriteTimeUtc(SettingsFile);
        File.SetLastWriteTimeUtc(SettingsFile, first.AddMinutes(-5));
        var old = File.GetLastWriteTimeUtc(SettingsFile);

        Resolve();
        Assert.Equal(old, File.GetLastWriteTimeUtc(SettingsFile));

        Resolve(board: "ultra96-v2");
        Assert.NotEqual(old, File.GetLastWriteTimeUtc(SettingsFile));
        Assert.Equal("ultra96-v2", BuildSettings.Load(SettingsFile).Project.Board.Id);
    }

    [Fact]
    public void Invalid_properties_write_nothing_and_report_every_error()
    {
        var diagnostics = new List<XaiDiagnostic>();
        Assert.Null(Resolve(board: "zedboard", methods: "Occlusion", diagnostics: diagnostics));
        Assert.Equal([DiagnosticCatalog.UnknownBoard, DiagnosticCatalog.BadMethods], diagnostics.Select(d => d.Code));
        Assert.False(File.Exists(SettingsFile));
    }

    [Fact]
    public void A_missing_or_foreign_settings_file_is_XAI1050()
    {
        Assert.Equal(DiagnosticCatalog.SettingsUnreadable, Assert.Throws<XaiException>(() => BuildSettings.Load(SettingsFile)).Code);
        Directory.CreateDirectory(Path.GetDirectoryName(SettingsFile)!);
        File.WriteAllText(SettingsFile, "{\"board\": \"pynq-z2\"}");
        Assert.Equal(DiagnosticCatalog.SettingsUnreadable, Assert.Throws<XaiException>(() => BuildSettings.Load(SettingsFile)).Code);
        File.WriteAllText(SettingsFile, "{ not json");
        Assert.Equal(DiagnosticCatalog.SettingsUnreadable, Assert.Throws<XaiException>(() => BuildSettings.Load(SettingsFile)).Code);
    }
}
