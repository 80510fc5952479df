using Xai.Attribution;
using Xai.Boards;
using Xai.Diagnostics;
using Xai.Projects;

namespace Xai.Core.Tests.Projects;

public sealed class ProjectValidatorTests : IDisposable
{
    private static readonly BoardCatalog Boards = BoardCatalog.Load(RepositoryLayout.Boards);
    private readonly string _dir = Directory.CreateTempSubdirectory("xai-project-").FullName;

    public ProjectValidatorTests() => File.WriteAllBytes(Path.Combine(_dir, "m.onnx"), [1]);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private ProjectProperties Props(string board = "pynq-z2") =>
        new() { ProjectFile = Path.Combine(_dir, "p.xaiproj"), Model = "m.onnx", Board = board };

    private static (ProjectSettings? Settings, List<XaiDiagnostic> Diagnostics) Run(ProjectProperties p)
    {
        var diagnostics = new List<XaiDiagnostic>();
        return (ProjectValidator.Validate(p, Boards, diagnostics), diagnostics);
    }

    [Fact]
    public void Defaults_come_from_the_board()
    {
        var (s, d) = Run(Props("ultra96-v2"));

        Assert.Empty(d);
        Assert.NotNull(s);
        Assert.Equal((4, 8, 32, 100.0), (s.ConvParallelismH, s.ConvParallelismW, s.FcTile, s.ClockMHz));
        Assert.Equal(new[] { AttributionMethod.Saliency, AttributionMethod.DeconvNet, AttributionMethod.GuidedBackprop }, s.Methods);
        Assert.Equal(NumericsScheme.PerTensor, s.Numerics);
        Assert.Null(s.TargetClass);
        Assert.False(s.DoubleBuffer);
        Assert.False(s.PackDenseWeights);
        Assert.Equal(Path.Combine(_dir, "m.onnx"), s.ModelPath);
    }

    [Fact]
    public void Explicit_values_override_defaults_and_method_names_ignore_case()
    {
        var (s, d) = Run(Props() with { Methods = "guidedbackprop, Saliency;GuidedBackprop", ConvParallelism = "8X4", FcTile = "32", ClockMHz = "142.5", TargetClass = "3", Numerics = "paperfaithful", FidelityImages = "1000", DoubleBuffer = " True ", PackDenseWeights = "TRUE" });

        Assert.Empty(d);
        Assert.Equal(new[] { AttributionMethod.GuidedBackprop, AttributionMethod.Saliency }, s!.Methods);
        Assert.Equal((8, 4, 32, 142.5, 3, 1000), (s.ConvParallelismH, s.ConvParallelismW, s.FcTile, s.ClockMHz, s.TargetClass!.Value, s.FidelityImages));
        Assert.Equal(NumericsScheme.PaperFaithful, s.Numerics);
        Assert.True(s.DoubleBuffer);
        Assert.True(s.PackDenseWeights);
    }

    [Theory]
    [InlineData("Board", "", "XAI1001")]
    [InlineData("Board", "kv260", "XAI1001")]
    [InlineData("Methods", "Saliency;LRP", "XAI1002")]
    [InlineData("Methods", ";", "XAI1002")]
    [InlineData("Methods", "1", "XAI1002")]
    [InlineData("Numerics", "Float32", "XAI1003")]
    [InlineData("Numerics", "0", "XAI1003")]
    [InlineData("ConvParallelism", "4", "XAI1004")]
    [InlineData("ConvParallelism", "3x4", "XAI1004")]
    [InlineData("ConvParallelism", "0x4", "XAI1004")]
    [InlineData("ConvParallelism", "64x1", "XAI1004")]
    [InlineData("FcTile", "8", "XAI1005")]
    [InlineData("FcTile", "-16", "XAI1005")]
    [InlineData("ClockMHz", "0", "XAI1006")]
    [InlineData("ClockMHz", "100MHz", "XAI1006")]
    [InlineData("ClockMHz", "NaN", "XAI1006")]
    [InlineData("TargetClass", "-1", "XAI1007")]
    [InlineData("TargetClass", "cat", "XAI1007")]
    [InlineData("FidelityImages", "-5", "XAI1008")]
    [InlineData("ConvParallelism", "32x32", "XAI1009")]
    [InlineData("DoubleBuffer", "yes", "XAI1012")]
    [InlineData("DoubleBuffer", "1", "XAI1012")]
    [InlineData("PackDenseWeights", "yes", "XAI1013")]
    [InlineData("PackDenseWeights", "8", "XAI1013")]
    [InlineData("IgSteps", "0", "XAI1014")]
    [InlineData("IgSteps", "257", "XAI1014")]
    [InlineData("IgSteps", "many", "XAI1014")]
    [InlineData("SmoothGradSamples", "-1", "XAI1015")]
    [InlineData("SmoothGradSamples", "1000", "XAI1015")]
    [InlineData("SmoothGradSigma", "-0.1", "XAI1016")]
    [InlineData("SmoothGradSigma", "NaN", "XAI1016")]
    [InlineData("SmoothGradSigma", "wide", "XAI1016")]
    [InlineData("PassSums", "Bram", "XAI1021")]
    [InlineData("PassSums", "1", "XAI1021")]
    [InlineData("PassSums", "Auto,OffChip", "XAI1021")]
    [InlineData("FaithfulnessSteps", "-1", "XAI1017")]
    [InlineData("FaithfulnessSteps", "101", "XAI1017")]
    [InlineData("FaithfulnessSteps", "ten", "XAI1017")]
    [InlineData("Model", "", "XAI1101")]
    [InlineData("Model", "other.onnx", "XAI1102")]
    public void Each_bad_value_gets_its_code_and_names_the_property(string property, string value, string code)
    {
        var p = property switch
        {
            "Board" => Props(value),
            "Methods" => Props() with { Methods = value },
            "Numerics" => Props() with { Numerics = value },
            "ConvParallelism" => Props() with { ConvParallelism = value },
            "FcTile" => Props() with { FcTile = value },
            "DoubleBuffer" => Props() with { DoubleBuffer = value },
            "PackDenseWeights" => Props() with { PackDenseWeights = value },
            "IgSteps" => Props() with { IgSteps = value },
            "SmoothGradSamples" => Props() with { SmoothGradSamples = value },
            "SmoothGradSigma" => Props() with { SmoothGradSigma = value },
            "FaithfulnessSteps" => Props() with { FaithfulnessSteps = value },
            "PassSums" => Props() with { PassSums = value },
            "ClockMHz" => Props() with { ClockMHz = value },
            "TargetClass" => Props() with { TargetClass = value },
            "FidelityImages" => Props() with { FidelityImages = value },
            "Model" => Props() with { Model = value },
            _ => throw new ArgumentException(property),
        };

        var (s, d) = Run(p);

        Assert.Null(s);
        var error = Assert.Single(d);
        Assert.Equal(code, error.Code);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Equal(p.ProjectFile, error.File);
        Assert.Contains(code == "XAI1009" ? "'XaiConvParallelism'" : $"'Xai{property}'", error.Message);
    }

    [Fact]
    public void The_multi_pass_methods_parameters_default_and_take_the_limits()
    {
        var (s, d) = Run(Props() with { Methods = "IntegratedGradients;smoothgrad;InputXGradient" });
        Assert.Empty(d);
        Assert.Equal(new[] { AttributionMethod.IntegratedGradients, AttributionMethod.SmoothGrad, AttributionMethod.InputXGradient }, s!.Methods);
        Assert.Equal(ExplanationSettings.Default, s.Explanation);
        (s, d) = Run(Props() with { IgSteps = "256", SmoothGradSamples = "1", SmoothGradSigma = "0" });
        Assert.Empty(d);
        Assert.Equal(new ExplanationSettings(256, 1, 0.0), s!.Explanation);
        // The Grad-CAM layer is only trimmed here; the plan checks it against the network's blocks (XAI1018).
        (s, d) = Run(Props() with { Methods = "GradCam;GuidedGradCam", GradCamLayer = " conv3 " });
        Assert.Empty(d);
        Assert.Equal(new[] { AttributionMethod.GradCam, AttributionMethod.GuidedGradCam }, s!.Methods);
        Assert.Equal("conv3", s.Explanation!.GradCamLayer);
        (s, _) = Run(Props() with { GradCamLayer = "  " });
        Assert.Null(s!.Explanation!.GradCamLayer);
        // XaiPassSums: any case, empty for Auto (the planner resolves Auto).
        (s, d) = Run(Props() with { Methods = "IntegratedGradients", PassSums = " offchip " });
        Assert.Empty(d);
        Assert.Equal(PassSumsPlacement.OffChip, s!.Explanation!.PassSums);
        (s, _) = Run(Props() with { PassSums = "" });
        Assert.Equal(PassSumsPlacement.Auto, s!.Explanation!.PassSums);
        // Without a method built from passes it places nothing: a warning, and the build goes on.
        (s, d) = Run(Props() with { Methods = "Saliency;GradCam", PassSums = "OnChip" });
        Assert.NotNull(s);
        var unused = Assert.Single(d);
        Assert.Equal(("XAI1022", DiagnosticSeverity.Warning), (unused.Code, unused.Severity));
        Assert.Contains("'XaiPassSums' is 'OnChip'", unused.Message);
        Assert.Empty(Run(Props() with { Methods = "Saliency;GradCam", PassSums = "Auto" }).Item2);
    }

    [Theory]
    [InlineData("", 10)]
    [InlineData("0", 0)]
    [InlineData(" 100 ", 100)]
    public void Faithfulness_steps_default_to_ten_and_take_zero_to_turn_the_curves_off(string value, int steps)
    {
        var (s, d) = Run(Props() with { FaithfulnessSteps = value });
        Assert.Empty(d);
        Assert.Equal(steps, s!.FaithfulnessSteps);
    }

    [Theory]
    [InlineData("pynq-z2", "0.5", "1 to 250")]
    [InlineData("pynq-z2", "300", "1 to 250")]
    [InlineData("zcu104", "501", "1 to 500")]
    [InlineData("zcu104", "NaN", "1 to 500")]
    public void A_clock_outside_the_boards_pl_clock_range_is_refused_up_front(string board, string clock, string range)
    {
        var (s, d) = Run(Props(board) with { ClockMHz = clock });
        Assert.Null(s);
        var e = Assert.Single(d);
        Assert.Equal("XAI1006", e.Code);
        Assert.Contains(range, e.Message);
        Assert.Contains($"{board}.json", e.Message);
    }

    [Fact]
    public void Every_clock_the_validator_accepts_the_hls_script_accepts()
    {
        // 0.5 MHz used to pass here and fail in Synthesize on the internal field ClockPeriodNs (> 1000 ns).
        foreach (var board in Boards.Ids)
        {
            var range = Boards.TryGet(board, out var b) ? b!.PlClock : throw new InvalidOperationException();
            Assert.True(1000.0 / range.MinMHz <= 1000, $"{board}: {range.MinMHz} MHz is a period above 1000 ns");
            Assert.True(range.MaxMHz <= 500, $"{board}: {range.MaxMHz} MHz");
            Assert.NotNull(Run(Props(board) with { ClockMHz = range.MinMHz.ToString(System.Globalization.CultureInfo.InvariantCulture) }).Settings);
            Assert.NotNull(Run(Props(board) with { ClockMHz = range.MaxMHz.ToString(System.Globalization.CultureInfo.InvariantCulture) }).Settings);
        }
    }

    [Fact]
    public void An_unknown_hls_flow_is_refused_up_front_with_the_rest()
    {
        var (s, d) = Run(Props() with { HlsFlow = "Magic", FcTile = "7" });
        Assert.Null(s);
        Assert.Equal(["XAI1005", "XAI5503"], d.Select(x => x.Code).Order());
        Assert.Contains("'Magic'", d.Single(x => x.Code == "XAI5503").Message);
        Assert.NotNull(Run(Props() with { HlsFlow = "unified" }).Settings);
    }

    [Fact]
    public void A_labels_or_class_names_file_that_is_not_there_is_an_error()
    {
        var (s, d) = Run(Props() with { LabelsFile = "labels.csv", ClassNamesFile = "names.txt" });
        Assert.Null(s);
        Assert.Equal(["XAI1103", "XAI4014"], d.Select(x => x.Code).Order());
        File.WriteAllText(Path.Combine(_dir, "labels.csv"), "file,label\n");
        File.WriteAllText(Path.Combine(_dir, "names.txt"), "a\n");
        Assert.NotNull(Run(Props() with { LabelsFile = "labels.csv", ClassNamesFile = Path.Combine(_dir, "names.txt") }).Settings);
    }
}
