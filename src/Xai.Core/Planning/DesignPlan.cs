using Xai.Attribution;
using Xai.Model;
using Xai.Projects;

namespace Xai.Planning;

/// <summary>
/// Everything the generators need and the user may want to read: the block sequence, the
/// engine configuration, number formats per method, and the memory, work and latency model.
/// </summary>
public sealed record DesignPlan
{
    public required string NetworkName { get; init; }

    public required string ModelFileName { get; init; }

    public required string Board { get; init; }

    public required string Part { get; init; }

    public required TensorShape InputShape { get; init; }

    public required int Classes { get; init; }

    /// <summary>
    /// The Softmax or LogSoftmax the model file ended in, dropped from the hardware (<see cref="Model.Network.DroppedOutputActivation"/>);
    /// the report shows the probabilities it would give, the softmax of the logits. Null if the model ends in the logits.
    /// </summary>
    public string? DroppedOutputActivation { get; init; }

    public required long ParameterCount { get; init; }

    public required IReadOnlyList<HardwareLayer> Layers { get; init; }

    public required IReadOnlyList<AttributionMethod> Methods { get; init; }

    public required NumericsScheme Scheme { get; init; }

    public required int ConvParallelismH { get; init; }

    public required int ConvParallelismW { get; init; }

    public required int ConvTileH { get; init; }

    public required int ConvTileW { get; init; }

    public required int ConvTileCi { get; init; }

    public required int ConvTileCo { get; init; }

    public required int FcTile { get; init; }

    /// <summary>
    /// The conv engine's loads overlap its core (<c>XaiDoubleBuffer</c>; hls-lib's <c>double_buffer</c>):
    /// twice the input and weight tiles on chip for the DATAFLOW step loop's ping-pong channel.
    /// </summary>
    public bool DoubleBuffer { get; init; }

    /// <summary>
    /// The dense engine reads its weight blocks in beats of the HP port's width (<c>XaiPackDenseWeights</c>);
    /// <see cref="DenseWeightBeat"/> says how many weights a beat holds for this network and board.
    /// </summary>
    public bool PackDenseWeights { get; init; }

    /// <summary>Weights per read of the dense engine's blocks: 1 unless <see cref="PackDenseWeights"/> (<see cref="Planning.DenseWeightBeat"/>).</summary>
    public int DenseWeightBeat => PackDenseWeights ? Planning.DenseWeightBeat.For(Layers, SlavePortBits, FcTile) : 1;

    /// <summary>The multi-pass methods' parameters (XaiIgSteps, XaiSmoothGradSamples, XaiSmoothGradSigma).</summary>
    public ExplanationSettings Explanation { get; init; } = ExplanationSettings.Default;

    /// <summary>What <paramref name="method"/> asks of the engine with this plan's parameters.</summary>
    public ExplanationSchedule ScheduleOf(AttributionMethod method)
    {
        var schedule = ExplanationSchedule.For(method, Explanation);
        if (schedule.MultiPass)
        {
            return schedule with { SumsOffChip = Explanation.PassSums == PassSumsPlacement.OffChip };
        }

        if (!schedule.LayerMapped || Explanation.GradCamLayer is not { } name)
        {
            return schedule;
        }

        var shape = Layers[GradCamLayer.IndexOf(Layers, name)].OutputShape;
        return schedule with { LayerMap = (shape.Channels, shape.Height * shape.Width) };
    }

    /// <summary>Whether some method keeps its pass input and sums in DRAM: the top then has the <c>pass_input</c> and <c>sums</c> ports.</summary>
    public bool SumsOffChip => Methods.Any(m => ScheduleOf(m).SumsOffChip);

    /// <summary>Exponent of <paramref name="method"/>'s attribution in <paramref name="profile"/> (stored = true × 2^e).</summary>
    public int AttributionExponent(AttributionMethod method, NumericsPlan profile) =>
        ScheduleOf(method).AttributionExponent(profile, ImageRange.IntegerBits(this, profile));

    public required double ClockMHz { get; init; }

    /// <summary>What the board's part offers (the board file's <c>resources</c>), for the resource model's figures.</summary>
    public required Boards.BoardResources BoardResources { get; init; }

    /// <summary>Data width in bits of the PS slave port the accelerator's m_axi ports reach DRAM through (the board file's <c>ps.slavePortDataWidth</c>).</summary>
    public required int SlavePortBits { get; init; }

    /// <summary>The formats the hardware uses, per method (with <see cref="NumericsScheme.PaperFaithful"/> all the paper's).</summary>
    public required IReadOnlyDictionary<AttributionMethod, NumericsPlan> Numerics { get; init; }

    /// <summary>The paper's single format, always simulated beside the chosen one for comparison.</summary>
    public required NumericsPlan PaperNumerics { get; init; }

    public required CalibrationRanges? Calibration { get; init; }

    public long ForwardMacs => Layers.Sum(l => l.ForwardMacs);

    /// <summary>DSP slices the MAC arrays need: one per parallel MAC (paper, Sec. IV-B; <see cref="FpgaResources.ResourceModel"/>).</summary>
    public int DspEstimate => FpgaResources.ResourceModel.Dsps(ConvParallelismH, ConvParallelismW, FcTile);
}
