using Xai.Amd.Reports;
using Xai.Diagnostics;

namespace Xai.Core.Tests.Amd.Reports;

public class CsynthTextReportTests
{
    public static IEnumerable<string> Names =>
        ["Imam-f__RL-SOC-Tutorial-Vitis__VecDotProduct_csynth.rpt", "fastmachinelearning__hls4ml__myproject_csynth.rpt"];

    [SharedFixtureFact("Imam-f__RL-SOC-Tutorial-Vitis__VecDotProduct_csynth.rpt")]
    public void Vitis_2020_1_dataflow_report_with_unknown_latency()
    {
        var r = CsynthTextReport.Load(Fixtures.PathOf("Imam-f__RL-SOC-Tutorial-Vitis__VecDotProduct_csynth.rpt"));
        Assert.Equal(ToolRelease.Of("Vitis HLS", "2020.1")!, r.Tool);
        Assert.Equal("VecDotProduct", r.TopModule);
        Assert.Equal("xczu7ev-ffvc1156-2-e", r.Part);
        Assert.Equal(10.0, r.TargetClockPeriodNs);
        Assert.Equal(7.3, r.EstimatedClockPeriodNs);
        Assert.Equal(2.7, r.ClockUncertaintyNs);
        Assert.False(r.Latency.IsKnown);
        Assert.False(r.Interval.IsKnown);
        Assert.Equal("dataflow", r.PipelineType);
        Assert.Equal(new ResourceCounts(5322, 3726, 34, 0, 0), r.Resources);
        Assert.Equal(new ResourceCounts(230400, 460800, 624, 1728, 96), r.Available);
    }

    [SharedFixtureFact("fastmachinelearning__hls4ml__myproject_csynth.rpt", "fastmachinelearning__hls4ml__myproject_csynth.xml")]
    public void Vivado_hls_2020_1_report_agrees_with_its_xml()
    {
        var text = CsynthTextReport.Load(Fixtures.PathOf("fastmachinelearning__hls4ml__myproject_csynth.rpt"));
        var xml = CsynthReport.Load(Fixtures.PathOf("fastmachinelearning__hls4ml__myproject_csynth.xml"));
        Assert.Equal(ToolRelease.Of("Vivado HLS", "2020.1")!, text.Tool);
        Assert.Equal(xml.TopModule, text.TopModule);
        Assert.Equal(xml.Part, text.Part);
        Assert.Equal(xml.TargetClockPeriodNs, text.TargetClockPeriodNs);
        Assert.Equal(xml.EstimatedClockPeriodNs, text.EstimatedClockPeriodNs);
        Assert.Equal(new CycleRange(10, null, 10), text.Latency);
        Assert.Equal(new CycleRange(8, null, 8), text.Interval);
        Assert.Equal(xml.Resources, text.Resources);
        Assert.Equal(xml.Available, text.Available);
    }

    [Fact]
    public void Unified_flow_summary_layout_is_refused_with_a_pointer_to_the_xml()
    {
        var text = ReportText.FromString("================================================================\n== Synthesis Summary Report of 'top'\n", "csynth.rpt", "text csynth report");
        Assert.Equal(ReportKind.CsynthText, ReportKindDetector.Detect(text));
        var e = Assert.Throws<XaiException>(() => CsynthTextReport.Parse(text));
        Assert.Equal(DiagnosticCatalog.CsynthTextMissing, e.Code);
        Assert.Contains("csynth.xml", e.Message);
    }
}
