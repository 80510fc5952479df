using Xai.Amd.Reports;
using Xai.Diagnostics;

namespace Xai.Core.Tests.Amd.Reports;

public class HlsExportReportTests
{
    private const string Rpt = "dhananjaisharma123__SHA_native_datatype__pqcrystals_fips202_ref_sha3_256_export.rpt";
    private const string Xml = "dhananjaisharma123__SHA_native_datatype__pqcrystals_fips202_ref_sha3_256_export.xml";

    public static IEnumerable<string> Names => [Rpt, Xml];

    [SharedFixtureFact(Rpt)]
    public void Text_export_report_reads_as_expected()
    {
        var r = HlsExportReport.Load(Fixtures.PathOf(Rpt));
        Assert.False(r.IsXml);
        Assert.Equal(ToolRelease.Of("Vivado", "2018.3")!, r.Tool);
        Assert.Equal("SHA", r.Project);
        Assert.Equal("NDT_a", r.Solution);
        Assert.Equal("xc7a75tlftg256-2l", r.Part);
        Assert.Equal(new ResourceCounts(12351, 7337, 6, 0, null), r.Used);
        Assert.Equal(3534, r.AllResources["SLICE"]);
        Assert.Equal(0, r.AllResources["SRL"]);
        Assert.Equal(10.0, r.TargetClockPeriodNs);
        Assert.Equal(6.937, r.PostSynthesisClockPeriodNs);
        Assert.Equal(11.346, r.PostImplementationClockPeriodNs);
        Assert.Equal(11.346, r.AchievedClockPeriodNs);
        Assert.Equal("implementation", r.Stage);
        Assert.False(r.TimingMet);
        Assert.Equal(-1.346, r.SlackNs, 6);
    }

    [SharedFixtureFact(Xml)]
    public void Xml_export_report_reads_as_expected()
    {
        var r = HlsExportReport.Load(Fixtures.PathOf(Xml));
        Assert.True(r.IsXml);
        Assert.Null(r.Tool);
        Assert.Equal(new ResourceCounts(12351, 7337, 6, 0, null), r.Used);
        Assert.Equal(new ResourceCounts(47200, 94400, 210, 180, null), r.Available);
        Assert.Equal(10.0, r.TargetClockPeriodNs);
        Assert.Equal(11.346, r.AchievedClockPeriodNs);
        Assert.False(r.TimingMet);
    }

    [SharedFixtureFact(Rpt)]
    public void Text_report_without_timing_is_a_coded_error()
    {
        var text = File.ReadAllText(Fixtures.PathOf(Rpt));
        var cut = text[..text.IndexOf("#=== Final timing", StringComparison.Ordinal)];
        var e = Assert.Throws<XaiException>(() => HlsExportReport.ParseText(ReportText.FromString(cut, "x_export.rpt", "HLS export report")));
        Assert.Equal(DiagnosticCatalog.ExportMissing, e.Code);
        Assert.Contains("CP required", e.Message);
    }
}
