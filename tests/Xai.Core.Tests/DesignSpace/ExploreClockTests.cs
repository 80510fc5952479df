using Xai.Boards;
using Xai.Diagnostics;
using Xai.Projects;
using Xai.Stages;

namespace Xai.Core.Tests.DesignSpace;

/// <summary>XaiExploreClocksMHz: empty means the project's clock; each clock must lie in the board's PL clock range (XAI1111 naming it).</summary>
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
}
