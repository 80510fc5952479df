using System.Text;
using Xai.Amd.Reports;
using Xai.Diagnostics;

namespace Xai.Core.Tests.Amd.Reports;

/// <summary>
/// Damaged reports (truncated at many offsets, bytes flipped or deleted, lines deleted or repeated, empty
/// and binary files) must give a valid result or a coded <see cref="XaiException"/> in XAI5100–XAI5499
/// naming the file — never another exception. Fixed seeds keep failures reproducible.
/// </summary>
public class ReportFuzzTests
{
    private const int Seed = 20_261_121;
    private const string Source = "fuzz/report";

    private static readonly ReportKind[] AllKinds = Enum.GetValues<ReportKind>();

    private static readonly Dictionary<string, ReportKind> Reports = new()
    {
        ["fastmachinelearning__hls4ml__myproject_csynth.xml"] = ReportKind.CsynthXml,
        ["ValdecirDesenv__FPGA_picoZed__csynth.xml"] = ReportKind.CsynthXml,
        ["fastmachinelearning__hls4ml__vivado_synth.rpt"] = ReportKind.VivadoUtilization,
        ["gussmith23__lakeroad-evaluation__unsigned-dot-product.futil-vanilla-util-route.rpt"] = ReportKind.VivadoUtilization,
        ["ARX-0__HLS-pynq__design_1_wrapper_utilization_placed.rpt"] = ReportKind.VivadoUtilization,
        ["HaohanZhutcd__Video-Processing-using-PYNQ-Z2__base_wrapper_utilization_placed.rpt"] = ReportKind.VivadoUtilization,
        ["Mr-AniP__mabonSOC__design_1_wrapper_utilization_placed.rpt"] = ReportKind.VivadoUtilization,
        ["SahJaiswal__MNIST_HLS__csynth.xml"] = ReportKind.CsynthXml,
        ["HawkPhantom__rgb2grayscale__csynth.xml"] = ReportKind.CsynthXml,
        ["Mr-AniP__mabonSOC__csynth.xml"] = ReportKind.CsynthXml,
        ["HaohanZhutcd__Video-Processing-using-PYNQ-Z2__csynth.xml"] = ReportKind.CsynthXml,
        ["aa08453__CNN-on-FPGA__csynth.xml"] = ReportKind.CsynthXml,
        ["Imam-f__RL-SOC-Tutorial-Vitis__csynth.xml"] = ReportKind.CsynthXml,
        ["hashi0203__Vitis_HLS_Gaussian__csynth.xml"] = ReportKind.CsynthXml,
        ["BojanFaletic__MA_HLS__csynth.xml"] = ReportKind.CsynthXml,
        ["terenceza__AccelAutoencoderOnFPGA__csynth.xml"] = ReportKind.CsynthXml,
        ["terenceza__AccelAutoencoderOnFPGA__Autoencoder_csynth.xml"] = ReportKind.CsynthXml,
        ["RISABH-UG26__image_pros__csynth.xml"] = ReportKind.CsynthXml,
        ["Imam-f__RL-SOC-Tutorial-Vitis__VecDotProduct_csynth.rpt"] = ReportKind.CsynthText,
        ["fastmachinelearning__hls4ml__myproject_csynth.rpt"] = ReportKind.CsynthText,
        ["SahJaiswal__MNIST_HLS__c_mnist_cosim.rpt"] = ReportKind.Cosim,
        ["HawkPhantom__rgb2grayscale__image_filter_cosim.rpt"] = ReportKind.Cosim,
        ["dhananjaisharma123__SHA_native_datatype__pqcrystals_fips202_ref_sha3_256_cosim.rpt"] = ReportKind.Cosim,
        ["Imam-f__RL-SOC-Tutorial-Vitis__VecDotProduct_cosim.rpt"] = ReportKind.Cosim,
        ["BojanFaletic__MA_HLS__ma_cosim.rpt"] = ReportKind.Cosim,
        ["terenceza__AccelAutoencoderOnFPGA__Autoencoder_cosim.rpt"] = ReportKind.Cosim,
        ["Mr-AniP__mabonSOC__design_1_wrapper_timing_summary_routed.rpt"] = ReportKind.VivadoTimingSummary,
        ["HaohanZhutcd__Video-Processing-using-PYNQ-Z2__base_wrapper_timing_summary_routed.rpt"] = ReportKind.VivadoTimingSummary,
        ["ARX-0__HLS-pynq__design_1_wrapper_timing_summary_routed.rpt"] = ReportKind.VivadoTimingSummary,
        ["dhananjaisharma123__SHA_native_datatype__pqcrystals_fips202_ref_sha3_256_export.rpt"] = ReportKind.HlsExportText,
        ["dhananjaisharma123__SHA_native_datatype__pqcrystals_fips202_ref_sha3_256_export.xml"] = ReportKind.HlsExportXml,
        ["ARX-0__HLS-pynq__vitis_hls.log"] = ReportKind.HlsLog,
        ["SahJaiswal__MNIST_HLS__c_mnist_csim.log"] = ReportKind.HlsLog,
    };

    public static TheoryData<string> Bundled => Fixtures.Bundled(Reports.Keys);

    public static TheoryData<string> SharedOnly => Fixtures.SharedOnly(Reports.Keys);

    [Theory]
    [MemberData(nameof(Bundled))]
    public void Damaged_bundled_report_gives_result_or_coded_error(string name) => Fuzz(name);

    [SharedFixtureTheory]
    [MemberData(nameof(SharedOnly))]
    public void Damaged_shared_report_gives_result_or_coded_error(string name) => Fuzz(name);

    [Fact]
    public void Empty_blank_and_binary_input_gives_coded_errors_for_every_kind()
    {
        var random = new Random(Seed);
        var inputs = new List<(string What, byte[] Bytes)>
        {
            ("empty", []),
            ("blank", Encoding.ASCII.GetBytes(" \r\n\t\n  ")),
            ("NUL", [0]),
        };
        for (var i = 0; i < 24; i++)
        {
            var junk = new byte[random.Next(1, 4096)];
            random.NextBytes(junk);
            inputs.Add(($"binary junk #{i}", junk));
        }

        for (var i = 0; i < 8; i++)
        {
            // Printable junk gets past the binary check and reaches the format parsers.
            var junk = Enumerable.Range(0, random.Next(1, 2048)).Select(_ => (byte)random.Next(32, 127)).ToArray();
            inputs.Add(($"printable junk #{i}", junk));
        }

        foreach (var (what, bytes) in inputs)
        {
            foreach (var kind in AllKinds)
            {
                var e = Assert.Throws<XaiException>(() => Read(bytes, kind));
                AssertCoded(e, $"{what} as {kind}");
            }
        }
    }

    [Fact]
    public void Empty_file_on_disk_is_a_coded_error()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("xai-fuzz-").FullName, "csynth.xml");
        File.WriteAllBytes(path, []);
        var e = Assert.Throws<XaiException>(() => HardwareReportCollector.Collect(path));
        Assert.Equal(DiagnosticCatalog.ReportEmptyFile, e.Code);
        Assert.Equal(path, e.Diagnostic.File);
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }

    private static void Fuzz(string name)
    {
        var original = File.ReadAllBytes(Fixtures.PathOf(name));
        var kind = Reports[name];
        var random = new Random(Seed ^ name.Length);
        var failures = new List<string>();

        foreach (var (what, bytes) in Mutants(original, random))
        {
            Try(failures, what, () => Read(bytes, kind));
            // Also through content detection, which may pick another parser for damaged text.
            Try(failures, $"{what} (detected)", () =>
            {
                var text = ReportText.FromBytes(bytes, Source, "report");
                // Same kind as above: already covered.
                if (ReportKindDetector.Detect(text) is { } detected && detected != kind)
                {
                    var set = new ReportSet();
                    set.Add(detected, text);
                    _ = HardwareReportMerger.Merge(set).ToJson();
                }
            });
        }

        Assert.True(failures.Count == 0, $"{name}: {failures.Count} damaged variants escaped without a coded error:\n{string.Join("\n", failures.Take(10))}");
    }

    private static void Read(byte[] bytes, ReportKind kind)
    {
        var set = new ReportSet();
        set.Add(kind, ReportText.FromBytes(bytes, Source, kind.ToString()));
        _ = HardwareReportMerger.Merge(set).ToJson();
    }

    private static void Try(List<string> failures, string what, Action action)
    {
        try
        {
            action();
        }
        catch (XaiException e)
        {
            var code = int.Parse(e.Code[3..]);
            if (!e.Code.StartsWith("XAI", StringComparison.Ordinal) || code < 5100 || code > 5499 || e.Diagnostic.File != Source || string.IsNullOrWhiteSpace(e.Message))
            {
                failures.Add($"{what}: badly formed diagnostic {e.Diagnostic}");
            }
        }
        catch (Exception e)
        {
            failures.Add($"{what}: {e.GetType().Name}: {e.Message}");
        }
    }

    private static void AssertCoded(XaiException e, string what)
    {
        Assert.StartsWith("XAI5", e.Code);
        Assert.InRange(int.Parse(e.Code[3..]), 5100, 5499);
        Assert.True(e.Diagnostic.File == Source, what);
    }

    private static IEnumerable<(string What, byte[] Bytes)> Mutants(byte[] original, Random random)
    {
        var n = original.Length;
        // Fewer variants of the large files (up to 225 KB) keep the whole class within a few seconds.
        var share = n > 40_000 ? 3 : 1;
        var truncations = 64 / share;
        for (var i = 0; i < truncations; i++)
        {
            var at = (int)((long)i * n / truncations);
            yield return ($"truncated at {at}", original[..at]);
        }

        for (var i = 0; i < 16 / share; i++)
        {
            var at = random.Next(n);
            yield return ($"truncated at {at}", original[..at]);
        }

        for (var i = 0; i < 24 / share; i++)
        {
            var copy = (byte[])original.Clone();
            var flips = random.Next(1, 9);
            var where = new List<int>();
            for (var f = 0; f < flips; f++)
            {
                var at = random.Next(n);
                copy[at] = (byte)random.Next(256);
                where.Add(at);
            }

            yield return ($"bytes changed at {string.Join(",", where)}", copy);
        }

        for (var i = 0; i < 16 / share; i++)
        {
            var at = random.Next(n);
            var length = Math.Min(random.Next(1, 65), n - at);
            yield return ($"bytes {at}..{at + length} deleted", [.. original[..at], .. original[(at + length)..]]);
        }

        var lines = Encoding.UTF8.GetString(original).Split('\n');
        for (var i = 0; i < 16 / share; i++)
        {
            var at = random.Next(lines.Length);
            var count = Math.Min(random.Next(1, 4), lines.Length - at);
            var kept = lines.Take(at).Concat(lines.Skip(at + count));
            yield return ($"lines {at + 1}..{at + count} deleted", Encoding.UTF8.GetBytes(string.Join("\n", kept)));
        }

        for (var i = 0; i < 8 / share; i++)
        {
            var at = random.Next(lines.Length);
            var repeated = lines.Take(at + 1).Append(lines[at]).Concat(lines.Skip(at + 1));
            yield return ($"line {at + 1} repeated", Encoding.UTF8.GetBytes(string.Join("\n", repeated)));
        }
    }
}
