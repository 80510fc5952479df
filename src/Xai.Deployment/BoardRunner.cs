using System.Buffers.Binary;
using Newtonsoft.Json.Linq;
using Renci.SshNet.Common;
using Xai.Attribution;
using Xai.CodeGeneration;
using Xai.Diagnostics;
using Xai.Imaging;
using Xai.IO;
using Xai.Model;
using Xai.Simulation;

namespace Xai.Deployment;

/// <summary>Runs the installed board-side runner: benchmarks and attribution.</summary>
public static class BoardRunner
{
    /// <summary>
    /// FP+BP (and FP when the overlay has the inference top) on the reference image of the build,
    /// compared bit for bit with the C simulation's record of it (copied and SHA-256-checked at install).
    /// </summary>
    /// <exception cref="XaiException">XAI7303 nothing installed; XAI7402 fpga on a stand-in; XAI7400/7401 runner failed or printed garbage.</exception>
    public static IReadOnlyList<BenchmarkResult> Benchmark(BoardSession session, BenchmarkOptions options, CancellationToken cancel)
    {
        CheckCounts(options);
        var installed = Installed(session, cancel);
        var backend = BackendFor(session, options.Backend);
        var method = options.Method ?? HardwareMethod(installed.Config);
        if (backend == "fpga" && method != HardwareMethod(installed.Config))
        {
            throw new XaiException(DiagnosticCatalog.MethodNotOnOverlay,
                $"The overlay on {session.Board.Id} computes {HardwareMethod(installed.Config)}, not {method}: benchmark {method} on the csim backend, or build the project with {method} first in XaiMethods and install that bitstream.");
        }

        return BenchmarkMethod(session, installed, backend, method, options, cancel);
    }

    /// <summary>
    /// <see cref="Benchmark"/> for every method of the build, one after another: all of them in C simulation; on the
    /// PL only the method the overlay's top computes (the others are listed in <see cref="EveryMethodBenchmark.NotOnOverlay"/>).
    /// </summary>
    public static EveryMethodBenchmark BenchmarkEveryMethod(BoardSession session, BenchmarkOptions options, IProgress<DeploymentProgress>? progress, CancellationToken cancel)
    {
        CheckCounts(options);
        var installed = Installed(session, cancel);
        var backend = BackendFor(session, options.Backend);
        var methods = (installed.Config["methods"] as JArray ?? []).Values<string>().OfType<string>().ToList();
        var runnable = backend == "fpga" ? methods.Where(m => m == HardwareMethod(installed.Config)).ToList() : methods;
        var results = new List<BenchmarkResult>();
        for (var k = 0; k < runnable.Count; k++)
        {
            cancel.ThrowIfCancellationRequested();
            progress?.Report(new DeploymentProgress($"Invoke-XaiBenchmark on {session.Board.Id}", $"{runnable[k]} ({k + 1} of {runnable.Count}, {backend})", 100 * k / runnable.Count));
            results.AddRange(BenchmarkMethod(session, installed, backend, runnable[k], options, cancel));
        }

        return new EveryMethodBenchmark(results, [.. methods.Except(runnable)]);
    }

    private static void CheckCounts(BenchmarkOptions options)
    {
        if (options.Iterations < 1 || options.Warmup < 0)
        {
            throw new XaiException(DiagnosticCatalog.EndpointInvalid, $"Iterations must be at least 1 and Warmup at least 0; got {options.Iterations} and {options.Warmup}.");
        }
    }

    /// <summary>The method the overlay's FP+BP top computes (the build's first method).</summary>
    private static string HardwareMethod(JObject config) =>
        (string?)config["hardwareMethod"] ?? (string?)config["methods"]?[0] ?? "";

    private static IReadOnlyList<BenchmarkResult> BenchmarkMethod(BoardSession session, InstalledRunner installed, string backend, string method, BenchmarkOptions options, CancellationToken cancel)
    {
        var json = OverlayInstaller.Runner(session,
            $"benchmark --backend {backend} --method {RemoteCommand.Quote(method)} --iterations {options.Iterations} --warmup {options.Warmup}{installed.BitArgument(backend)}", cancel);
        var output = json["output"] as JObject;
        bool? exact = output is null ? null : SameAsReference(installed, method, output);
        var clock = json.Value<double?>("clockMHz");
        var variants = (json["variants"] as JArray ?? []).OfType<JObject>().ToList();
        var results = new List<BenchmarkResult>();
        double? fpMedian = null;
        foreach (var v in variants)
        {
            var samples = (JObject)v["samplesMs"]!;
            PhaseStatistics Stats(string key) => PhaseStatistics.Of(samples[key]!.Values<double>().ToList());
            var total = Stats("total");
            var variant = (string)v["variant"]!;
            fpMedian = variant == "FP" ? total.MedianMs : fpMedian;
            var unavailable = (json["unavailable"] as JArray ?? []).OfType<JObject>().Select(u => $"{u["variant"]}: {u["reason"]}");
            var notes = new List<string>();
            if (backend == "csim")
            {
                notes.Add("csim backend: times are the C-simulation program's on the board CPU (all profiles and methods), not accelerator latency");
            }

            if (session.IsStandIn)
            {
                notes.Add("measured on a board stand-in");
            }

            notes.AddRange(unavailable);
            results.Add(new BenchmarkResult(
                variant, backend, session.Board.Id, session.IsStandIn, method, (int)v["iterations"]!, (int)v["warmup"]!,
                Stats("hostToDevice"), Stats("accelerator"), Stats("deviceToHost"), total,
                total.MedianMs > 0 ? 1000.0 / total.MedianMs : double.PositiveInfinity,
                clock,
                variant == "FP+BP" && fpMedian is { } fp && fp > 0 ? total.MedianMs / fp - 1 : null,
                variant == "FP+BP" ? exact : null,
                notes.Count == 0 ? null : string.Join("; ", notes)));
        }

        return results;
    }

    /// <summary>Class, logits, relevance .npy and heatmap PNG per image, written below <paramref name="localOutputDir"/>.</summary>
    /// <exception cref="XaiException">XAI7403 no images; XAI4010/4011 image size or channels; XAI74xx runner.</exception>
    public static IReadOnlyList<AttributionResult> Attribute(BoardSession session, IEnumerable<string> pngPaths, string localOutputDir, CancellationToken cancel)
    {
        var paths = pngPaths.ToList();
        if (paths.Count == 0)
        {
            throw new XaiException(DiagnosticCatalog.ImagesMissing, "No images were given: pass one or more PNG files the network's size.");
        }

        var installed = Installed(session, cancel);
        var shape = new TensorShape(installed.Config["inputShape"]!.Values<int>().ToArray());
        var images = paths.Select(p => InputImage.Load(p, shape, null)).ToList();
        var backend = BackendFor(session, null);
        var method = HardwareMethod(installed.Config);
        var remoteInputs = $"{session.RemoteRoot}/.inputs-{Guid.NewGuid():N}.f32";
        var bytes = new byte[4 * images.Sum(i => i.Tensor.Length)];
        var offset = 0;
        foreach (var v in images.SelectMany(i => i.Tensor))
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(offset), v);
            offset += 4;
        }

        using (var stream = new MemoryStream(bytes))
        {
            session.Sftp.UploadFile(stream, remoteInputs);
        }

        JObject json;
        try
        {
            json = OverlayInstaller.Runner(session,
                $"attribute --backend {backend} --method {RemoteCommand.Quote(method)} --inputs {RemoteCommand.Quote(remoteInputs)} --count {images.Count}{installed.BitArgument(backend)}", cancel);
        }
        finally
        {
            TryDelete(session, remoteInputs);
        }

        var outputs = (json["images"] as JArray ?? []).OfType<JObject>().ToList();
        if (outputs.Count != images.Count)
        {
            throw new XaiException(DiagnosticCatalog.RunnerOutputInvalid, $"The runner returned {outputs.Count} results for {images.Count} images.");
        }

        var relevanceDir = Path.Combine(localOutputDir, "relevance");
        var heatmapDir = Path.Combine(localOutputDir, "heatmaps");
        Directory.CreateDirectory(relevanceDir);
        Directory.CreateDirectory(heatmapDir);
        var sign = !Enum.TryParse<AttributionMethod>(method, out var m) || RelevanceReading.ShownAsMagnitude(m) ? HeatmapRenderer.Sign.Absolute : HeatmapRenderer.Sign.Positive;
        var results = new List<AttributionResult>();
        for (var k = 0; k < images.Count; k++)
        {
            var relevance = Floats(outputs[k]["relevance"], shape.ElementCount, "relevance");
            var logits = Floats(outputs[k]["logits"], -1, "logits");
            var npy = Path.Combine(relevanceDir, $"{images[k].Stem}.{method}.npy");
            var png = Path.Combine(heatmapDir, $"{images[k].Stem}.{method}.png");
            AtomicFile.WriteAllBytes(npy, NpyFile.EncodeFloat32(relevance, shape.Dimensions));
            AtomicFile.WriteAllBytes(png, PngWriter.Encode(HeatmapRenderer.Overlay(images[k].Raster, relevance, shape.Channels, sign)));
            results.Add(new AttributionResult(images[k].Path, backend, method, (int)outputs[k]["class"]!, logits, npy, png, session.IsStandIn));
        }

        return results;
    }

    private sealed record InstalledRunner(BoardSession Session, JObject Config, string? BitFile)
    {
        public string BitArgument(string backend) => backend == "fpga" && BitFile is { } b ? $" --bit {RemoteCommand.Quote(b)}" : "";

        public byte[] Reference(string name)
        {
            using var stream = new MemoryStream();
            Session.Sftp.DownloadFile($"{Session.RemoteRoot}/current/{name}", stream);
            return stream.ToArray();
        }
    }

    private static InstalledRunner Installed(BoardSession session, CancellationToken cancel)
    {
        var current = session.RemoteRoot + "/current";
        var run = session.Run($"cat {RemoteCommand.Quote(current + "/" + BoardRunnerLayout.ConfigName)} && echo && ls {RemoteCommand.Quote(current)}", cancel);
        if (run.ExitCode != 0)
        {
            throw new XaiException(DiagnosticCatalog.NoOverlayInstalled, $"No overlay is installed on {session.Endpoint} ({current} has no runner): install a build first (Install-XaiBitstream).");
        }

        var split = run.Output.LastIndexOf('}');
        var config = JObject.Parse(run.Output[..(split + 1)]);
        var bit = run.Output[(split + 1)..].Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.EndsWith(".bit", StringComparison.Ordinal));
        return new InstalledRunner(session, config, bit);
    }

    private static string BackendFor(BoardSession session, string? requested)
    {
        var backend = requested ?? (session.IsStandIn ? "csim" : "fpga");
        if (backend is not ("fpga" or "csim"))
        {
            throw new XaiException(DiagnosticCatalog.BackendUnavailable, $"Backend is '{backend}'; allowed: fpga, csim.");
        }

        if (backend == "fpga" && session.IsStandIn)
        {
            throw new XaiException(DiagnosticCatalog.BackendUnavailable, $"{session.Endpoint} is a board stand-in: it has no programmable logic, so only the csim backend runs there.");
        }

        return backend;
    }

    // The reference record (int32 class, float32 logits, float32 relevance) was SHA-256-checked against the build at install.
    private static bool SameAsReference(InstalledRunner installed, string method, JObject output)
    {
        var name = (string?)installed.Config["reference"]?["outputs"]?[method];
        if (name is null)
        {
            return false;
        }

        var classes = (int)installed.Config["classes"]!;
        var inputSize = (int)installed.Config["inputSize"]!;
        var record = installed.Reference(name);
        var logits = Floats(output["logits"], classes, "logits");
        var relevance = Floats(output["relevance"], inputSize, "relevance");
        if (record.Length != 4 + 4 * classes + 4 * inputSize || BinaryPrimitives.ReadInt32LittleEndian(record) != (int)output["class"]!)
        {
            return false;
        }

        for (var i = 0; i < classes; i++)
        {
            if (BinaryPrimitives.ReadInt32LittleEndian(record.AsSpan(4 + 4 * i)) != BitConverter.SingleToInt32Bits(logits[i]))
            {
                return false;
            }
        }

        for (var i = 0; i < inputSize; i++)
        {
            if (BinaryPrimitives.ReadInt32LittleEndian(record.AsSpan(4 + 4 * classes + 4 * i)) != BitConverter.SingleToInt32Bits(relevance[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static float[] Floats(JToken? token, int expected, string what)
    {
        if (token is not JArray array || (expected >= 0 && array.Count != expected))
        {
            throw new XaiException(DiagnosticCatalog.RunnerOutputInvalid, $"The runner's {what} is not an array of {(expected >= 0 ? expected.ToString() : "")} numbers.");
        }

        // JSON carries the float32 values as doubles exactly (Python's float repr round-trips).
        return array.Select(v => (float)(double)v).ToArray();
    }

    private static void TryDelete(BoardSession session, string remote)
    {
        try
        {
            session.Run($"rm -f {RemoteCommand.Quote(remote)}", CancellationToken.None);
        }
        catch (Exception e) when (e is XaiException or SshException)
        {
        }
    }
}
