using Xai.Attribution;
using Xai.CodeGeneration;
using Xai.IO;
using Xai.Planning;
using Xai.Reporting;
using Xai.Simulation;
using Xai.Diagnostics;

namespace Xai.Stages;

/// <summary>
/// Stage "HlsSources" (before Synthesize): everything the HLS tools compile, independent of which
/// tools are installed: copies of xai_network.h and xai_numerics.h, the tops (xai_top.cpp and, with
/// the inference variant, xai_top_fp.cpp), their testbenches, and the testbench data taken from
/// the C simulation's first image (weights of the planned profile, the image, the planned and
/// float outputs for the hardware method). Files are rewritten only when they change.
/// </summary>
public static class HlsSourcesStage
{
    /// <summary>What was written; also saved as <see cref="VendorLayout.SourcesManifest"/>.</summary>
    /// <param name="Method">The method the hardware computes.</param>
    /// <param name="Tops">The tops to build: FP+BP, then FP only when asked for.</param>
    /// <param name="HasTestbenchData">False when the C simulation had no image: no C simulation or co-simulation then.</param>
    /// <param name="Target">The class the testbench explains, -1 for the predicted one.</param>
    public sealed record Result(AttributionMethod Method, IReadOnlyList<HlsTopDesign> Tops, bool HasTestbenchData, int Target);

    public static Result Run(DesignPlan plan, AttributionMethod method, bool inferenceVariant, int? targetClass, BuildLayout build, VendorLayout vendor)
    {
        var profile = HlsTopWriter.ProfileOf(plan, method);
        var sizes = NetworkMemorySizes.For(plan);
        Directory.CreateDirectory(vendor.SourceDirectory);
        AtomicFile.WriteAllTextIfChanged(vendor.Source("xai_network.h"), File.ReadAllText(build.NetworkHeader));
        AtomicFile.WriteAllTextIfChanged(vendor.Source("xai_numerics.h"), File.ReadAllText(build.NumericsHeader));
        AtomicFile.WriteAllTextIfChanged(vendor.Source(HlsTopDesign.HeaderFileName), HlsTopWriter.WriteHeader(plan, method));

        var tops = new List<HlsTopDesign> { HlsTopDesign.For(HlsTopVariant.Explain, method, sizes) };
        if (inferenceVariant)
        {
            tops.Add(HlsTopDesign.For(HlsTopVariant.Inference, method, sizes));
        }

        foreach (var top in tops)
        {
            AtomicFile.WriteAllTextIfChanged(vendor.Source(top.SourceFileName), HlsTopWriter.WriteTop(plan, method, top.Variant));
            AtomicFile.WriteAllTextIfChanged(vendor.Source(top.TestbenchFileName), HlsTestbenchWriter.Write(plan, method, top.Variant));
        }

        var hasData = WriteTestbenchData(plan, method, profile, sizes, build, vendor);
        var result = new Result(method, tops, hasData, targetClass ?? -1);
        AtomicFile.WriteAllTextIfChanged(vendor.SourcesManifest, ReportJson.Serialize(
            new HlsSourcesManifest(method.ToString(), profile.Name, [.. tops.Select(t => t.FunctionName)], hasData, result.Target)));
        return result;
    }

    /// <summary>Reads the manifest a previous <see cref="Run"/> wrote.</summary>
    public static Result Load(DesignPlan plan, VendorLayout vendor)
    {
        if (!File.Exists(vendor.SourcesManifest))
        {
            throw new Diagnostics.XaiException(DiagnosticCatalog.UpstreamMissing, "The HLS sources have not been generated: build the XaiHlsSources target first.", vendor.SourcesManifest);
        }

        var manifest = LoadManifest(vendor);
        var method = Enum.Parse<AttributionMethod>(manifest.Method);
        var sizes = NetworkMemorySizes.For(plan);
        var tops = manifest.Tops.Select(name => HlsTopDesign.For(name == "xai_top_fp" ? HlsTopVariant.Inference : HlsTopVariant.Explain, method, sizes)).ToList();
        return new Result(method, tops, manifest.Testbench, manifest.Target);
    }

    /// <summary>The manifest as written, without the plan.</summary>
    /// <exception cref="Diagnostics.XaiException">XAI3504 when it does not fit.</exception>
    public static HlsSourcesManifest LoadManifest(VendorLayout vendor) =>
        ReportJson.Read<HlsSourcesManifest>(vendor.SourcesManifest, DiagnosticCatalog.StageFileUnreadable, "The HLS sources manifest (hls-sources.json)");

    // The C simulation's record of image 0 for the hardware method, planned and float, byte for byte.
    private static bool WriteTestbenchData(DesignPlan plan, AttributionMethod method, NumericsPlan profile, NetworkMemorySizes sizes, BuildLayout build, VendorLayout vendor)
    {
        var inputs = Path.Combine(build.IntermediateDirectory, "csim-inputs.f32");
        var outputs = Path.Combine(build.IntermediateDirectory, "csim-outputs.bin");
        if (!File.Exists(inputs) || !File.Exists(outputs) || new FileInfo(inputs).Length < 4 * sizes.Input)
        {
            foreach (var file in HlsTestbenchWriter.DataFiles)
            {
                File.Delete(vendor.Source(file));
            }

            return false;
        }

        var record = checked((int)(4 + 4 * sizes.Classes + 4 * sizes.Input));
        var profiles = CSimResults.Written(roundedInput: false).Count;
        var methodIndex = plan.Methods.ToList().IndexOf(method);
        var bytes = File.ReadAllBytes(outputs);
        if (bytes.Length % (record * profiles * plan.Methods.Count) != 0 || bytes.Length == 0)
        {
            throw new Diagnostics.XaiException(DiagnosticCatalog.SimulationOutputSize, $"C simulation output holds {bytes.Length} bytes, not a whole number of images of {plan.Methods.Count} methods and {profiles} profiles; rebuild XaiCSim.", outputs);
        }

        byte[] Record(NumericsProfile p) => bytes.AsSpan(((int)p * plan.Methods.Count + methodIndex) * record, record).ToArray();

        var image = new byte[4 * sizes.Input];
        using (var stream = File.OpenRead(inputs))
        {
            stream.ReadExactly(image);
        }

        WriteIfChanged(vendor.Source("tb_weights.bin"), File.ReadAllBytes(build.WeightImage(profile.Name)));
        WriteIfChanged(vendor.Source("tb_input.f32"), image);
        WriteIfChanged(vendor.Source("tb_planned.bin"), Record(NumericsProfile.Planned));
        WriteIfChanged(vendor.Source("tb_float.bin"), Record(NumericsProfile.Float));
        return true;
    }

    // Unchanged data keeps its timestamp, so the HLS stages (whose inputs these are) stay up to date.
    private static void WriteIfChanged(string path, byte[] bytes)
    {
        if (!File.Exists(path) || !File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
        {
            AtomicFile.WriteAllBytes(path, bytes);
        }
    }
}
