using Newtonsoft.Json.Linq;
using Xai.Amd.Reports;
using Xai.Diagnostics;

namespace Xai.Core.Tests.Amd.Reports;

/// <summary>
/// Build directories assembled from real fixtures in the layouts the tools write. The files of one
/// directory may come from different projects: these tests check finding and merging, not that the
/// numbers belong together.
/// </summary>
public sealed class HardwareReportCollectorTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("xai-reports-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private string Place(string fixture, string relativePath)
    {
        var target = Path.Combine(root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(Fixtures.PathOf(fixture), target);
        return target;
    }

    [SharedFixtureFact("terenceza__AccelAutoencoderOnFPGA__csynth.xml", "terenceza__AccelAutoencoderOnFPGA__Autoencoder_csynth.xml", "dhananjaisharma123__SHA_native_datatype__pqcrystals_fips202_ref_sha3_256_cosim.rpt", "dhananjaisharma123__SHA_native_datatype__pqcrystals_fips202_ref_sha3_256_export.xml", "dhananjaisharma123__SHA_native_datatype__pqcrystals_fips202_ref_sha3_256_export.rpt", "SahJaiswal__MNIST_HLS__c_mnist_csim.log")]
    public void Classic_layout_prefers_cosim_latency_and_export_timing()
    {
        var csynth = Place("terenceza__AccelAutoencoderOnFPGA__csynth.xml", "proj/solution1/syn/report/csynth.xml");
        Place("terenceza__AccelAutoencoderOnFPGA__Autoencoder_csynth.xml", "proj/solution1/syn/report/Autoencoder_csynth.xml");
        var cosim = Place("dhananjaisharma123__SHA_native_datatype__pqcrystals_fips202_ref_sha3_256_cosim.rpt", "proj/solution1/sim/report/Autoencoder_cosim.rpt");
        var xml = Place("dhananjaisharma123__SHA_native_datatype__pqcrystals_fips202_ref_sha3_256_export.xml", "proj/solution1/impl/report/vhdl/Autoencoder_export.xml");
        var rpt = Place("dhananjaisharma123__SHA_native_datatype__pqcrystals_fips202_ref_sha3_256_export.rpt", "proj/solution1/impl/report/vhdl/Autoencoder_export.rpt");
        Place("SahJaiswal__MNIST_HLS__c_mnist_csim.log", "proj/solution1/csim/report/Autoencoder_csim.log");

        var r = HardwareReportCollector.Collect(root);

        Assert.Equal("Autoencoder", r.TopModule);
        Assert.Equal("xc7z020-clg400-1", r.Part);
        Assert.Equal([ToolRelease.Of("Vitis HLS", "2022.1")!, ToolRelease.Of("Vivado", "2018.3")!], r.Tools);

        // Resources: the export (implementation) run wins over the estimate, which is kept beside it.
        Assert.Equal("hls-export-implementation", r.Resources!.Stage);
        Assert.Equal(new ResourceCounts(12351, 7337, 6, 0, null), r.Resources.Used);
        Assert.Equal(new ResourceCounts(47200, 94400, 210, 180, 0), r.Resources.Available);
        Assert.Equal(xml, r.Sources["resources.used.lut"].File);
        Assert.Equal(csynth, r.Sources["resources.available.uram"].File);
        Assert.Equal(new ResourceCounts(8796, 2696, 0, 0, 0), r.HlsEstimate!.Used);

        // Latency: measured in cosim (VHDL, 509 cycles), in ms at the achieved 11.346 ns clock.
        Assert.Equal("cosim", r.Latency!.Basis);
        Assert.Equal(509, r.Latency.MinCycles);
        Assert.Equal(11.346, r.Latency.ClockPeriodNs);
        Assert.Equal("achieved", r.Latency.ClockBasis);
        Assert.Equal(509 * 11.346 / 1e6, r.Latency.MaxMs!.Value, 12);
        Assert.Equal(cosim, r.Sources["latency"].File);
        // Cosim measured no interval (NA), so the csynth one is used.
        Assert.Equal(945200665, r.Interval!.Min);
        Assert.Equal(csynth, r.Sources["interval"].File);

        Assert.Equal(new HardwareClock(10.0, 7.3, 11.346), r.Clock);
        Assert.Equal(-1.346, r.Timing!.WnsNs!.Value, 6);
        Assert.False(r.Timing.Met);
        Assert.Equal(xml, r.Sources["timing"].File);
        Assert.Contains(r.Files, f => f.Path == rpt && f.Kind == ReportKind.HlsExportText);
        Assert.Empty(r.Errors);
        Assert.Equal(5, r.Files.Count);
    }

    [SharedFixtureFact("RISABH-UG26__image_pros__csynth.xml", "ARX-0__HLS-pynq__design_1_wrapper_utilization_placed.rpt", "ARX-0__HLS-pynq__design_1_wrapper_timing_summary_routed.rpt", "fastmachinelearning__hls4ml__vivado_synth.rpt")]
    public void Vivado_run_reports_give_design_resources_and_wns()
    {
        Place("RISABH-UG26__image_pros__csynth.xml", "hls/solution1/syn/report/csynth.xml");
        var util = Place("ARX-0__HLS-pynq__design_1_wrapper_utilization_placed.rpt", "vivado/project_1.runs/impl_1/design_1_wrapper_utilization_placed.rpt");
        var timing = Place("ARX-0__HLS-pynq__design_1_wrapper_timing_summary_routed.rpt", "vivado/project_1.runs/impl_1/design_1_wrapper_timing_summary_routed.rpt");
        // The HLS out-of-context run's own reports are not the system's.
        Place("fastmachinelearning__hls4ml__vivado_synth.rpt", "hls/solution1/impl/verilog/report/image_pros_utilization_synth.rpt");

        var r = HardwareReportCollector.Collect(root);

        Assert.Equal("vivado-placed", r.Resources!.Stage);
        Assert.Equal("design", r.Resources.Scope);
        Assert.Equal(new ResourceCounts(4423, 6991, 4, 29, null), r.Resources.Used);
        Assert.Equal(util, r.Sources["resources.used.dsp"].File);
        Assert.Equal("DSPs", r.Sources["resources.used.dsp"].Field);
        Assert.Equal(new ResourceCounts(976, 329, 2, 1, 0), r.HlsEstimate!.Used);
        Assert.Equal(1.937, r.Timing!.WnsNs);
        Assert.Equal(0.027, r.Timing.WhsNs);
        Assert.True(r.Timing.Met);
        Assert.Equal(timing, r.Sources["timing"].File);
        Assert.Equal("csynth", r.Latency!.Basis);
        Assert.Equal(307208, r.Latency.AvgCycles);
        Assert.Equal("estimated", r.Latency.ClockBasis);
        Assert.Equal(307208 * 16.694 / 1e6, r.Latency.AvgMs!.Value, 12);
        Assert.Contains(ToolRelease.Of("Vivado", "2023.2")!, r.Tools);
        Assert.Equal(3, r.Files.Count);
        Assert.DoesNotContain(r.Files, f => f.Path.Contains("impl/verilog", StringComparison.Ordinal));
    }

    [SharedFixtureFact("ValdecirDesenv__FPGA_picoZed__csynth.xml", "terenceza__AccelAutoencoderOnFPGA__Autoencoder_cosim.rpt", "ARX-0__HLS-pynq__vitis_hls.log")]
    public void Unified_flow_layout_is_found_and_log_errors_are_carried()
    {
        Place("ValdecirDesenv__FPGA_picoZed__csynth.xml", "work/hls/syn/report/csynth.xml");
        Place("terenceza__AccelAutoencoderOnFPGA__Autoencoder_cosim.rpt", "work/hls/sim/report/basic_output_cosim.rpt");
        var log = Place("ARX-0__HLS-pynq__vitis_hls.log", "work/logs/hls_compile.log");

        var r = HardwareReportCollector.Collect(Path.Combine(root));

        Assert.Equal("basic_output", r.TopModule);
        Assert.Equal(ToolRelease.Of("Vitis HLS", "2023.1")!, Assert.Single(r.Tools));
        // Cosim failed, so the latency is the csynth estimate; the failure is kept per language.
        Assert.Equal("csynth", r.Latency!.Basis);
        Assert.Null(r.Latency.ClockPeriodNs); // estimated period 0.000 ns is no clock
        Assert.Contains(r.Cosim!, c => c.Rtl == "Verilog" && c.Status == CosimStatus.Fail);
        var error = Assert.Single(r.Errors);
        Assert.Equal("SIM 211-100", error.Tag);
        Assert.Equal(log, r.Sources["errors"].File);
    }

    [SharedFixtureFact("terenceza__AccelAutoencoderOnFPGA__Autoencoder_csynth.xml", "hashi0203__Vitis_HLS_Gaussian__csynth.xml", "terenceza__AccelAutoencoderOnFPGA__Autoencoder_cosim.rpt")]
    public void Per_module_xml_is_used_when_csynth_xml_is_absent_and_named_by_the_cosim_report()
    {
        Place("terenceza__AccelAutoencoderOnFPGA__Autoencoder_csynth.xml", "s/syn/report/Autoencoder_csynth.xml");
        Place("hashi0203__Vitis_HLS_Gaussian__csynth.xml", "s/syn/report/gaussian_csynth.xml");
        Place("terenceza__AccelAutoencoderOnFPGA__Autoencoder_cosim.rpt", "s/sim/report/Autoencoder_cosim.rpt");

        Assert.Equal("Autoencoder", HardwareReportCollector.Collect(root).TopModule);
    }

    [SharedFixtureFact("hashi0203__Vitis_HLS_Gaussian__csynth.xml", "BojanFaletic__MA_HLS__csynth.xml")]
    public void Several_solutions_are_ambiguous()
    {
        Place("hashi0203__Vitis_HLS_Gaussian__csynth.xml", "proj/solution1/syn/report/csynth.xml");
        Place("BojanFaletic__MA_HLS__csynth.xml", "proj/solution2/syn/report/csynth.xml");

        var e = Assert.Throws<XaiException>(() => HardwareReportCollector.Collect(root));
        Assert.Equal(DiagnosticCatalog.AmbiguousReports, e.Code);
        Assert.Contains("proj/solution1/syn/report/csynth.xml", e.Message);
        Assert.Contains("proj/solution2/syn/report/csynth.xml", e.Message);
        // Pointing at one solution resolves it.
        Assert.Equal("ma", HardwareReportCollector.Collect(Path.Combine(root, "proj", "solution2")).TopModule);
    }

    [Fact]
    public void Empty_directory_and_missing_path_are_coded_errors()
    {
        Assert.Equal(DiagnosticCatalog.NoReportsFound, Assert.Throws<XaiException>(() => HardwareReportCollector.Collect(root)).Code);
        var missing = Path.Combine(root, "nope");
        var e = Assert.Throws<XaiException>(() => HardwareReportCollector.Collect(missing));
        Assert.Equal(DiagnosticCatalog.ReportFileNotFound, e.Code);
        Assert.Equal(missing, e.Diagnostic.File);
    }

    [Fact]
    public void A_broken_report_in_a_build_directory_names_that_file()
    {
        var path = Path.Combine(root, "solution1", "syn", "report", "csynth.xml");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, File.ReadAllText(Fixtures.PathOf("fastmachinelearning__hls4ml__myproject_csynth.xml"))[..5000]);

        var e = Assert.Throws<XaiException>(() => HardwareReportCollector.Collect(root));
        Assert.Equal(DiagnosticCatalog.CsynthXmlMalformed, e.Code);
        Assert.Equal(path, e.Diagnostic.File);
    }

    [Fact]
    public void Json_is_camel_case_with_sources_and_no_nulls()
    {
        var path = Fixtures.PathOf("fastmachinelearning__hls4ml__myproject_csynth.xml");
        var text = HardwareReportCollector.Collect(path).ToJson();
        var json = JObject.Parse(text);

        Assert.Equal("myproject", (string?)json["topModule"]);
        Assert.Equal(2532, (long)json["resources"]!["used"]!["lut"]!);
        Assert.Equal(73, (long)json["resources"]!["used"]!["dsp"]!);
        Assert.Equal(0, (long)json["resources"]!["used"]!["bram18k"]!);
        Assert.Equal("hls-estimate", (string?)json["resources"]!["stage"]);
        Assert.Equal(10, (long)json["latency"]!["maxCycles"]!);
        Assert.Equal(10 * 4.049 / 1e6, (double)json["latency"]!["maxMs"]!, 12);
        Assert.Equal("Vivado HLS", (string?)json["tools"]![0]!["name"]);
        Assert.Equal("2020.1", (string?)json["tools"]![0]!["version"]);
        Assert.Equal("/profile/AreaEstimates/Resources/DSP48E", (string?)json["sources"]!["resources.used.dsp"]!["field"]);
        Assert.Equal("csynth-xml", (string?)json["files"]![0]!["kind"]);
        Assert.Null(json["timing"]);
        Assert.Null(json["hlsEstimate"]);
        Assert.DoesNotContain("null", text, StringComparison.Ordinal);
        // Read back through the one serializer, the report writes the same text: nothing is lost on the way.
        Assert.Equal(text, Xai.Reporting.ReportJson.Serialize(Xai.Reporting.ReportJson.Deserialize<HardwareReport>(text, path, "XAI3504", "the report")));
        Assert.DoesNotContain("Lut", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Warnings_are_written_only_when_there_are_some_fit_the_schema_and_read_back()
    {
        // Before the fix a report without warnings could not be read back ('warnings' was required),
        // and one with warnings did not fit the schema.
        var path = Fixtures.PathOf("fastmachinelearning__hls4ml__myproject_csynth.xml");
        var schemas = Xai.Tests.ReportSchemas.In(RepositoryLayout.Root);
        var plain = HardwareReportCollector.Collect(path);
        var plainText = Xai.Reporting.ReportJson.Serialize(plain);
        Assert.DoesNotContain("\"warnings\"", plainText, StringComparison.Ordinal);
        Assert.Empty(Xai.Reporting.ReportJson.Deserialize<HardwareReport>(plainText, path, "XAI3504", "the report").Warnings);

        var warned = HardwareReportCollector.Collect(path);
        warned.Warnings.Add(XaiDiagnostic.Warning("XAI5113", "LUT of module 'conv' is 'n/a'; left unknown.", path, 12));
        var text = Xai.Reporting.ReportJson.Serialize(warned);
        schemas.AssertDefinition("HardwareReport", text, "a hardware report with a warning");
        var back = Xai.Reporting.ReportJson.Deserialize<HardwareReport>(text, path, "XAI3504", "the report");
        Assert.Equal(warned.Warnings, back.Warnings);
        Assert.Equal(text, Xai.Reporting.ReportJson.Serialize(back));
    }
}
