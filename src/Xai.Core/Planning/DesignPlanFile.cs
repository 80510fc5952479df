using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Xai.Attribution;
using Xai.Diagnostics;
using Xai.IO;
using Xai.Model;
using Xai.Projects;

namespace Xai.Planning;

/// <summary>
/// The plan as one stage hands it to the next (machine-readable, unlike the plan.json people read):
/// every field of <see cref="DesignPlan"/>, with the layers' weights taken from the float weight
/// image Generate wrote in <see cref="CodeGeneration.WeightImage"/> order rather than copied. Later
/// stages load it instead of importing the ONNX model and planning again.
/// </summary>
public static class DesignPlanFile
{
    public const string FormatName = "xai-design-plan/10"; // 2: convolutions carry stride, pads and depthwise; 3: weight exponents, relu6; 4: inputFrom, residualFrom; 5: pool blocks, dense relu6; 6: packDenseWeights; 7: explanation; 8: explanation.gradCamLayer; 9: explanation.igBaseline; 10: explanation.passSums

    /// <summary>Writes <paramref name="plan"/> to <paramref name="path"/>, only when its content changes.</summary>
    public static void Save(DesignPlan plan, string path) =>
        AtomicFile.WriteAllTextIfChanged(path, ToJson(plan).ToString(Formatting.Indented));

    public static JObject ToJson(DesignPlan plan) => new()
    {
        ["format"] = FormatName,
        ["networkName"] = plan.NetworkName,
        ["modelFileName"] = plan.ModelFileName,
        ["board"] = plan.Board,
        ["part"] = plan.Part,
        ["inputShape"] = Shape(plan.InputShape),
        ["classes"] = plan.Classes,
        ["parameterCount"] = plan.ParameterCount,
        ["layers"] = new JArray(plan.Layers.Select(Layer)),
        ["methods"] = new JArray(plan.Methods.Select(m => m.ToString())),
        ["scheme"] = plan.Scheme.ToString(),
        ["convParallelismH"] = plan.ConvParallelismH,
        ["convParallelismW"] = plan.ConvParallelismW,
        ["convTileH"] = plan.ConvTileH,
        ["convTileW"] = plan.ConvTileW,
        ["convTileCi"] = plan.ConvTileCi,
        ["convTileCo"] = plan.ConvTileCo,
        ["fcTile"] = plan.FcTile,
        ["droppedOutputActivation"] = plan.DroppedOutputActivation,
        ["doubleBuffer"] = plan.DoubleBuffer,
        ["packDenseWeights"] = plan.PackDenseWeights,
        ["explanation"] = new JObject
        {
            ["igSteps"] = plan.Explanation.IgSteps,
            ["smoothGradSamples"] = plan.Explanation.SmoothGradSamples,
            ["smoothGradSigma"] = plan.Explanation.SmoothGradSigma,
            ["noiseSeed"] = plan.Explanation.NoiseSeed,
            ["gradCamLayer"] = plan.Explanation.GradCamLayer,
            ["igBaseline"] = plan.Explanation.IgBaseline,
            ["passSums"] = plan.Explanation.PassSums.ToString(),
        },
        ["clockMHz"] = plan.ClockMHz,
        ["boardResources"] = new JObject
        {
            ["bram18k"] = plan.BoardResources.Bram18K,
            ["dsp"] = plan.BoardResources.Dsp,
            ["ff"] = plan.BoardResources.FlipFlops,
            ["lut"] = plan.BoardResources.Luts,
            ["uram"] = plan.BoardResources.Uram,
        },
        ["slavePortBits"] = plan.SlavePortBits,
        ["numerics"] = new JObject(plan.Numerics.Select(kv => new JProperty(kv.Key.ToString(), Numerics(kv.Value)))),
        ["paperNumerics"] = Numerics(plan.PaperNumerics),
        ["calibration"] = plan.Calibration is { } c
            ? new JObject
            {
                ["images"] = c.Images,
                ["inputMax"] = c.InputMax,
                ["activationMax"] = new JArray(c.ActivationMax),
                ["gradientMax"] = new JObject(c.GradientMax.Select(kv => new JProperty(kv.Key.ToString(), new JArray(kv.Value)))),
            }
            : null,
    };

    /// <summary>Reads a plan <see cref="Save"/> wrote, with the weights from <paramref name="floatWeightsFile"/>.</summary>
    /// <exception cref="XaiException">XAI3202 when either file is missing, unreadable or from another format.</exception>
    public static DesignPlan Load(string path, string floatWeightsFile)
    {
        JObject json;
        float[] weights;
        try
        {
            json = JObject.Parse(File.ReadAllText(path));
            weights = Simulation.CSimResults.ReadFloats(floatWeightsFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new XaiException(DiagnosticCatalog.PlanUnreadable, $"The design plan cannot be read ({e.Message}); build the XaiPlan target (a plain build does).", path, inner: e);
        }

        if ((string?)json["format"] != FormatName)
        {
            throw new XaiException(DiagnosticCatalog.PlanUnreadable, $"The design plan has format '{json["format"]}', not '{FormatName}'; rebuild (an SDK update changed it).", path);
        }

        try
        {
            var offset = 0;
            var layers = json["layers"]!.Select(l => Layer((JObject)l, weights, ref offset)).ToList();
            if (offset != weights.Length)
            {
                throw new XaiException(DiagnosticCatalog.PlanUnreadable, $"The float weight image holds {weights.Length} values; the plan's layers need {offset}. Rebuild (XaiGenerate and XaiPlan).", floatWeightsFile);
            }

            return new DesignPlan
            {
                NetworkName = (string)json["networkName"]!,
                ModelFileName = (string)json["modelFileName"]!,
                Board = (string)json["board"]!,
                Part = (string)json["part"]!,
                InputShape = Shape(json["inputShape"]!),
                Classes = (int)json["classes"]!,
                ParameterCount = (long)json["parameterCount"]!,
                Layers = layers,
                Methods = json["methods"]!.Select(m => Enum.Parse<AttributionMethod>((string)m!)).ToList(),
                Scheme = Enum.Parse<NumericsScheme>((string)json["scheme"]!),
                ConvParallelismH = (int)json["convParallelismH"]!,
                ConvParallelismW = (int)json["convParallelismW"]!,
                ConvTileH = (int)json["convTileH"]!,
                ConvTileW = (int)json["convTileW"]!,
                ConvTileCi = (int)json["convTileCi"]!,
                ConvTileCo = (int)json["convTileCo"]!,
                FcTile = (int)json["fcTile"]!,
                DroppedOutputActivation = (string?)json["droppedOutputActivation"],
                DoubleBuffer = (bool?)json["doubleBuffer"] ?? false,
                PackDenseWeights = (bool?)json["packDenseWeights"] ?? false,
                Explanation = new ExplanationSettings((int)json["explanation"]!["igSteps"]!, (int)json["explanation"]!["smoothGradSamples"]!,
                    (double)json["explanation"]!["smoothGradSigma"]!, (uint)json["explanation"]!["noiseSeed"]!, (string?)json["explanation"]!["gradCamLayer"],
                    (string?)json["explanation"]!["igBaseline"], Enum.Parse<PassSumsPlacement>((string)json["explanation"]!["passSums"]!)),
                ClockMHz = (double)json["clockMHz"]!,
                BoardResources = new Boards.BoardResources(
                    (int)json["boardResources"]!["bram18k"]!, (int)json["boardResources"]!["dsp"]!, (int)json["boardResources"]!["ff"]!,
                    (int)json["boardResources"]!["lut"]!, (int)json["boardResources"]!["uram"]!),
                SlavePortBits = (int)json["slavePortBits"]!,
                Numerics = ((JObject)json["numerics"]!).Properties().ToDictionary(p => Enum.Parse<AttributionMethod>(p.Name), p => Numerics((JObject)p.Value)),
                PaperNumerics = Numerics((JObject)json["paperNumerics"]!),
                Calibration = json["calibration"] is JObject c
                    ? new CalibrationRanges(
                        (int)c["images"]!,
                        (double)c["inputMax"]!,
                        c["activationMax"]!.Select(v => (double)v).ToList(),
                        ((JObject)c["gradientMax"]!).Properties().ToDictionary(p => Enum.Parse<AttributionMethod>(p.Name), p => p.Value.Select(v => (double)v).ToArray()))
                    : null,
            };
        }
        catch (Exception e) when (e is NullReferenceException or InvalidCastException or FormatException or ArgumentException or OverflowException)
        {
            throw new XaiException(DiagnosticCatalog.PlanUnreadable, $"The design plan is incomplete or corrupt ({e.Message}); rebuild.", path, inner: e);
        }
    }

    private static JObject Layer(HardwareLayer layer)
    {
        var json = LayerFields(layer);
        if (layer.InputFrom is int from)
        {
            json["inputFrom"] = from;
        }

        return json;
    }

    private static JObject LayerFields(HardwareLayer layer) => layer switch
    {
        ConvBlockLayer c => new JObject
        {
            ["kind"] = "conv",
            ["name"] = c.Name,
            ["layerName"] = c.Conv.Name,
            ["input"] = Shape(c.Conv.InputShape),
            ["outChannels"] = c.Conv.OutChannels,
            ["kernel"] = c.Conv.KernelSize,
            ["stride"] = c.Conv.Stride,
            ["depthwise"] = c.Conv.Depthwise,
            ["pads"] = new JArray(c.Conv.Pads.Top, c.Conv.Pads.Left, c.Conv.Pads.Bottom, c.Conv.Pads.Right),
            ["relu"] = c.Relu,
            ["relu6"] = c.Relu6,
            ["pool"] = c.Pool,
            ["residualFrom"] = c.ResidualFrom,
            ["output"] = Shape(c.OutputShape),
        },
        DenseBlockLayer d => new JObject
        {
            ["kind"] = "dense",
            ["name"] = d.Name,
            ["layerName"] = d.Dense.Name,
            ["input"] = Shape(d.Dense.InputShape),
            ["outFeatures"] = d.Dense.OutFeatures,
            ["relu"] = d.Relu,
            ["relu6"] = d.Relu6,
            ["flatInput"] = Shape(d.InputShape),
        },
        PoolBlockLayer p => new JObject
        {
            ["kind"] = "pool",
            ["name"] = p.Name,
            ["layerName"] = p.Pool.Name,
            ["input"] = Shape(p.InputShape),
            ["kernel"] = p.Pool.KernelSize,
            ["pads"] = new JArray(p.Pool.Pads.Top, p.Pool.Pads.Left, p.Pool.Pads.Bottom, p.Pool.Pads.Right),
        },
        _ => throw new ArgumentException($"No file form for {layer.GetType().Name}.", nameof(layer)),
    };

    private static HardwareLayer Layer(JObject json, float[] weights, ref int offset) =>
        LayerFields(json, weights, ref offset) with { InputFrom = (int?)json["inputFrom"] };

    private static HardwareLayer LayerFields(JObject json, float[] weights, ref int offset)
    {
        var input = Shape(json["input"]!);
        switch ((string?)json["kind"])
        {
            case "conv":
                var outChannels = (int)json["outChannels"]!;
                var kernel = (int)json["kernel"]!;
                var depthwise = (bool)json["depthwise"]!;
                var convWeights = Take(weights, ref offset, outChannels * (depthwise ? 1 : input.Channels) * kernel * kernel);
                var convBias = Take(weights, ref offset, outChannels);
                var pads = ((JArray)json["pads"]!).Select(p => (int)p).ToArray();
                var conv = new Conv2dLayer((string)json["layerName"]!, input, outChannels, kernel, new ConvolutionPadding(pads[0], pads[1], pads[2], pads[3]), (int)json["stride"]!, convWeights, convBias, depthwise);
                return new ConvBlockLayer((string)json["name"]!, conv, (bool)json["relu"]!, (bool)json["pool"]!, Shape(json["output"]!)) { Relu6 = (bool)json["relu6"]!, ResidualFrom = (int?)json["residualFrom"] };
            case "dense":
                var outFeatures = (int)json["outFeatures"]!;
                var denseWeights = Take(weights, ref offset, outFeatures * input.ElementCount);
                var denseBias = Take(weights, ref offset, outFeatures);
                var dense = new DenseLayer((string)json["layerName"]!, input, outFeatures, denseWeights, denseBias);
                return new DenseBlockLayer((string)json["name"]!, dense, (bool)json["relu"]!, Shape(json["flatInput"]!)) { Relu6 = (bool)json["relu6"]! };
            case "pool":
                var poolPads = ((JArray)json["pads"]!).Select(p => (int)p).ToArray();
                var pool = new MaxPool2dLayer((string)json["layerName"]!, input, (int)json["kernel"]!, new ConvolutionPadding(poolPads[0], poolPads[1], poolPads[2], poolPads[3]));
                return new PoolBlockLayer((string)json["name"]!, pool);
            default:
                throw new FormatException($"layer kind '{json["kind"]}' is not conv, dense or pool");
        }
    }

    private static ReadOnlySpan<float> Take(float[] weights, ref int offset, int count)
    {
        if (offset + count > weights.Length)
        {
            throw new ArgumentException($"the float weight image holds {weights.Length} values, fewer than the layers need");
        }

        var span = weights.AsSpan(offset, count);
        offset += count;
        return span;
    }

    private static JArray Shape(TensorShape shape) => new(shape.Dimensions);

    private static TensorShape Shape(JToken json) => new(json.Select(d => (int)d).ToArray());

    private static JObject Numerics(NumericsPlan p) => new()
    {
        ["name"] = p.Name,
        ["activation"] = Format(p.Activation),
        ["weight"] = Format(p.Weight),
        ["accumulator"] = Format(p.Accumulator),
        ["gradient"] = Format(p.Gradient),
        ["gradientAccumulator"] = Format(p.GradientAccumulator),
        ["gradientExponents"] = new JArray(p.GradientExponents),
        ["activationExponents"] = new JArray(p.ActivationExponents),
        ["weightExponents"] = new JArray(p.WeightExponents),
    };

    private static NumericsPlan Numerics(JObject json) => new(
        (string)json["name"]!,
        Format(json["activation"]!),
        Format(json["weight"]!),
        Format(json["accumulator"]!),
        Format(json["gradient"]!),
        Format(json["gradientAccumulator"]!),
        json["gradientExponents"]!.Select(v => (int)v).ToArray(),
        json["activationExponents"]!.Select(v => (int)v).ToArray(),
        json["weightExponents"]!.Select(v => (int)v).ToArray());

    private static JObject Format(NumberFormat f) => new()
    {
        ["width"] = f.Width,
        ["integerBits"] = f.IntegerBits,
        ["round"] = f.Round,
        ["saturate"] = f.Saturate,
    };

    private static NumberFormat Format(JToken json) =>
        new((int)json["width"]!, (int)json["integerBits"]!, (bool)json["round"]!, (bool)json["saturate"]!);
}
