using Xai.Amd.Reports;
using Xai.Diagnostics;

namespace Xai.Core.Tests.Amd.Reports;

public class TimingSummaryReportTests
{
    private sealed record Expected(string Version, string Design, double Wns, double Tns, double Whs, double Wpws, long Endpoints, string[] Clocks, double[] Periods);

    private static readonly Dictionary<string, Expected> Cases = new()
    {
        ["Mr-AniP__mabonSOC__design_1_wrapper_timing_summary_routed.rpt"] = new("2019.1", "design_1_wrapper", 0.053, 0.0, 0.014, 4.020, 15262, ["clk_fpga_0"], [10.0]),
        ["HaohanZhutcd__Video-Processing-using-PYNQ-Z2__base_wrapper_timing_summary_routed.rpt"] = new("2019.2", "base_wrapper", 0.553, 0.0, 0.018, 3.750, 28788, ["clk_fpga_0", "clk_fpga_1"], [20.0, 10.0]),
        ["ARX-0__HLS-pynq__design_1_wrapper_timing_summary_routed.rpt"] = new("2023.2", "design_1_wrapper", 1.937, 0.0, 0.027, 3.750, 27271, ["clk_fpga_0"], [10.0]),
    };

    public static TheoryData<string> Bundled => Fixtures.Bundled(Cases.Keys);

    public static TheoryData<string> SharedOnly => Fixtures.SharedOnly(Cases.Keys);

    public static IEnumerable<string> Names => Cases.Keys;

    [Theory]
    [MemberData(nameof(Bundled))]
    public void Bundled_fixture_reads_as_expected(string name) => Check(name);

    [SharedFixtureTheory]
    [MemberData(nameof(SharedOnly))]
    public void Fixture_reads_as_expected(string name) => Check(name);

    private static void Check(string name)
    {
        var e = Cases[name];
        var r = TimingSummaryReport.Load(Fixtures.PathOf(name));
        Assert.Equal(ToolRelease.Of("Vivado", e.Version)!, r.Tool);
        Assert.Equal(e.Design, r.Design);
        Assert.Equal(e.Wns, r.WnsNs!.Value, 6);
        Assert.Equal(e.Tns, r.TnsNs!.Value, 6);
        Assert.Equal(e.Whs, r.WhsNs!.Value, 6);
        Assert.Equal(e.Wpws, r.WpwsNs!.Value, 6);
        Assert.Equal(0, r.TnsFailingEndpoints);
        Assert.Equal("All user specified timing constraints are met.", r.Verdict);
        Assert.True(r.ConstraintsMet);
        Assert.Equal(e.Clocks, r.Clocks.Select(c => c.Name));
        Assert.Equal(e.Periods, r.Clocks.Select(c => c.PeriodNs));
        Assert.Equal(e.Endpoints, r.TnsTotalEndpoints);
    }

    [SharedFixtureFact("Mr-AniP__mabonSOC__design_1_wrapper_timing_summary_routed.rpt")]
    public void Negative_slack_with_not_met_verdict_is_read_as_failing()
    {
        // Same real report with the slack and verdict changed the way a failing run prints them.
        var text = File.ReadAllText(Fixtures.PathOf("Mr-AniP__mabonSOC__design_1_wrapper_timing_summary_routed.rpt"))
            .Replace("      0.053        0.000                      0", "     -0.247       -3.112                     17", StringComparison.Ordinal)
            .Replace("All user specified timing constraints are met.", "Timing constraints are not met.", StringComparison.Ordinal);
        var r = TimingSummaryReport.Parse(ReportText.FromString(text, "t.rpt", "Vivado timing summary"));
        Assert.Equal(-0.247, r.WnsNs!.Value, 6);
        Assert.Equal(-3.112, r.TnsNs!.Value, 6);
        Assert.Equal(17, r.TnsFailingEndpoints);
        Assert.False(r.ConstraintsMet);
    }

    [SharedFixtureFact("ARX-0__HLS-pynq__design_1_wrapper_timing_summary_routed.rpt")]
    public void Values_line_cut_short_is_a_coded_error()
    {
        var lines = File.ReadAllLines(Fixtures.PathOf("ARX-0__HLS-pynq__design_1_wrapper_timing_summary_routed.rpt"));
        var at = Array.FindIndex(lines, l => l.Contains("WNS(ns)")) + 2;
        lines[at] = lines[at][..30];
        var e = Assert.Throws<XaiException>(() => TimingSummaryReport.Parse(ReportText.FromString(string.Join("\n", lines), "t.rpt", "Vivado timing summary")));
        Assert.Equal(DiagnosticCatalog.TimingSummaryBadValue, e.Code);
        Assert.Equal(at + 1, e.Diagnostic.Line);
    }
}
