using Xai.Amd.Reports;
using Xai.Diagnostics;

namespace Xai.Core.Tests.Amd.Reports;

public class CsynthReportTests
{
    /// <summary>Values read by eye from each file (csynth.xml root-level elements).</summary>
    private sealed record Expected(
        string Tool, string Version, string Part, string Top, double Target, double Estimated,
        long? Best, long? Avg, long? Worst, long? IntervalMin, long? IntervalMax,
        long Lut, long Ff, long Bram, long Dsp, long? Uram, string DspTag,
        long AvailLut, long AvailFf, long AvailBram, long AvailDsp, int Modules);

    private static readonly Dictionary<string, Expected> Cases = new()
    {
        ["SahJaiswal__MNIST_HLS__csynth.xml"] = new("Vivado HLS", "2018.2", "xcvu13p-flga2577-2-e", "c_mnist", 10.0, 8.419,
            null, null, null, null, null, 21133, 14744, 3391, 80, 0, "DSP48E", 1728000, 3456000, 5376, 12288, 0),
        ["HawkPhantom__rgb2grayscale__csynth.xml"] = new("Vivado HLS", "2018.2", "xc7z020clg400-1", "image_filter", 10.0, 9.4,
            10, null, 4014004, 4, 4014004, 2224, 1215, 0, 3, null, "DSP48E", 53200, 106400, 280, 220, 0),
        ["Mr-AniP__mabonSOC__csynth.xml"] = new("Vivado HLS", "2019.1", "xc7z020-clg484-1", "mabonsoc", 10.0, 8.75,
            51, 51, 51, 48, 48, 103630, 74546, 1, 4, 0, "DSP48E", 53200, 106400, 280, 220, 0),
        ["HaohanZhutcd__Video-Processing-using-PYNQ-Z2__csynth.xml"] = new("Vivado HLS", "2019.2", "xc7z020-clg400-1", "sobel_accel", 10.0, 10.575,
            2087660, null, 2104951, 2087642, 2104922, 15619, 7814, 9, 43, 0, "DSP48E", 53200, 106400, 280, 220, 0),
        ["aa08453__CNN-on-FPGA__csynth.xml"] = new("Vivado HLS", "2020.1", "xc7z020-clg484-1", "top", 10.0, 11.169,
            423377, null, 677313, 423378, 677314, 44659, 38483, 10, 118, 0, "DSP48E", 53200, 106400, 280, 220, 0),
        ["fastmachinelearning__hls4ml__myproject_csynth.xml"] = new("Vivado HLS", "2020.1", "xc7z020-clg400-1", "myproject", 5.0, 4.049,
            10, 10, 10, 8, 8, 2532, 7969, 0, 73, 0, "DSP48E", 53200, 106400, 280, 220, 0),
        ["Imam-f__RL-SOC-Tutorial-Vitis__csynth.xml"] = new("Vitis HLS", "2020.1", "xczu7ev-ffvc1156-2-e", "VecDotProduct", 10.0, 7.3,
            null, null, null, null, null, 5322, 3726, 34, 0, 0, "DSP", 230400, 460800, 624, 1728, 0),
        ["hashi0203__Vitis_HLS_Gaussian__csynth.xml"] = new("Vitis HLS", "2020.2", "xczu7ev-ffvc1156-2-e", "gaussian", 10.0, 6.427,
            262673, 262673, 262673, 262674, 262674, 1870, 973, 3, 0, 0, "DSP", 230400, 460800, 624, 1728, 0),
        ["BojanFaletic__MA_HLS__csynth.xml"] = new("Vitis HLS", "2020.2", "xc7a200t-fbg676-2", "ma", 10.0, 7.224,
            1, 1, 1, 1, 1, 185, 493, 0, 0, 0, "DSP", 134600, 269200, 730, 740, 1),
        ["terenceza__AccelAutoencoderOnFPGA__csynth.xml"] = new("Vitis HLS", "2022.1", "xc7z020-clg400-1", "Autoencoder", 10.0, 7.3,
            945200664, 945200664, 945200664, 945200665, 945200665, 8796, 2696, 0, 0, 0, "DSP", 53200, 106400, 280, 220, 11),
        ["terenceza__AccelAutoencoderOnFPGA__Autoencoder_csynth.xml"] = new("Vitis HLS", "2022.1", "xc7z020-clg400-1", "Autoencoder", 10.0, 7.3,
            945200664, 945200664, 945200664, 945200665, 945200665, 8796, 2696, 0, 0, 0, "DSP", 53200, 106400, 280, 220, 0),
        ["RISABH-UG26__image_pros__csynth.xml"] = new("Vitis HLS", "2022.2", "xc7z020-clg400-1", "image_pros", 20.0, 16.694,
            307208, 307208, 307208, 307209, 307209, 976, 329, 2, 1, 0, "DSP", 53200, 106400, 280, 220, 2),
        ["ValdecirDesenv__FPGA_picoZed__csynth.xml"] = new("Vitis HLS", "2023.1", "xc7z030-sbg485-1", "basic_output", 10.0, 0.0,
            0, 0, 0, 1, 1, 0, 0, 0, 0, 0, "DSP", 78600, 157200, 530, 400, 1),
    };

    public static TheoryData<string> Bundled => Fixtures.Bundled(Cases.Keys);

    public static TheoryData<string> SharedOnly => Fixtures.SharedOnly(Cases.Keys);

    public static IEnumerable<string> Names => Cases.Keys;

    [Theory]
    [MemberData(nameof(Bundled))]
    public void Bundled_fixture_reads_as_expected(string name) => Check(name);

    [SharedFixtureTheory]
    [MemberData(nameof(SharedOnly))]
    public void Shared_fixture_reads_as_expected(string name) => Check(name);

    private static void Check(string name)
    {
        var e = Cases[name];
        var r = CsynthReport.Load(Fixtures.PathOf(name));
        Assert.Equal(e.Tool, r.ToolName);
        Assert.Equal(e.Version, r.ToolVersion);
        Assert.Equal(e.Part, r.Part);
        Assert.Equal(e.Top, r.TopModule);
        Assert.Equal(e.Target, r.TargetClockPeriodNs, 6);
        Assert.Equal(e.Estimated, r.EstimatedClockPeriodNs, 6);
        Assert.Equal(new CycleRange(e.Best, e.Avg, e.Worst), r.Latency);
        Assert.Equal(new CycleRange(e.IntervalMin, null, e.IntervalMax), r.Interval);
        Assert.Equal(new ResourceCounts(e.Lut, e.Ff, e.Bram, e.Dsp, e.Uram), r.Resources);
        Assert.Equal(e.DspTag, r.DspElementName);
        Assert.Equal(e.AvailLut, r.Available.Lut);
        Assert.Equal(e.AvailFf, r.Available.Ff);
        Assert.Equal(e.AvailBram, r.Available.Bram18K);
        Assert.Equal(e.AvailDsp, r.Available.Dsp);
        Assert.Equal(e.Modules, r.Modules.Count);
    }

    [SharedFixtureFact("terenceza__AccelAutoencoderOnFPGA__csynth.xml")]
    public void Nested_module_estimates_are_not_taken_for_the_top()
    {
        // In 2022.1 csynth.xml the first <Resources> in document order belongs to a module (LUT 73), not the top.
        var r = CsynthReport.Load(Fixtures.PathOf("terenceza__AccelAutoencoderOnFPGA__csynth.xml"));
        Assert.Equal(8796, r.Resources.Lut);
        var first = r.Modules[0];
        Assert.Equal("Autoencoder_Pipeline_VITIS_LOOP_52_1", first.Name);
        Assert.Equal(73, first.Resources.Lut);
        Assert.Equal(13, first.Resources.Ff);
        Assert.Equal(new CycleRange(602, 602, 602), first.Latency);
        Assert.Equal(new CycleRange(602, null, 602), first.InitiationInterval);
        var backPropagate = Assert.Single(r.Modules, m => m.Name == "BackPropagate");
        Assert.Equal("dataflow", backPropagate.PipelineType);
        Assert.Equal(2728, backPropagate.Resources.Lut);
        var top = Assert.Single(r.Modules, m => m.Name == "Autoencoder");
        Assert.Equal(new CycleRange(945200665, null, 945200665), top.InitiationInterval);
    }

    [SharedFixtureFact("SahJaiswal__MNIST_HLS__csynth.xml")]
    public void The_tops_loops_are_read_nested_with_undef_and_tripcount_ranges()
    {
        var r = CsynthReport.Load(Fixtures.PathOf("SahJaiswal__MNIST_HLS__csynth.xml"));
        var loop1 = r.Loops[0];
        Assert.Equal(("Loop1", "Loop1"), (loop1.Name, loop1.Path));
        Assert.Equal(CycleRange.Unknown, loop1.TripCount);
        Assert.Equal((1L, 2L), (loop1.PipelineII!.Value, loop1.PipelineDepth!.Value));
        var loop3 = Assert.Single(r.Loops, l => l.Path == "Loop3");
        Assert.Equal(new CycleRange(784, null, 784), loop3.TripCount);
        Assert.Equal(new CycleRange(3081904, null, 3081904), loop3.Latency);
        Assert.Equal(3931, loop3.IterationLatency);
        Assert.Null(loop3.PipelineII);
        // The inner loop follows its outer one, named by its path.
        var inner = r.Loops[r.Loops.ToList().IndexOf(loop3) + 1];
        Assert.Equal(("Loop3.1", "Loop3/Loop3.1"), (inner.Name, inner.Path));
        Assert.Equal((5L, 8L), (inner.PipelineII!.Value, inner.PipelineDepth!.Value));
        // A LOOP_TRIPCOUNT range: a bound, min and max.
        var loop9 = Assert.Single(r.Loops, l => l.Path == "Loop9");
        Assert.Equal(new CycleRange(1, null, 25), loop9.TripCount);
        Assert.Equal(new CycleRange(2, null, 26), loop9.Latency);
        Assert.Empty(r.Warnings);
    }

    [SharedFixtureFact("terenceza__AccelAutoencoderOnFPGA__csynth.xml")]
    public void A_modules_loops_are_its_own_and_not_the_tops()
    {
        var r = CsynthReport.Load(Fixtures.PathOf("terenceza__AccelAutoencoderOnFPGA__csynth.xml"));
        var first = r.Modules[0];
        var loop = Assert.Single(first.Loops!);
        Assert.Equal(("VITIS_LOOP_52_1", "VITIS_LOOP_52_1"), (loop.Name, loop.Path));
        Assert.Equal(new CycleRange(600, null, 600), loop.TripCount);
        Assert.Equal((1L, 2L), (loop.PipelineII!.Value, loop.PipelineDepth!.Value));
        Assert.DoesNotContain(r.Loops, l => l.Name == "VITIS_LOOP_52_1");
        Assert.Equal(["VITIS_LOOP_88_5", "VITIS_LOOP_88_5/VITIS_LOOP_90_6"], r.Loops.Select(l => l.Path));
        Assert.Equal(new CycleRange(150, null, 150), r.Loops[1].TripCount);
        Assert.Equal((9452L, 63L), (r.Loops[0].IterationLatency!.Value, r.Loops[1].IterationLatency!.Value));
    }

    // Real file (Vitis HLS 2023.1, MIT, bundled); its one module's II is 1. Vitis HLS 2024.1 prints a
    // data-dependent interval as "42 ~ 105": the variant below is that file with only this field edited.
    private const string ModuleFixture = "ValdecirDesenv__FPGA_picoZed__csynth.xml";

    private static CsynthReport ParseWithModuleField(string element, string value)
    {
        var text = File.ReadAllText(Fixtures.PathOf(ModuleFixture));
        var start = text.IndexOf("<ModuleInformation>", StringComparison.Ordinal);
        var open = text.IndexOf($"<{element}>", start, StringComparison.Ordinal);
        var close = text.IndexOf($"</{element}>", open, StringComparison.Ordinal);
        Assert.True(start > 0 && open > start && close > open, $"fixture has no <{element}> in a module");
        var edited = text[..(open + element.Length + 2)] + value + text[close..];
        return CsynthReport.Parse(ReportText.FromString(edited, "csynth.xml", "csynth.xml"));
    }

    [Fact]
    public void A_module_interval_range_is_read_as_a_range()
    {
        var original = CsynthReport.Load(Fixtures.PathOf(ModuleFixture));
        Assert.Equal(new CycleRange(1, null, 1), Assert.Single(original.Modules).InitiationInterval);

        var r = ParseWithModuleField("PipelineInitiationInterval", "42 ~ 105");
        Assert.Equal(new CycleRange(42, null, 105), Assert.Single(r.Modules).InitiationInterval);
        Assert.Empty(r.Warnings);
        Assert.Equal(original.Latency, r.Latency);
    }

    [Fact]
    public void A_module_latency_range_gives_best_its_low_end_and_worst_its_high_end()
    {
        var r = ParseWithModuleField("Worst-caseLatency", "3 ~ 17");
        Assert.Equal(new CycleRange(0, 0, 17), Assert.Single(r.Modules).Latency);
        var avg = ParseWithModuleField("Average-caseLatency", "3 ~ 17");
        Assert.Equal(new CycleRange(0, null, 0), Assert.Single(avg.Modules).Latency);
    }

    [Theory]
    [InlineData("PipelineInitiationInterval", "banana")]
    [InlineData("PipelineInitiationInterval", "105 ~ 42")]
    [InlineData("LUT", "lots")]
    [InlineData("Best-caseLatency", "1 ~ 2 ~ 3")]
    public void An_unreadable_module_value_is_a_warning_and_keeps_the_top(string element, string value)
    {
        var original = CsynthReport.Load(Fixtures.PathOf(ModuleFixture));
        var r = ParseWithModuleField(element, value);
        var warning = Assert.Single(r.Warnings);
        Assert.Equal(DiagnosticCatalog.CsynthModuleValueUnread, warning.Code);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Contains("basic_output", warning.Message);
        Assert.Contains(element, warning.Message);
        Assert.Contains(value, warning.Message);
        Assert.True(warning.Line > 0);
        Assert.Equal(original.Latency, r.Latency);
        Assert.Equal(original.Interval, r.Interval);
        Assert.Equal(original.Resources, r.Resources);
        Assert.Single(r.Modules);
    }

    [Fact]
    public void A_module_warning_reaches_the_hardware_report()
    {
        var dir = Directory.CreateTempSubdirectory("xai-csynth-");
        try
        {
            var text = File.ReadAllText(Fixtures.PathOf(ModuleFixture));
            var start = text.IndexOf("<ModuleInformation>", StringComparison.Ordinal);
            var at = text.IndexOf("<PipelineInitiationInterval>1<", start, StringComparison.Ordinal);
            var path = Path.Combine(dir.FullName, "csynth.xml");
            File.WriteAllText(path, text[..at] + "<PipelineInitiationInterval>n/a?<" + text[(at + "<PipelineInitiationInterval>1<".Length)..]);
            var report = HardwareReportCollector.Collect(path);
            Assert.Equal(DiagnosticCatalog.CsynthModuleValueUnread, Assert.Single(report.Warnings).Code);
            Assert.Contains("\"warnings\"", report.ToJson());
            Assert.NotNull(report.Latency);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_top_interval_range_is_read_as_its_bounds()
    {
        var text = File.ReadAllText(Fixtures.PathOf(ModuleFixture));
        var moduleStart = text.IndexOf("<ModuleInformation>", StringComparison.Ordinal);
        var top = text[..moduleStart];
        var rest = text[moduleStart..];
        top = System.Text.RegularExpressions.Regex.Replace(top, "<Interval-max>[^<]*</Interval-max>", "<Interval-max>5 ~ 9</Interval-max>");
        var r = CsynthReport.Parse(ReportText.FromString(top + rest, "csynth.xml", "csynth.xml"));
        Assert.Equal(9, r.Interval.Max);
    }

    [Fact]
    public void An_unreadable_top_value_is_still_an_error()
    {
        var text = File.ReadAllText(Fixtures.PathOf(ModuleFixture));
        var moduleStart = text.IndexOf("<ModuleInformation>", StringComparison.Ordinal);
        var top = System.Text.RegularExpressions.Regex.Replace(text[..moduleStart], "<Worst-caseLatency>[^<]*</Worst-caseLatency>", "<Worst-caseLatency>soon</Worst-caseLatency>");
        var e = Assert.Throws<XaiException>(() => CsynthReport.Parse(ReportText.FromString(top + text[moduleStart..], "csynth.xml", "csynth.xml")));
        Assert.Equal(DiagnosticCatalog.CsynthBadValue, e.Code);
    }

    [SharedFixtureFact("hashi0203__Vitis_HLS_Gaussian__csynth.xml")]
    public void Element_order_does_not_matter()
    {
        // hashi0203 2020.2 lists BRAM_18K, FF, LUT, DSP, URAM; terenceza 2022.1 puts DSP last.
        var r = CsynthReport.Load(Fixtures.PathOf("hashi0203__Vitis_HLS_Gaussian__csynth.xml"));
        Assert.Equal(new ResourceCounts(1870, 973, 3, 0, 0), r.Resources);
    }

    [Fact]
    public void Missing_dsp_element_is_a_coded_error_naming_the_path()
    {
        var text = File.ReadAllText(Fixtures.PathOf("fastmachinelearning__hls4ml__myproject_csynth.xml"))
            .Replace("<DSP48E>73</DSP48E>", "", StringComparison.Ordinal);
        var e = Assert.Throws<XaiException>(() => CsynthReport.Parse(ReportText.FromString(text, "x/csynth.xml", "csynth.xml")));
        Assert.Equal(DiagnosticCatalog.CsynthMissingElement, e.Code);
        Assert.Equal("x/csynth.xml", e.Diagnostic.File);
        Assert.Contains("/profile/AreaEstimates/Resources", e.Message);
        Assert.True(e.Diagnostic.Line > 0);
    }

    [Fact]
    public void Non_numeric_latency_is_a_coded_error()
    {
        var text = File.ReadAllText(Fixtures.PathOf("fastmachinelearning__hls4ml__myproject_csynth.xml"))
            .Replace("<Worst-caseLatency>10</Worst-caseLatency>", "<Worst-caseLatency>ten</Worst-caseLatency>", StringComparison.Ordinal);
        var e = Assert.Throws<XaiException>(() => CsynthReport.Parse(ReportText.FromString(text, "csynth.xml", "csynth.xml")));
        Assert.Equal(DiagnosticCatalog.CsynthBadValue, e.Code);
        Assert.Contains("Worst-caseLatency", e.Message);
        Assert.Contains("'ten'", e.Message);
    }

    [Fact]
    public void Truncated_xml_is_a_coded_error()
    {
        var text = File.ReadAllText(Fixtures.PathOf("ValdecirDesenv__FPGA_picoZed__csynth.xml"));
        var e = Assert.Throws<XaiException>(() => CsynthReport.Parse(ReportText.FromString(text[..(text.Length / 2)], "csynth.xml", "csynth.xml")));
        Assert.Equal(DiagnosticCatalog.CsynthXmlMalformed, e.Code);
        Assert.Contains("truncated", e.Message);
    }

    [Fact]
    public void Wrong_root_is_a_coded_error()
    {
        var e = Assert.Throws<XaiException>(() => CsynthReport.Parse(ReportText.FromString("<project><x/></project>", "a.xml", "csynth.xml")));
        Assert.Equal(DiagnosticCatalog.CsynthMissingElement, e.Code);
        Assert.Contains("<profile>", e.Message);
    }

    [Theory]
    [InlineData("2018.2", null, "Vivado HLS")]
    [InlineData("2020.1", null, "Vivado HLS")]
    [InlineData("2020.1", "vivado", "Vitis HLS")]
    [InlineData("2020.2", null, "Vitis HLS")]
    [InlineData("2024.2", "vitis", "Vitis HLS")]
    public void Tool_name_is_inferred_from_flow_target_and_version(string version, string? flowTarget, string expected) =>
        Assert.Equal(expected, CsynthReport.InferToolName(version, flowTarget));
}
