using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Xai.Attribution;
using Xai.IO;
using Xai.Planning;
using Xai.Simulation;
using Xai.Stages;

namespace Xai.CodeGeneration;

/// <summary>
/// Writes the board folder of the build results (<see cref="BoardRunnerLayout"/>; XaiPublish makes it
/// the output directory's board/ with the other results): the Python
/// runner, its config (sizes, number formats and exponents per method, and, once the Bitstream
/// stage has copied the HLS driver header beside the .bit, the register offsets parsed from it),
/// the weight images, the C-simulation program and image 0's C-simulation record as reference.
/// Called by the CSim stage (always) and by the Bitstream stage (after the header arrives).
/// </summary>
public static class BoardRunnerWriter
{
    public static void Write(DesignPlan plan, BuildLayout layout, int? targetClass)
    {
        var board = layout.BoardDirectory;
        Directory.CreateDirectory(board);
        var sizes = NetworkMemorySizes.For(plan);
        var vendor = VendorLayout.For(layout);
        var (hardwareMethod, fpga, unavailable) = FpgaSection(plan, sizes, layout, vendor);

        CopyIfChanged(layout.SimulationProgram, Path.Combine(board, BoardRunnerLayout.CSimProgramName), executable: true);
        CopyIfChanged(layout.FloatWeights, Path.Combine(board, BoardRunnerLayout.FloatWeightsName));
        var numerics = new JObject();
        foreach (var method in plan.Methods)
        {
            var profile = plan.Numerics[method];
            var image = $"weights.{profile.Name}.bin";
            CopyIfChanged(layout.WeightImage(profile.Name), Path.Combine(board, image));
            numerics[method.ToString()] = new JObject
            {
                ["profile"] = profile.Name,
                ["weightImage"] = image,
                ["activation"] = Format(profile.Activation),
                ["weight"] = Format(profile.Weight),
                ["gradient"] = Format(profile.Gradient),
                ["gradientAccumulator"] = Format(profile.GradientAccumulator), // the off-chip sums' words (XaiPassSums OffChip)
                ["inputExponent"] = profile.ActivationExponents[0],
                ["logitExponent"] = profile.ActivationExponents[^1],
                ["relevanceExponent"] = plan.AttributionExponent(method, profile),
                ["passes"] = plan.ScheduleOf(method).ForwardPasses, // network passes per explanation: the runner's wait scales with them
            };
        }

        var reference = WriteReference(plan, sizes, layout, board);
        var config = new JObject
        {
            ["schema"] = BoardRunnerLayout.ConfigSchema,
            ["board"] = plan.Board,
            ["part"] = plan.Part,
            ["network"] = plan.NetworkName,
            ["inputShape"] = new JArray(plan.InputShape.Dimensions),
            ["inputSize"] = sizes.Input,
            ["weightImageSize"] = sizes.WeightImage,
            ["actArenaSize"] = sizes.ActArena,
            ["gradArenaSize"] = sizes.GradArena,
            ["classes"] = sizes.Classes,
            ["methods"] = new JArray(plan.Methods.Select(m => m.ToString())),
            ["hardwareMethod"] = hardwareMethod,
            ["target"] = targetClass ?? -1,
            ["numerics"] = numerics,
            ["csim"] = new JObject { ["program"] = BoardRunnerLayout.CSimProgramName, ["weights"] = BoardRunnerLayout.FloatWeightsName },
            ["reference"] = reference,
            ["fpga"] = fpga,
            ["fpgaUnavailable"] = unavailable,
        };
        AtomicFile.WriteAllTextIfChanged(Path.Combine(board, BoardRunnerLayout.ConfigName), config.ToString(Formatting.Indented) + "\n");
        AtomicFile.WriteAllTextIfChanged(Path.Combine(board, BoardRunnerLayout.ScriptName), RunnerScript());
        MarkExecutable(Path.Combine(board, BoardRunnerLayout.ScriptName));
    }

    /// <summary>The runner's Python source (embedded in this assembly).</summary>
    public static string RunnerScript()
    {
        using var stream = typeof(BoardRunnerWriter).Assembly.GetManifestResourceStream("Xai.CodeGeneration.xai_runner.py")
            ?? throw new InvalidOperationException("xai_runner.py is not embedded in Xai.Core.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The register map of each top whose driver header the Bitstream stage copied into the output, or why there is none.</summary>
    public static (string? HardwareMethod, JToken? Fpga, string? Unavailable) FpgaSection(DesignPlan plan, NetworkMemorySizes sizes, BuildLayout layout, VendorLayout vendor)
    {
        if (!File.Exists(vendor.SourcesManifest))
        {
            return (null, null, "the HLS sources were not generated (no vendor tools): the fpga backend needs the Bitstream stage");
        }

        var method = Enum.Parse<AttributionMethod>((string)JObject.Parse(File.ReadAllText(vendor.SourcesManifest))["method"]!);
        var tops = new JArray();
        foreach (var variant in new[] { HlsTopVariant.Explain, HlsTopVariant.Inference })
        {
            var top = HlsTopDesign.For(variant, method, sizes);
            var header = Path.Combine(layout.OutputDirectory, top.DriverHeaderName);
            if (File.Exists(header))
            {
                try
                {
                    tops.Add(TopRegisters(top, File.ReadAllText(header), header));
                }
                catch (Diagnostics.XaiException e)
                {
                    // A header without the registers must not fail the build: the runner reports it when asked for the fpga backend.
                    return (method.ToString(), null, e.Diagnostic.ToString());
                }
            }
        }

        return tops.Count == 0
            ? (method.ToString(), null, "no driver header (x<top>_hw.h) in the build output: the fpga backend needs the Bitstream stage")
            : (method.ToString(), new JObject { ["tops"] = tops }, null);
    }

    /// <summary>One top's entry: ap_ctrl, ap_return, target and each m_axi argument's address register, from its driver header.</summary>
    public static JObject TopRegisters(HlsTopDesign top, string headerText, string headerPath)
    {
        var required = new List<string> { "AP_CTRL", "AP_RETURN" };
        required.AddRange(top.MasterPorts.Select(p => DriverRegisterMap.DataRegister(p.Name)));
        if (top.Variant == HlsTopVariant.Explain)
        {
            required.Add(DriverRegisterMap.DataRegister("target"));
        }

        var map = DriverRegisterMap.Parse(headerText, top.FunctionName, HlsTopDesign.ControlBundle, required, headerPath);
        return new JObject
        {
            ["name"] = top.FunctionName,
            ["variant"] = top.Variant == HlsTopVariant.Explain ? "FP+BP" : "FP",
            ["control"] = map.Offsets["AP_CTRL"],
            ["return"] = map.Offsets["AP_RETURN"],
            ["target"] = top.Variant == HlsTopVariant.Explain ? map.Offsets[DriverRegisterMap.DataRegister("target")] : null,
            ["ports"] = new JArray(top.MasterPorts.Select(p => new JObject
            {
                ["name"] = p.Name,
                ["buffer"] = HlsTopDesign.BufferOf(p.Name),
                ["offset"] = map.Offsets[DriverRegisterMap.DataRegister(p.Name)],
                ["bits"] = map.Bits.GetValueOrDefault(DriverRegisterMap.DataRegister(p.Name), 32),
            })),
        };
    }

    // Image 0 as the C simulation saw it and its planned-profile record per method: what the board must reproduce bit for bit.
    private static JObject WriteReference(DesignPlan plan, NetworkMemorySizes sizes, BuildLayout layout, string board)
    {
        var inputs = Path.Combine(layout.IntermediateDirectory, "csim-inputs.f32");
        var outputs = Path.Combine(layout.IntermediateDirectory, "csim-outputs.bin");
        var record = checked((int)(4 + 4 * sizes.Classes + 4 * sizes.Input));
        using (var stream = File.OpenRead(inputs))
        {
            var image = new byte[4 * sizes.Input];
            stream.ReadExactly(image);
            WriteIfChanged(Path.Combine(board, BoardRunnerLayout.ReferenceInputName), image);
        }

        var bytes = File.ReadAllBytes(outputs);
        var files = new JObject();
        for (var m = 0; m < plan.Methods.Count; m++)
        {
            var name = BoardRunnerLayout.ReferenceOutputName(plan.Methods[m].ToString());
            var offset = ((int)NumericsProfile.Planned * plan.Methods.Count + m) * record;
            WriteIfChanged(Path.Combine(board, name), bytes.AsSpan(offset, record).ToArray());
            files[plan.Methods[m].ToString()] = name;
        }

        return new JObject { ["input"] = BoardRunnerLayout.ReferenceInputName, ["outputs"] = files };
    }

    private static JObject Format(NumberFormat f) => new()
    {
        ["width"] = f.Width,
        ["integerBits"] = f.IntegerBits,
        ["round"] = f.Round,
        ["saturate"] = f.Saturate,
    };

    private static void CopyIfChanged(string from, string to, bool executable = false)
    {
        WriteIfChanged(to, File.ReadAllBytes(from));
        if (executable)
        {
            MarkExecutable(to);
        }
    }

    private static void MarkExecutable(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }
    }

    // Unchanged files keep their timestamps (and so the stages after this one stay up to date).
    private static void WriteIfChanged(string path, byte[] bytes)
    {
        if (!File.Exists(path) || !File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
        {
            AtomicFile.WriteAllBytes(path, bytes);
        }
    }
}
