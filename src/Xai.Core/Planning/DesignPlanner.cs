using Xai.Attribution;
using Xai.Model;
using Xai.Projects;

namespace Xai.Planning;

/// <summary>
/// Chooses the engine configuration and the number formats. Formats are 16 bits wide; their
/// integer bits follow the largest magnitude seen (weights directly, activations and gradients
/// on the calibration images), and each activation and gradient boundary gets its own
/// power-of-two exponent so small activations and the small input gradients keep their precision.
/// </summary>
public static class DesignPlanner
{
    public const int DatapathBits = 16;

    /// <summary>Accumulators hold the exact products' fraction bits; 48 bits leaves ample integer headroom.</summary>
    public const int AccumulatorBits = 48;

    /// <summary>
    /// The convolution tile along a dimension unrolled <paramref name="unroll"/> times: a multiple of
    /// it and even (the fused pool); 16 keeps the on-chip buffers within a few BRAMs on the smallest
    /// board; at least two MAC blocks, so that the II=1 core revisits an accumulator every
    /// (tile_h/n_oh)*(tile_w/n_ow) >= 4 cycles (hls-lib's network_run requires it).
    /// </summary>
    internal static int ConvTile(int unroll) => Math.Max(16, 2 * unroll);

    public static DesignPlan Plan(Network network, IReadOnlyList<HardwareLayer> layers, ProjectSettings settings, string modelFileName, CalibrationRanges? calibration)
    {
        var paper = NumericsPlan.PaperFaithful(layers.Count + 1);
        var explanation = settings.Explanation ?? ExplanationSettings.Default;
        var plan = new DesignPlan
        {
            NetworkName = network.Name,
            ModelFileName = modelFileName,
            Board = settings.Board.Id,
            Part = settings.Board.Part,
            InputShape = network.InputShape,
            Classes = network.OutputClasses,
            DroppedOutputActivation = network.DroppedOutputActivation,
            ParameterCount = network.ParameterCount,
            Layers = layers,
            Methods = settings.Methods,
            Scheme = settings.Numerics,
            ConvParallelismH = settings.ConvParallelismH,
            ConvParallelismW = settings.ConvParallelismW,
            ConvTileH = ConvTile(settings.ConvParallelismH),
            ConvTileW = ConvTile(settings.ConvParallelismW),
            ConvTileCi = 16,
            ConvTileCo = 16,
            FcTile = settings.FcTile,
            DoubleBuffer = settings.DoubleBuffer,
            PackDenseWeights = settings.PackDenseWeights,
            Explanation = explanation with
            {
                GradCamLayer = GradCamLayer.Resolve(layers, explanation.GradCamLayer, settings.ProjectFile,
                    needed: settings.Methods.Any(m => ExplanationSchedule.For(m, explanation).LayerMapped)),
            },
            ClockMHz = settings.ClockMHz,
            BoardResources = settings.Board.Resources,
            SlavePortBits = settings.Board.ProcessingSystem.SlavePortDataWidth,
            Numerics = NumericsFor(layers, settings.Methods, settings.Numerics, paper, calibration),
            PaperNumerics = paper,
            Calibration = calibration,
        };
        return plan with { Explanation = plan.Explanation with { PassSums = PassSumsChoice.Resolve(plan) } };
    }

    /// <summary>
    /// The plan Generate made before calibration, with the number formats sized from
    /// <paramref name="calibration"/>: equal to planning the network with it from the start.
    /// </summary>
    public static DesignPlan Calibrated(DesignPlan plan, CalibrationRanges calibration) => plan with
    {
        Numerics = NumericsFor(plan.Layers, plan.Methods, plan.Scheme, plan.PaperNumerics, calibration),
        Calibration = calibration,
    };

    private static Dictionary<AttributionMethod, NumericsPlan> NumericsFor(
        IReadOnlyList<HardwareLayer> layers, IReadOnlyList<AttributionMethod> methods, NumericsScheme scheme, NumericsPlan paper, CalibrationRanges? calibration)
    {
        var numerics = new Dictionary<AttributionMethod, NumericsPlan>();
        foreach (var method in methods)
        {
            numerics[method] = scheme == NumericsScheme.PaperFaithful || calibration is null
                ? paper
                : PerTensor(layers, calibration, method);
        }

        return numerics;
    }

    /// <summary>Largest activation exponent whose <c>ap_fixed&lt;16,2&gt;</c> holds ReLU6's level 6 (as 1.5).</summary>
    private const int Relu6ActivationExponent = -2;

    public static NumericsPlan PerTensor(IReadOnlyList<HardwareLayer> layers, CalibrationRanges ranges, AttributionMethod method)
    {
        // Activations and gradients round to nearest and saturate: truncation biases every value
        // downwards and flips ReLU and max-pool decisions, and a value beyond the calibration
        // range then clips instead of wrapping to the opposite sign. Both cost an adder and a
        // comparator at each store, not in the MAC datapath. No guard bit for activations: with
        // saturation, precision matters more than headroom.
        // Activations are stored as <16,2> (|stored| < 2) times 2^A_b: A_b puts the largest
        // calibration magnitude at boundary b (0 = input, L = logits) into [1, 2), so every layer
        // keeps 14 fraction bits relative to its own range (the maxima span 1.5 to 28 in the
        // sample), where one shared format would size all of them for the largest.
        var activation = new NumberFormat(DatapathBits, 2, Round: true, Saturate: true);
        var activationExponents = ranges.ActivationMax.Prepend(ranges.InputMax)
            .Select(m => m > 0 && !double.IsInfinity(m) ? -(int)Math.Floor(Math.Log2(m)) : 0).ToArray();
        // After a ReLU6 the format must hold its level 6 (exactly: the clip compares with it), so
        // the exponent is at most -2 (6 x 2^-2 = 1.5 < 2) even when calibration never saw a 6.
        for (var l = 0; l < layers.Count; l++)
        {
            if (layers[l].Relu6)
            {
                activationExponents[l + 1] = Math.Min(activationExponents[l + 1], Relu6ActivationExponent);
            }

            // The pool unit stores each window's maximum as it read it: its output keeps its input's format
            // (lossless; the output's range is at most the input's).
            if (layers[l] is PoolBlockLayer)
            {
                activationExponents[l + 1] = activationExponents[HardwareLayer.SourceOf(layers, l)];
            }
        }
        // Weights and biases are stored as <16,1> (|stored| < 1) times 2^W_l per layer: W_l puts the
        // layer's largest magnitude into [1/2, 1). Folding batch norm into a convolution can give one
        // layer weights of 100 and more while another's stay below 0.01 (and a global average pool
        // folded into a dense layer divides its weights by the map's cells), so one shared format
        // would leave the small ones a few bits; a shift per layer costs nothing in the MAC datapath.
        var weightExponents = layers.Select(WeightMax).Select(m => m > 0 && !double.IsInfinity(m) ? -(int)Math.Floor(Math.Log2(m)) - 1 : 0).ToArray();
        var scaledWeightMax = layers.Select((l, i) => WeightMax(l) * Math.Pow(2, weightExponents[i])).DefaultIfEmpty(0).Max();
        var weight = new NumberFormat(DatapathBits, NumberFormat.IntegerBitsFor(scaledWeightMax, guardBits: 0), Round: true, Saturate: true);
        var productFraction = activation.FractionBits + weight.FractionBits;
        var accumulator = new NumberFormat(AccumulatorBits, AccumulatorBits - productFraction);

        // Gradients are stored as <16,1> (|stored| < 1) times 2^-E_b: E_b puts the largest
        // calibration magnitude at a boundary into [1/2, 1); larger values saturate.
        var gradient = new NumberFormat(DatapathBits, 1, Round: true, Saturate: true);
        var gradMax = ranges.GradientMax.TryGetValue(method, out var g) ? g : throw new ArgumentException($"No calibration for {method}.");
        var exponents = gradMax.Select(m => m > 0 ? -(int)Math.Floor(Math.Log2(m)) - 1 : 0).ToArray();
        var gradientAccumulator = new NumberFormat(AccumulatorBits, AccumulatorBits - (gradient.FractionBits + weight.FractionBits));
        return new NumericsPlan($"fixed_{method}", activation, weight, accumulator, gradient, gradientAccumulator, exponents, activationExponents, weightExponents);
    }

    private static double WeightMax(HardwareLayer layer)
    {
        IEnumerable<float> values = layer switch
        {
            ConvBlockLayer c => c.Conv.Weights.Concat(c.Conv.Bias),
            DenseBlockLayer d => d.Dense.Weights.Concat(d.Dense.Bias),
            _ => [],
        };
        return values.Select(v => Math.Abs((double)v)).DefaultIfEmpty(0).Max();
    }
}
