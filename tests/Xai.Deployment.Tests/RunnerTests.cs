using System.Buffers.Binary;
using Newtonsoft.Json.Linq;
using Xai.CodeGeneration;
using Xai.Planning;

namespace Xai.Deployment.Tests;

/// <summary>The board-side runner as the build writes it, run with /usr/bin/python3: csim backend, and the FPGA path against the fake pynq package.</summary>
[Collection(BoardCollection.Name)]
public sealed class RunnerTests(DeployableBuild build) : IClassFixture<DeployableBuild>
{
    [Fact]
    public void ConfigTakesRegisterOffsetsFromTheDriverHeader()
    {
        var config = JObject.Parse(File.ReadAllText(Path.Combine(build.BoardFolder, BoardRunnerLayout.ConfigName)));
        var top = (JObject)config["fpga"]!["tops"]![0]!;
        Assert.Equal(build.Offsets["AP_CTRL"], (int)top["control"]!);
        Assert.Equal(build.Offsets["AP_RETURN"], (int)top["return"]!);
        Assert.Equal(build.Offsets["TARGET_DATA"], (int)top["target"]!);
        foreach (var port in top["ports"]!)
        {
            Assert.Equal(build.Offsets[((string)port["name"]!).ToUpperInvariant() + "_DATA"], (int)port["offset"]!);
            Assert.Equal(64, (int)port["bits"]!);
        }

        Assert.Null(config["fpgaUnavailable"]?.Type == JTokenType.Null ? null : config["fpgaUnavailable"]);
    }

    [Fact]
    public void CsimBackendReproducesTheBuildsCSimulationBitForBit()
    {
        var run = Runner(["benchmark", "--backend", "csim", "--iterations", "2", "--warmup", "1"]);
        Assert.True(run.ExitCode == 0, run.Error + run.Output);
        var json = JObject.Parse(run.Output);
        Assert.Equal("xai-runner/1", (string?)json["schema"]);
        Assert.Equal("csim", (string?)json["backend"]);
        var schema = JObject.Parse(File.ReadAllText(Path.Combine(Xai.Core.Tests.RepositoryLayout.Root, "schemas", "xai-runner-1.schema.json")));
        Assert.Equal((string?)schema["properties"]!["schema"]!["const"], (string?)json["schema"]);
        Assert.All(schema["required"]!.Values<string>(), key => Assert.NotNull(json[key!]));
        Assert.All(json.Properties(), p => Assert.NotNull(schema["properties"]![p.Name]));
        Assert.Equal(2, ((JArray)json["variants"]![0]!["samplesMs"]!["total"]!).Count);
        var reference = File.ReadAllBytes(Path.Combine(build.BoardFolder, BoardRunnerLayout.ReferenceOutputName(build.Method)));
        var output = (JObject)json["output"]!;
        Assert.Equal(BinaryPrimitives.ReadInt32LittleEndian(reference), (int)output["class"]!);
        var floats = output["logits"]!.Concat(output["relevance"]!).Select(v => (float)(double)v).ToArray();
        Assert.Equal(reference.Length / 4 - 1, floats.Length);
        for (var i = 0; i < floats.Length; i++)
        {
            Assert.Equal(BinaryPrimitives.ReadInt32LittleEndian(reference.AsSpan(4 + 4 * i)), BitConverter.SingleToInt32Bits(floats[i]));
        }
    }

    [Fact]
    public void FpgaPathWithFakePynqProgramsThePlAndScalesInputsAndOutputs()
    {
        var root = Directory.CreateDirectory(Path.Combine(build.Build.Directory, "fake-board-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        var env = FakeBoard(root);
        var bit = Path.Combine(build.Output, "odd.bit");
        var load = Runner(["load", bit], env);
        Assert.True(load.ExitCode == 0, load.Error + load.Output);
        Assert.Equal("operating", (string?)JObject.Parse(load.Output)["state"]);
        Assert.Equal("odd.bin", File.ReadAllText(Path.Combine(root, "sys/class/fpga_manager/fpga0/firmware")).Trim());
        Assert.Equal(File.ReadAllBytes(bit), File.ReadAllBytes(Path.Combine(root, "lib/firmware/odd.bin")));

        var run = Runner(["benchmark", "--backend", "fpga", "--bit", bit, "--iterations", "3", "--warmup", "1"], env);
        Assert.True(run.ExitCode == 0, run.Error + run.Output);
        var json = JObject.Parse(run.Output);
        Assert.Equal("fpga", (string?)json["backend"]);
        Assert.Equal(100.0, (double)json["clockMHz"]!);
        Assert.Contains(json["unavailable"]!, u => (string?)u["variant"] == "FP");

        // The fake accelerator copies the image's raw words to relevance and writes logits raw = ((i*37) % 11 - 5) * 64.
        var numerics = build.Build.Plan.Numerics[build.Build.Plan.Methods[0]];
        var input = ReadFloats(Path.Combine(build.BoardFolder, BoardRunnerLayout.ReferenceInputName));
        var output = (JObject)json["output"]!;
        var relevance = output["relevance"]!.Select(v => (float)(double)v).ToArray();
        for (var i = 0; i < input.Length; i++)
        {
            var raw = numerics.Activation.QuantizeToRaw(input[i] * Math.Pow(2, numerics.ActivationExponents[0]));
            var expected = (float)(Wrap(raw, numerics.Gradient.Width) * Math.Pow(2, -numerics.Gradient.FractionBits - numerics.GradientExponents[0]));
            Assert.Equal(expected, relevance[i]);
        }

        var logits = output["logits"]!.Select(v => (float)(double)v).ToArray();
        var rawLogits = Enumerable.Range(0, logits.Length).Select(i => (i * 37 % 11 - 5) * 64L).ToArray();
        for (var i = 0; i < logits.Length; i++)
        {
            Assert.Equal((float)(rawLogits[i] * Math.Pow(2, -numerics.Activation.FractionBits - numerics.ActivationExponents[^1])), logits[i]);
        }

        Assert.Equal(Array.IndexOf(rawLogits, rawLogits.Max()), (int)output["class"]!);
    }

    [Fact]
    public void WithoutADriverHeaderTheFpgaBackendNamesTheBitstreamStage()
    {
        var copy = build.CopyOutput();
        File.Delete(Path.Combine(copy, build.Top.DriverHeaderName));
        var layout = build.CopyLayout(copy);
        BoardRunnerWriter.Write(build.Build.Plan, layout, null);
        var run = PythonProcess.Run(Path.Combine(layout.BoardDirectory, BoardRunnerLayout.ScriptName),
            ["benchmark", "--backend", "fpga", "--bit", Path.Combine(copy, "odd.bit")]);
        Assert.Equal(1, run.ExitCode);
        var json = JObject.Parse(run.Output);
        Assert.False((bool)json["ok"]!);
        Assert.Contains("Bitstream stage", (string)json["error"]!);
    }

    [Fact]
    public void AHeaderWithoutTheRegistersLeavesTheFpgaBackendUnavailableAndSaysWhy()
    {
        var copy = build.CopyOutput();
        // What the integration tests' fake Vitis HLS writes: a header with no register map.
        File.WriteAllText(Path.Combine(copy, build.Top.DriverHeaderName), "// test double: no register map\n");
        var layout = build.CopyLayout(copy);
        BoardRunnerWriter.Write(build.Build.Plan, layout, null);
        var config = JObject.Parse(File.ReadAllText(Path.Combine(layout.BoardDirectory, BoardRunnerLayout.ConfigName)));
        Assert.Equal(JTokenType.Null, config["fpga"]!.Type);
        Assert.Contains("XAI7410", (string)config["fpgaUnavailable"]!);
        var run = PythonProcess.Run(Path.Combine(layout.BoardDirectory, BoardRunnerLayout.ScriptName),
            ["benchmark", "--backend", "fpga", "--bit", Path.Combine(copy, "odd.bit")]);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("XXAI_TOP_CONTROL_ADDR_AP_CTRL", (string)JObject.Parse(run.Output)["error"]!);
    }

    /// <summary>
    /// A top with the multi-pass methods' buffers in DRAM (XaiPassSums OffChip) has two more ports, pass_input and sums:
    /// the runner allocates a buffer for each (input-sized; a sum in a power-of-two word at least the accumulator's width) and
    /// writes its address, which the fake accelerator checks. The config's entry for that top is BoardRunnerWriter's, from a
    /// driver header in Vitis HLS's format for the off-chip Integrated Gradients top of this network (its register map, not
    /// the fixture's Saliency top's with two ports added).
    /// </summary>
    [Fact]
    public void FpgaPathAllocatesTheOffChipSumsBuffersOfAMultiPassTop()
    {
        var root = Directory.CreateDirectory(Path.Combine(build.Build.Directory, "fake-board-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        var board = Path.Combine(root, "board");
        Directory.CreateDirectory(board);
        foreach (var file in Directory.GetFiles(build.BoardFolder))
        {
            File.Copy(file, Path.Combine(board, Path.GetFileName(file)));
        }

        var sizes = NetworkMemorySizes.For(build.Build.Plan) with { PassSumsOffChip = true };
        var top = HlsTopDesign.For(HlsTopVariant.Explain, Xai.Attribution.AttributionMethod.IntegratedGradients, sizes);
        Assert.Equal([HlsTopDesign.PassInputPort, HlsTopDesign.SumsPort], top.MasterPorts.Select(p => p.Name).TakeLast(2));
        var (header, offsets) = TestHardwareFiles.DriverHeader(top);
        var headerPath = Path.Combine(root, top.DriverHeaderName);
        File.WriteAllText(headerPath, header);
        var entry = BoardRunnerWriter.TopRegisters(top, header, headerPath);
        Assert.Equal(
            top.MasterPorts.Select(p => (p.Name, offsets[p.Name.ToUpperInvariant() + "_DATA"])),
            entry["ports"]!.Select(p => ((string)p["name"]!, (int)p["offset"]!)));
        Assert.Equal(sizes.Input, top.MasterPorts.Single(p => p.Name == HlsTopDesign.SumsPort).Depth);

        var configFile = Path.Combine(board, BoardRunnerLayout.ConfigName);
        var config = JObject.Parse(File.ReadAllText(configFile));
        var tops = (JArray)config["fpga"]!["tops"]!;
        tops.First(t => (string?)t["variant"] == "FP+BP")!.Replace(entry);
        File.WriteAllText(configFile, config.ToString());
        var env = FakeBoard(root, offsets);
        var run = PythonProcess.Run(Path.Combine(board, BoardRunnerLayout.ScriptName),
            ["benchmark", "--backend", "fpga", "--bit", Path.Combine(build.Output, "odd.bit"), "--iterations", "1", "--warmup", "1"], env);
        Assert.True(run.ExitCode == 0, run.Error + run.Output);
        Assert.Equal("fpga", (string?)JObject.Parse(run.Output)["backend"]);

        // The build's own (on-chip) config against the off-chip top's registers puts no buffer's address in pass_input
        // (its target word lands there), and the fake accelerator says so. What makes it so in these maps:
        Assert.All(["IMAGE_DATA", "RELEVANCE_DATA", "LOGITS_DATA", "AP_RETURN"], r => Assert.Equal(build.Offsets[r], offsets[r]));
        Assert.Equal(build.Offsets["TARGET_DATA"], offsets["PASS_INPUT_DATA"]);
        File.Copy(Path.Combine(build.BoardFolder, BoardRunnerLayout.ConfigName), configFile, overwrite: true);
        var missing = PythonProcess.Run(Path.Combine(board, BoardRunnerLayout.ScriptName),
            ["benchmark", "--backend", "fpga", "--bit", Path.Combine(build.Output, "odd.bit"), "--iterations", "1", "--warmup", "1"], env);
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Matches(@"register 0x[0-9a-f]+ \(pass_input\) holds 0x[0-9a-f]+, which is no allocated buffer", missing.Output + missing.Error);
    }

    /// <summary>The environment of a runner on the fake board under <paramref name="root"/>: the fake pynq package, and the registers its accelerator reads (the build's, or those of <paramref name="map"/>, a driver header's offsets).</summary>
    private Dictionary<string, string> FakeBoard(string root, IReadOnlyDictionary<string, int>? map = null)
    {
        var offsets = map ?? build.Offsets;
        var registers = new JObject
        {
            ["image"] = offsets["IMAGE_DATA"],
            ["relevance"] = offsets["RELEVANCE_DATA"],
            ["logits"] = offsets["LOGITS_DATA"],
            ["return"] = offsets["AP_RETURN"],
        };
        foreach (var name in new[] { HlsTopDesign.PassInputPort, HlsTopDesign.SumsPort })
        {
            if (offsets.TryGetValue(name.ToUpperInvariant() + "_DATA", out var offset))
            {
                registers[name] = offset;
            }
        }

        return new Dictionary<string, string>
        {
            ["XAI_BOARD_ROOT"] = root,
            ["PYTHONPATH"] = DeployableBuild.StandInDirectory,
            ["XAI_FAKE_PYNQ_REGISTERS"] = registers.ToString(),
        };
    }

    private PythonProcess.Result Runner(IEnumerable<string> args, IReadOnlyDictionary<string, string>? env = null) =>
        PythonProcess.Run(Path.Combine(build.BoardFolder, BoardRunnerLayout.ScriptName), args, env);

    private static float[] ReadFloats(string path)
    {
        var bytes = File.ReadAllBytes(path);
        return Enumerable.Range(0, bytes.Length / 4).Select(i => BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(4 * i))).ToArray();
    }

    private static long Wrap(long raw, int width)
    {
        var shift = 64 - width;
        return (raw << shift) >> shift;
    }
}
