using System.Globalization;
using Xai.Amd.Toolchain;
using Xai.Attribution;
using Xai.Boards;
using Xai.Diagnostics;
using Xai.Faithfulness;
using Xai.FpgaResources;

namespace Xai.Projects;

/// <summary>
/// Checks a project's properties against the board catalog and the supported methods. Reports
/// every problem it finds (not just the first), each naming the project file, the property and
/// the allowed values.
/// </summary>
public static class ProjectValidator
{
    public const string DefaultMethods = "Saliency;DeconvNet;GuidedBackprop";

    public static ProjectSettings? Validate(ProjectProperties p, BoardCatalog boards, List<XaiDiagnostic> diagnostics)
    {
        var errorsBefore = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        void Error(string code, string message) => diagnostics.Add(XaiDiagnostic.Error(code, message, p.ProjectFile));

        var projectDir = Path.GetDirectoryName(Path.GetFullPath(p.ProjectFile)) ?? ".";

        string modelPath = "";
        if (string.IsNullOrWhiteSpace(p.Model))
        {
            Error(DiagnosticCatalog.ModelNotSet, "Property 'XaiModel' is not set; set it to the path of the trained network's ONNX file, e.g. <XaiModel>model.onnx</XaiModel>.");
        }
        else
        {
            modelPath = Path.GetFullPath(Path.Combine(projectDir, p.Model.Trim()));
            if (!File.Exists(modelPath))
            {
                Error(DiagnosticCatalog.ModelFileMissing, $"Property 'XaiModel' names '{p.Model.Trim()}', but no file exists at '{modelPath}'.");
            }
        }

        Board? board = null;
        var boardId = p.Board.Trim();
        if (boardId.Length == 0)
        {
            Error(DiagnosticCatalog.UnknownBoard, $"Property 'XaiBoard' is not set; allowed: {string.Join(", ", boards.Ids)}.");
        }
        else if (!boards.TryGet(boardId, out var found))
        {
            Error(DiagnosticCatalog.UnknownBoard, $"Property 'XaiBoard' is '{boardId}', which is not a known board; allowed: {string.Join(", ", boards.Ids)}.");
        }
        else
        {
            board = found;
        }

        var methodText = string.IsNullOrWhiteSpace(p.Methods) ? DefaultMethods : p.Methods;
        var methods = AttributionMethodList.Parse(methodText, out var unknown);
        if (unknown.Count > 0)
        {
            Error(DiagnosticCatalog.BadMethods, $"Property 'XaiMethods' names unknown method(s) {string.Join(", ", unknown.Select(u => $"'{u}'"))}; allowed: {string.Join(", ", AttributionMethodList.ValidNames)}.");
        }
        else if (methods.Count == 0)
        {
            Error(DiagnosticCatalog.BadMethods, $"Property 'XaiMethods' lists no method; allowed: {string.Join(", ", AttributionMethodList.ValidNames)}.");
        }

        var numerics = NumericsScheme.PerTensor;
        if (!string.IsNullOrWhiteSpace(p.Numerics) &&
            (!Enum.TryParse(p.Numerics.Trim(), ignoreCase: true, out numerics) || !Enum.IsDefined(numerics) || int.TryParse(p.Numerics, out _)))
        {
            Error(DiagnosticCatalog.BadNumerics, $"Property 'XaiNumerics' is '{p.Numerics.Trim()}'; allowed: {string.Join(", ", Enum.GetNames<NumericsScheme>())}.");
        }

        int oh = 0, ow = 0;
        var parallelism = string.IsNullOrWhiteSpace(p.ConvParallelism) ? board?.Defaults.ConvParallelism : p.ConvParallelism.Trim();
        if (parallelism is not null && !TryParseParallelism(parallelism, out oh, out ow))
        {
            Error(DiagnosticCatalog.BadConvParallelism, $"Property 'XaiConvParallelism' is '{parallelism}'; expected N_OHxN_OW with each factor a power of two from 1 to 32, e.g. 4x4, 4x8, 8x8.");
        }

        var fcTile = board?.Defaults.FcTile ?? 16;
        if (!string.IsNullOrWhiteSpace(p.FcTile) &&
            (!int.TryParse(p.FcTile.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out fcTile) || !EngineChoices.FcTiles.Contains(fcTile)))
        {
            Error(DiagnosticCatalog.BadFcTile, $"Property 'XaiFcTile' is '{p.FcTile.Trim()}'; allowed: 16, 32.");
        }

        var doubleBuffer = false;
        if (!string.IsNullOrWhiteSpace(p.DoubleBuffer) && !bool.TryParse(p.DoubleBuffer.Trim(), out doubleBuffer))
        {
            Error(DiagnosticCatalog.BadDoubleBuffer, $"Property 'XaiDoubleBuffer' is '{p.DoubleBuffer.Trim()}'; allowed: true, false.");
        }

        var packDenseWeights = false;
        if (!string.IsNullOrWhiteSpace(p.PackDenseWeights) && !bool.TryParse(p.PackDenseWeights.Trim(), out packDenseWeights))
        {
            Error(DiagnosticCatalog.BadPackDenseWeights, $"Property 'XaiPackDenseWeights' is '{p.PackDenseWeights.Trim()}'; allowed: true, false.");
        }

        var explanation = ValidateExplanation(p, projectDir, methods, Error);
        if (explanation.IgBaseline is null && !string.IsNullOrWhiteSpace(p.IgBaseline) && !methods.Contains(AttributionMethod.IntegratedGradients))
        {
            diagnostics.Add(XaiDiagnostic.Warning(DiagnosticCatalog.UnusedIgBaseline, $"Property 'XaiIgBaseline' is '{p.IgBaseline.Trim()}', but XaiMethods does not list IntegratedGradients; the baseline is not used (nor checked, nor calibrated on). Add IntegratedGradients to XaiMethods or remove XaiIgBaseline.", p.ProjectFile));
        }

        if (explanation.PassSums != PassSumsPlacement.Auto && !methods.Any(m => ExplanationSchedule.For(m, explanation).MultiPass))
        {
            diagnostics.Add(XaiDiagnostic.Warning(DiagnosticCatalog.UnusedPassSums, $"Property 'XaiPassSums' is '{p.PassSums.Trim()}', but XaiMethods lists no method built from passes (InputXGradient, IntegratedGradients, SmoothGrad); it places nothing. Add one of them to XaiMethods or remove XaiPassSums.", p.ProjectFile));
        }

        // The range is the board's (boards/*.json plClockMHz): what its PS can clock the PL at and the
        // generated HLS and Vivado scripts accept, so a clock that passes here also passes Synthesize.
        var clock = board?.Defaults.ClockMHz ?? 100;
        if (!string.IsNullOrWhiteSpace(p.ClockMHz))
        {
            var range = board?.PlClock;
            var allowed = range is null ? "a number of MHz above 0" : $"a number of MHz from {range.MinMHz.ToString(CultureInfo.InvariantCulture)} to {range.MaxMHz.ToString(CultureInfo.InvariantCulture)} (board '{board!.Id}', plClockMHz in {Path.GetFileName(board.SourceFile)})";
            if (!ClockRange.TryParse(p.ClockMHz, range, out clock))
            {
                Error(DiagnosticCatalog.BadClock, $"Property 'XaiClockMHz' is '{p.ClockMHz.Trim()}'; expected {allowed}.");
            }
        }

        var hlsFlow = HlsFlowSetting.Auto;
        try
        {
            hlsFlow = HlsFlowSettingParser.Parse(p.HlsFlow, p.ProjectFile);
        }
        catch (XaiException e)
        {
            diagnostics.Add(e.Diagnostic);
        }

        // A file the user named but that is not there would leave the build without labels or names
        // and say nothing: accuracy "n/a" and classes shown as numbers.
        if (!string.IsNullOrWhiteSpace(p.LabelsFile) && !File.Exists(Path.Combine(projectDir, p.LabelsFile.Trim())))
        {
            Error(DiagnosticCatalog.BadLabelsFile, $"Property 'XaiLabelsFile' names '{p.LabelsFile.Trim()}', but no file exists there; give the CSV of true classes (header 'file,label') or leave the property empty.");
        }

        if (!string.IsNullOrWhiteSpace(p.ClassNamesFile) && !File.Exists(Path.Combine(projectDir, p.ClassNamesFile.Trim())))
        {
            Error(DiagnosticCatalog.ClassNamesFileMissing, $"Property 'XaiClassNamesFile' names '{p.ClassNamesFile.Trim()}', but no file exists there; give a text file with one class name per line or leave the property empty.");
        }

        int? targetClass = null;
        if (!string.IsNullOrWhiteSpace(p.TargetClass))
        {
            if (int.TryParse(p.TargetClass.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var t))
            {
                targetClass = t;
            }
            else
            {
                Error(DiagnosticCatalog.BadTargetClass, $"Property 'XaiTargetClass' is '{p.TargetClass.Trim()}'; expected a class index (0, 1, ...) or empty to explain the predicted class.");
            }
        }

        var fidelityImages = 0;
        if (!string.IsNullOrWhiteSpace(p.FidelityImages) &&
            !int.TryParse(p.FidelityImages.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out fidelityImages))
        {
            Error(DiagnosticCatalog.BadFidelityImages, $"Property 'XaiFidelityImages' is '{p.FidelityImages.Trim()}'; expected a whole number of images, 0 or more.");
        }

        var faithfulnessSteps = FaithfulnessMeasurement.DefaultSteps;
        if (!string.IsNullOrWhiteSpace(p.FaithfulnessSteps) &&
            (!int.TryParse(p.FaithfulnessSteps.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out faithfulnessSteps) || faithfulnessSteps > FaithfulnessMeasurement.MaxSteps))
        {
            Error(DiagnosticCatalog.BadFaithfulnessSteps, $"Property 'XaiFaithfulnessSteps' is '{p.FaithfulnessSteps.Trim()}'; allowed: a whole number from 0 (no deletion and insertion curves) to {FaithfulnessMeasurement.MaxSteps}.");
        }

        if (board is not null && oh > 0)
        {
            var dsps = ResourceModel.Dsps(oh, ow, fcTile);
            if (dsps > board.Resources.Dsp)
            {
                Error(DiagnosticCatalog.ExceedsBoardDsps, $"Properties 'XaiConvParallelism' ({oh}x{ow}) and 'XaiFcTile' ({fcTile}) need {dsps} DSP slices, but board '{board.Id}' has {board.Resources.Dsp} (BRAM, LUT and FF are checked when the model is imported, XAI1110).");
            }
        }

        if (diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error) > errorsBefore || board is null)
        {
            return null;
        }

        return new ProjectSettings(
            p.ProjectFile, modelPath, board, methods, numerics, oh, ow, fcTile, clock, targetClass, fidelityImages, hlsFlow,
            ProjectFilePath(projectDir, p.LabelsFile), ProjectFilePath(projectDir, p.ClassNamesFile), doubleBuffer, packDenseWeights, explanation, faithfulnessSteps);
    }

    /// <summary>
    /// XaiIgSteps, XaiSmoothGradSamples, XaiSmoothGradSigma, XaiGradCamLayer, XaiIgBaseline and XaiPassSums; each empty for its default. The
    /// Grad-CAM layer is checked against the network when the plan is made (GradCamLayer.Resolve).
    /// </summary>
    private static ExplanationSettings ValidateExplanation(ProjectProperties p, string projectDir, IReadOnlyList<AttributionMethod> methods, Action<string, string> error)
    {
        int Passes(string text, string property, string code, int fallback)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return fallback;
            }

            if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= ExplanationSettings.MaxPasses)
            {
                return n;
            }

            error(code, $"Property '{property}' is '{text.Trim()}'; allowed: a whole number from 1 to {ExplanationSettings.MaxPasses} (the gradients the accumulator sums without overflow: 8 bits of headroom in the paper's ap_fixed<32,16> over <16,8>).");
            return fallback;
        }

        var steps = Passes(p.IgSteps, "XaiIgSteps", DiagnosticCatalog.BadIgSteps, ExplanationSettings.DefaultIgSteps);
        var samples = Passes(p.SmoothGradSamples, "XaiSmoothGradSamples", DiagnosticCatalog.BadSmoothGradSamples, ExplanationSettings.DefaultSmoothGradSamples);
        var sigma = ExplanationSettings.DefaultSmoothGradSigma;
        if (!string.IsNullOrWhiteSpace(p.SmoothGradSigma) &&
            (!double.TryParse(p.SmoothGradSigma.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out sigma) || !double.IsFinite(sigma) || sigma < 0))
        {
            error(DiagnosticCatalog.BadSmoothGradSigma, $"Property 'XaiSmoothGradSigma' is '{p.SmoothGradSigma.Trim()}'; allowed: the noise's standard deviation in the input's units, a number of 0 or more (e.g. 0.15 for inputs in [0, 1]).");
            sigma = ExplanationSettings.DefaultSmoothGradSigma;
        }

        var camLayer = string.IsNullOrWhiteSpace(p.GradCamLayer) ? null : p.GradCamLayer.Trim();
        // Its size is checked against the network when the header is written (IgBaselineImage.Load); without
        // Integrated Gradients it is not used at all (a warning, XAI1020, by the caller).
        var baseline = methods.Contains(AttributionMethod.IntegratedGradients) ? ProjectFilePath(projectDir, p.IgBaseline) : null;
        if (baseline is not null && !File.Exists(baseline))
        {
            error(DiagnosticCatalog.BadIgBaseline, $"Property 'XaiIgBaseline' is '{p.IgBaseline.Trim()}', but '{baseline}' does not exist; allowed: a PNG of the network's input size, relative to the project, or empty for the zero baseline.");
            baseline = null;
        }

        var passSums = PassSumsPlacement.Auto;
        // One of the names (any case): Enum.TryParse alone would also take numbers and comma lists.
        if (!string.IsNullOrWhiteSpace(p.PassSums) &&
            (!Enum.GetNames<PassSumsPlacement>().Contains(p.PassSums.Trim(), StringComparer.OrdinalIgnoreCase) || !Enum.TryParse(p.PassSums.Trim(), ignoreCase: true, out passSums)))
        {
            error(DiagnosticCatalog.BadPassSums, $"Property 'XaiPassSums' is '{p.PassSums.Trim()}'; allowed: Auto, OnChip, OffChip (empty = Auto).");
            passSums = PassSumsPlacement.Auto;
        }

        return new ExplanationSettings(steps, samples, sigma, GradCamLayer: camLayer, IgBaseline: baseline, PassSums: passSums);
    }

    private static string? ProjectFilePath(string projectDir, string value) =>
        string.IsNullOrWhiteSpace(value) ? null : Path.GetFullPath(Path.Combine(projectDir, value.Trim()));

    public static bool TryParseParallelism(string text, out int oh, out int ow)
    {
        oh = ow = 0;
        var parts = text.ToLowerInvariant().Split('x');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out oh)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out ow)
            && IsPowerOfTwoUpTo32(oh) && IsPowerOfTwoUpTo32(ow);
    }

    private static bool IsPowerOfTwoUpTo32(int n) => EngineChoices.Unrolls.Contains(n);
}
