using Xai.Attribution;
using Xai.Boards;
using Xai.Diagnostics;
using Xai.FpgaResources;
using Xai.Onnx;
using Xai.Planning;
using Xai.Projects;
using Xai.Stages;

namespace Xai.Core.Tests.FpgaResources;

/// <summary>
/// The resource model on the paper's Table III network: DSP and BRAM counted by hand from the
/// buffers hls-lib's top declares, the LUT/FF line against the three Table IV points, and the fit
/// check's verdicts and suggestions on the three boards.
/// </summary>
public class ResourceModelTests
{
    private static readonly Lazy<IReadOnlyList<HardwareLayer>> Table3 = new(() =>
    {
        var model = Path.Combine(RepositoryLayout.Root, "samples", "table3", "table3.onnx");
        return HardwareLayerMapper.Map(new OnnxModelImporter().Import(model), model);
    });

    private static BoardResources BoardOf(string id) =>
        BoardCatalog.Load(RepositoryLayout.Boards).TryGet(id, out var board) ? board.Resources : throw new ArgumentException(id);

    private static EngineShape Shape(int oh, int ow, int fc) =>
        EngineShape.For(Table3.Value, oh, ow, DesignPlanner.ConvTile(oh), DesignPlanner.ConvTile(ow), 16, 16, fc);

    [Theory]
    [InlineData(400, 16, 1)]     // 6,400 bits: one 1K x 18 block
    [InlineData(256, 48, 2)]     // 512 x 36, two side by side for 48 bits
    [InlineData(2304, 16, 3)]    // three 1K x 18 blocks stacked
    [InlineData(12288, 2, 2)]    // 8K x 2 twice, or 16K x 1 twice
    [InlineData(64, 16, 0)]      // 1,024 bits: LUTRAM
    [InlineData(128, 1, 0)]
    public void Bram_blocks_follow_the_block_aspect_ratios(long depth, int width, long blocks) =>
        Assert.Equal(blocks, BramMapping.Blocks(depth, width));

    [Fact]
    public void Table3_at_4x4_counts_32_DSPs_and_56_BRAMs_by_hand()
    {
        var e = ResourceModel.Estimate(Shape(4, 4, 16));
        Assert.Equal(4 * 4 + 16, e.Dsp);
        // Input: 16 banks of 16 ch x ceil(18/4) x ceil(18/4) = 400 x 16 bit -> 1 each; accumulators: 16 banks
        // of 16 ch x 4 x 4 = 256 x 48 bit -> 2 each; weights 16 x 16 x 3 x 3 = 2,304 x 16 bit -> 3; biases
        // 64 x 48 bit -> 2; pool indices 32*16*16 + 64*8*8 = 12,288 x 2 bit -> 2; 128 mask bits -> LUTRAM;
        // BP's pooled span (18/2 + 2) x ((16 + 3)/2 + 1) = 110 x 16 bit -> 1.
        Assert.Equal(16 * 1 + 16 * 2 + 3 + 2 + 2 + 1, e.Bram18K);
        Assert.Equal(0, e.Uram);
    }

    [Fact]
    public void The_LUT_and_FF_lines_miss_Table_IV_by_at_most_a_few_percent()
    {
        // FP+BP LUT 52.9K / 62.9K / 85.7K at 32 / 48 / 96 MACs: the line misses each by under 2 %.
        Assert.All(ResourceModel.LutFit.RelativeErrors, r => Assert.InRange(r, -0.02, 0.02));
        Assert.Equal(3, ResourceModel.LutFit.RelativeErrors.Count);
        // FF does not grow with the MACs as neatly (26.7K at 32, 25.6K at 48): the line misses by up to 7.6 %.
        Assert.All(ResourceModel.FfFit.RelativeErrors, r => Assert.InRange(r, -0.08, 0.08));
        Assert.True(ResourceModel.LutFitFpOnly.At(48) < ResourceModel.LutFit.At(48), "FP-only needs fewer LUTs");
    }

    [Theory]
    [InlineData("pynq-z2", 4, 4, 16)]
    [InlineData("ultra96-v2", 4, 8, 16)]
    [InlineData("zcu104", 8, 8, 32)]
    public void The_papers_configurations_fit_their_boards(string board, int oh, int ow, int fc) =>
        Assert.Empty(ResourceFit.Overflows(ResourceModel.Estimate(Shape(oh, ow, fc)), BoardOf(board)));

    [Fact]
    public void An_oversized_design_names_what_overflows_and_the_largest_that_fits()
    {
        var pynq = BoardOf("pynq-z2");
        var overflows = ResourceFit.Overflows(ResourceModel.Estimate(Shape(16, 16, 32)), pynq);
        Assert.Contains(overflows, o => o.Resource == "DSP" && o.Needed == 288 && o.Available == 220);
        Assert.Contains(overflows, o => o.Resource == "LUT (model)");

        var best = ResourceFit.LargestFitting(Table3.Value, pynq, 16, 16);
        Assert.NotNull(best);
        Assert.Equal((4, 4, 16), (best.Value.NOh, best.Value.NOw, best.Value.FcTile));
        Assert.Empty(ResourceFit.Overflows(best.Value.Estimate, pynq));
        // The next step up, 4x8 with the 16-wide FC, does not fit the Pynq-Z2's LUTs.
        Assert.NotEmpty(ResourceFit.Overflows(ResourceModel.Estimate(Shape(4, 8, 16)), pynq));
    }

    [Fact]
    public void Generate_refuses_a_design_that_does_not_fit_before_writing_anything()
    {
        using var project = new Table3Project();
        var settings = project.Settings(p => p with { Board = "pynq-z2", ConvParallelism = "8x8", FcTile = "32" });

        var e = Assert.Throws<XaiException>(() => GenerateStage.Run(settings, project.Layout));

        Assert.Equal(DiagnosticCatalog.ExceedsBoardResources, e.Diagnostic.Code);
        Assert.Equal(settings.ProjectFile, e.Diagnostic.File);
        Assert.Contains("'XaiConvParallelism' (8x8)", e.Message);
        Assert.Contains("LUT (model)", e.Message);
        Assert.Contains("The largest configuration that fits is XaiConvParallelism 4x4 with XaiFcTile 16", e.Message);
        Assert.False(File.Exists(project.Layout.NetworkHeader));
    }

    [Fact]
    public void The_fit_counts_the_largest_methods_own_buffers_beside_the_engines()
    {
        using var project = new Table3Project();
        // A board with 60 BRAM_18K: the 4x4 engines' 56 fit, with Integrated Gradients' sums they do not (nor with the sums port's 8).
        ProjectSettings Settings(string methods) => project.Settings(p => p with { Board = "pynq-z2", Methods = methods }, bram: 60);
        GenerateStage.Run(Settings("Saliency;GuidedBackprop"), project.Layout);

        var e = Assert.Throws<XaiException>(() => GenerateStage.Run(Settings("Saliency;IntegratedGradients"), project.Layout));
        Assert.Equal(DiagnosticCatalog.ExceedsBoardResources, e.Diagnostic.Code);
        Assert.Contains("BRAM_18K", e.Message);
        Assert.Contains("for the largest of XaiMethods' own buffers", e.Message);
    }

    [Fact]
    public void Auto_keeps_the_pass_sums_on_chip_while_they_fit_and_moves_them_to_dram_when_only_that_fits()
    {
        using var project = new Table3Project();
        ProjectSettings Settings(string passSums, int? bram = null) =>
            project.Settings(p => p with { Board = "ultra96-v2", Methods = "Saliency;IntegratedGradients", PassSums = passSums }, bram);
        var plan = GenerateStage.Run(Settings(""), project.Layout);
        Assert.Equal(PassSumsPlacement.OnChip, plan.Explanation.PassSums);

        // A board with exactly the engines' BRAM and what IG needs off chip (the sums port's adapter, a chunk of sums):
        // its buffers on chip (2 x 16 + 48 bits x 3072) do not fit.
        var shape = EngineShape.For(plan);
        var schedule = plan.ScheduleOf(AttributionMethod.IntegratedGradients);
        var onChip = ResourceModel.ExplanationBram18K(schedule, 3072, shape.AccumulatorBits);
        var offChip = ResourceModel.ExplanationBram18K(schedule with { SumsOffChip = true }, 3072, shape.AccumulatorBits);
        Assert.True(onChip > offChip, $"{onChip} BRAM_18K on chip, {offChip} off chip");
        var bram = ResourceModel.Estimate(shape).Bram18K + (int)offChip;
        plan = GenerateStage.Run(Settings("Auto", bram), project.Layout);
        Assert.Equal(PassSumsPlacement.OffChip, plan.Explanation.PassSums);
        Assert.Contains("static const bool sums_off_chip = true;", File.ReadAllText(project.Layout.NetworkHeader));

        var e = Assert.Throws<XaiException>(() => GenerateStage.Run(Settings("OnChip", bram), project.Layout));
        Assert.Equal(DiagnosticCatalog.ExceedsBoardResources, e.Diagnostic.Code);
        Assert.Contains("Or set XaiPassSums to OffChip (or Auto)", e.Message);
        // One BRAM less and neither fits this array: Auto leaves them on chip, and the check names the largest array that
        // fits (4x4: DRAM would not allow a larger one, so it is not suggested).
        e = Assert.Throws<XaiException>(() => GenerateStage.Run(Settings("Auto", bram - 1), project.Layout));
        Assert.Contains("The largest configuration that fits is XaiConvParallelism 4x4", e.Message);
        Assert.DoesNotContain("XaiPassSums", e.Message);
    }

    /// <summary>The Table III model in a scratch project folder (deleted afterwards), for Generate's fit check.</summary>
    private sealed class Table3Project : IDisposable
    {
        public Table3Project()
        {
            Directory.CreateDirectory(Folder);
            File.Copy(Path.Combine(RepositoryLayout.Root, "samples", "table3", "table3.onnx"), Path.Combine(Folder, "table3.onnx"));
            Directory.CreateDirectory(Layout.IntermediateDirectory);
        }

        public string Folder { get; } = Path.Combine(Path.GetTempPath(), "xai-fit-" + Guid.NewGuid().ToString("N")[..10]);

        public BuildLayout Layout => new(Path.Combine(Folder, "obj"), Path.Combine(Folder, "bin"));

        /// <summary>This project's properties as <paramref name="edit"/> sets them, validated; <paramref name="bram"/>: the board's BRAM_18K instead of its own.</summary>
        public ProjectSettings Settings(Func<ProjectProperties, ProjectProperties> edit, int? bram = null)
        {
            var diagnostics = new List<XaiDiagnostic>();
            var settings = ProjectValidator.Validate(edit(new ProjectProperties { ProjectFile = Path.Combine(Folder, "t.xaiproj"), Model = "table3.onnx" }),
                BoardCatalog.Load(RepositoryLayout.Boards), diagnostics) ?? throw new InvalidOperationException(string.Join("\n", diagnostics));
            return bram is { } b ? settings with { Board = settings.Board with { Resources = settings.Board.Resources with { Bram18K = b } } } : settings;
        }

        public void Dispose() => Directory.Delete(Folder, recursive: true);
    }
}
