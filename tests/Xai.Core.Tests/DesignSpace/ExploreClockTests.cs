using Newtonsoft.Json.Linq;
using Xai.Boards;
using Xai.DesignSpace;
using Xai.Diagnostics;
using Xai.Projects;
using Xai.Reporting;
using Xai.Stages;

namespace Xai.Core.Tests.DesignSpace;

/// <summary>
/// XaiExploreClocksMHz: empty means the project's clock; each clock must lie in the board's PL clock range (XAI1111 naming it).
/// And the last exploration as later builds read it back.
/// </summary>
public sealed class ExploreClockTests
{
    private static ProjectSettings Settings(string board)
    {
        var diagnostics = new List<XaiDiagnostic>();
        return ProjectValidator.Validate(
            new ProjectProperties { ProjectFile = Path.Combine(RepositoryLayout.Root, "samples", "table3", "table3.xaiproj"), Model = "table3.onnx", Board = board },
            BoardCatalog.Load(RepositoryLayout.Boards), diagnostics) ?? throw new InvalidOperationException(string.Join("\n", diagnostics));
    }

    [Fact]
    public void Empty_means_the_projects_clock_and_duplicates_are_dropped()
    {
        var s = Settings("pynq-z2");
        Assert.Equal([s.ClockMHz], ExploreStage.ParseClocks("", s));
        Assert.Equal([100.0, 150.0], ExploreStage.ParseClocks(" 100; 150 ;100", s));
    }

    [Theory]
    [InlineData("pynq-z2", "300", "'300'")]     // above the Zynq-7000 PL clock range (1-250)
    [InlineData("zcu104", "100;fast", "'fast'")]
    [InlineData("pynq-z2", "0", "'0'")]
    public void A_clock_outside_the_boards_range_is_XAI1111_naming_it_and_the_range(string board, string clocks, string named)
    {
        var e = Assert.Throws<XaiException>(() => ExploreStage.ParseClocks(clocks, Settings(board)));
        Assert.Equal("XAI1111", e.Code);
        Assert.Contains("XaiExploreClocksMHz", e.Message);
        Assert.Contains(named, e.Message);
        Assert.Contains("plClockMHz", e.Message);
    }

    [Fact]
    public void An_exploration_written_without_a_field_this_SDK_requires_is_stale_not_a_failed_build()
    {
        var s = Settings("pynq-z2");
        var dir = Directory.CreateTempSubdirectory("xai-explore-load-").FullName;
        try
        {
            var layout = new BuildLayout(Path.Combine(dir, "obj"), Path.Combine(dir, "bin"));
            Directory.CreateDirectory(layout.IntermediateDirectory);
            var layers = Xai.Planning.HardwareLayerMapper.Map(new Xai.Onnx.OnnxModelImporter().Import(Path.Combine(RepositoryLayout.Root, "samples", "table3", "table3.onnx")), "table3.onnx");
            var all = DesignSpaceExplorer.Enumerate(layers, 3072, 10, s.Board, [100]);
            var section = ExploreDocument.Build("pynq-z2", 250, null, "table3", [100], all, DesignSpaceExplorer.ParetoSet(all));
            File.WriteAllText(layout.ExploreJson, ReportJson.Serialize(section));
            Assert.Equal(section.Verdict, ExploreStage.Load(layout, s, "table3")!.Verdict);
            Assert.Null(ExploreStage.Load(layout, s, "other"));

            // An older SDK's candidates had no macLoopsMs.
            var old = JObject.Parse(File.ReadAllText(layout.ExploreJson));
            foreach (var c in old["pareto"]!.Cast<JObject>())
            {
                c.Remove("macLoopsMs");
            }

            File.WriteAllText(layout.ExploreJson, old.ToString());
            Assert.Throws<XaiException>(() => ReportJson.Read<Xai.Reporting.Model.ExploreSection>(layout.ExploreJson, DiagnosticCatalog.PlanJsonUnreadable, "explore.json"));
            Assert.Null(ExploreStage.Load(layout, s, "table3"));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
