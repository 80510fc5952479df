using Xai.Amd.Reports;
using Xai.Diagnostics;

namespace Xai.Core.Tests.Amd.Reports;

/// <summary>
/// Every file in the shared fixture directory goes through <see cref="HardwareReportCollector"/>: reports
/// must be recognised as their kind and read, other artefacts must be refused with a coded error. A file
/// added to the directory without an expectation here fails the first test.
/// </summary>
public class EveryFixtureTests
{
    private static readonly Dictionary<string, ReportKind?> Expected = new()
    {
        ["ARX-0__HLS-pynq__design_1_wrapper_timing_summary_routed.rpt"] = ReportKind.VivadoTimingSummary,
        ["ARX-0__HLS-pynq__design_1_wrapper_utilization_placed.rpt"] = ReportKind.VivadoUtilization,
        ["ARX-0__HLS-pynq__vitis_hls.log"] = ReportKind.HlsLog,
        ["BojanFaletic__MA_HLS__csynth.xml"] = ReportKind.CsynthXml,
        ["BojanFaletic__MA_HLS__ma_cosim.rpt"] = ReportKind.Cosim,
        ["HaohanZhutcd__Video-Processing-using-PYNQ-Z2__base_wrapper_timing_summary_routed.rpt"] = ReportKind.VivadoTimingSummary,
        ["HaohanZhutcd__Video-Processing-using-PYNQ-Z2__base_wrapper_utilization_placed.rpt"] = ReportKind.VivadoUtilization,
        ["HaohanZhutcd__Video-Processing-using-PYNQ-Z2__csynth.xml"] = ReportKind.CsynthXml,
        ["HawkPhantom__rgb2grayscale__csynth.xml"] = ReportKind.CsynthXml,
        ["HawkPhantom__rgb2grayscale__image_filter_cosim.rpt"] = ReportKind.Cosim,
        ["Imam-f__RL-SOC-Tutorial-Vitis__VecDotProduct_cosim.rpt"] = ReportKind.Cosim,
        ["Imam-f__RL-SOC-Tutorial-Vitis__VecDotProduct_csynth.rpt"] = ReportKind.CsynthText,
        ["Imam-f__RL-SOC-Tutorial-Vitis__csynth.xml"] = ReportKind.CsynthXml,
        ["Imam-f__RL-SOC-Tutorial-Vitis__script.tcl"] = null,
        ["Imam-f__RL-SOC-Tutorial-Vitis__xvecdotproduct_hw.h"] = null,
        ["Mr-AniP__mabonSOC__csynth.xml"] = ReportKind.CsynthXml,
        ["Mr-AniP__mabonSOC__design_1_wrapper_timing_summary_routed.rpt"] = ReportKind.VivadoTimingSummary,
        ["Mr-AniP__mabonSOC__design_1_wrapper_utilization_placed.rpt"] = ReportKind.VivadoUtilization,
        ["RISABH-UG26__image_pros__csynth.xml"] = ReportKind.CsynthXml,
        ["SOURCES.md"] = null,
        ["SahJaiswal__MNIST_HLS__c_mnist_cosim.rpt"] = ReportKind.Cosim,
        ["SahJaiswal__MNIST_HLS__c_mnist_csim.log"] = ReportKind.HlsLog,
        ["SahJaiswal__MNIST_HLS__csynth.xml"] = ReportKind.CsynthXml,
        ["SahJaiswal__MNIST_HLS__script.tcl"] = null,
        ["ValdecirDesenv__FPGA_picoZed__csynth.xml"] = ReportKind.CsynthXml,
        ["aa08453__CNN-on-FPGA__csynth.xml"] = ReportKind.CsynthXml,
        ["dhananjaisharma123__SHA_native_datatype__pqcrystals_fips202_ref_sha3_256_cosim.rpt"] = ReportKind.Cosim,
        ["dhananjaisharma123__SHA_native_datatype__pqcrystals_fips202_ref_sha3_256_export.rpt"] = ReportKind.HlsExportText,
        ["dhananjaisharma123__SHA_native_datatype__pqcrystals_fips202_ref_sha3_256_export.xml"] = ReportKind.HlsExportXml,
        ["fastmachinelearning__hls4ml__myproject_csynth.rpt"] = ReportKind.CsynthText,
        ["fastmachinelearning__hls4ml__myproject_csynth.xml"] = ReportKind.CsynthXml,
        ["fastmachinelearning__hls4ml__vivado_synth.rpt"] = ReportKind.VivadoUtilization,
        ["gussmith23__lakeroad-evaluation__unsigned-dot-product.futil-vanilla-util-route.rpt"] = ReportKind.VivadoUtilization,
        ["hashi0203__Vitis_HLS_Gaussian__csynth.xml"] = ReportKind.CsynthXml,
        ["terenceza__AccelAutoencoderOnFPGA__Autoencoder_cosim.rpt"] = ReportKind.Cosim,
        ["terenceza__AccelAutoencoderOnFPGA__Autoencoder_csynth.xml"] = ReportKind.CsynthXml,
        ["terenceza__AccelAutoencoderOnFPGA__csynth.xml"] = ReportKind.CsynthXml,
        ["terenceza__AccelAutoencoderOnFPGA__script.tcl"] = null,
        ["terenceza__AccelAutoencoderOnFPGA__xautoencoder_hw.h"] = null,
    };

    public static TheoryData<string> Bundled => Fixtures.Bundled(Expected.Keys);

    public static TheoryData<string> SharedOnly => Fixtures.SharedOnly(Expected.Keys);

    [SharedFixtureFact]
    public void Every_file_in_the_fixture_directory_has_an_expectation()
    {
        var present = Directory.GetFiles(Fixtures.SharedDirectory).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();
        var missing = present.Except(Expected.Keys).ToList();
        Assert.True(missing.Count == 0, $"fixtures without an expectation in {nameof(EveryFixtureTests)}: {string.Join(", ", missing)}");
    }

    [SharedFixtureFact]
    public void Every_report_fixture_has_value_checks_in_its_parser_tests()
    {
        var checkedNames = CsynthReportTests.Names
            .Concat(CsynthTextReportTests.Names)
            .Concat(CosimReportTests.Names)
            .Concat(VivadoUtilizationReportTests.Names)
            .Concat(TimingSummaryReportTests.Names)
            .Concat(HlsExportReportTests.Names)
            .Concat(HlsLogReportTests.Names)
            .ToHashSet();
        var notChecked = Expected.Where(kv => kv.Value is not null && !checkedNames.Contains(kv.Key)).Select(kv => kv.Key).ToList();
        Assert.True(notChecked.Count == 0, $"report fixtures without value checks: {string.Join(", ", notChecked)}");
    }

    [Theory]
    [MemberData(nameof(Bundled))]
    public void Bundled_file_is_read_as_its_kind_or_refused_with_a_code(string name) => Check(name);

    [SharedFixtureTheory]
    [MemberData(nameof(SharedOnly))]
    public void File_is_read_as_its_kind_or_refused_with_a_code(string name) => Check(name);

    private static void Check(string name)
    {
        var path = Fixtures.PathOf(name);
        var kind = Expected[name];
        Assert.Equal(kind, ReportKindDetector.Detect(ReportText.Load(path, "report")));
        if (kind is null)
        {
            var e = Assert.Throws<XaiException>(() => HardwareReportCollector.Collect(path));
            Assert.Equal(DiagnosticCatalog.UnknownReportKind, e.Code);
            Assert.Equal(path, e.Diagnostic.File);
            return;
        }

        var report = HardwareReportCollector.Collect(path);
        var file = Assert.Single(report.Files);
        Assert.Equal(kind, file.Kind);
        Assert.Equal(path, file.Path);
        Assert.All(report.Sources.Values, s => Assert.Equal(path, s.File));
        Assert.NotEmpty(report.ToJson());
    }
}
