using Xai.Amd.Reports;
using Xai.Diagnostics;

namespace Xai.Core.Tests.Amd.Reports;

public class HlsLogReportTests
{
    public static IEnumerable<string> Names => ["ARX-0__HLS-pynq__vitis_hls.log", "SahJaiswal__MNIST_HLS__c_mnist_csim.log"];

    [SharedFixtureFact("ARX-0__HLS-pynq__vitis_hls.log")]
    public void Csim_failure_is_found_in_vitis_hls_log()
    {
        var r = HlsLogReport.Load(Fixtures.PathOf("ARX-0__HLS-pynq__vitis_hls.log"));
        var error = Assert.Single(r.Errors);
        Assert.Equal("SIM", error.Subsystem);
        Assert.Equal("211-100", error.Id);
        Assert.Equal("CSim file generation failed: compilation error(s).", error.Text);
        Assert.Equal(180, error.Line);
        Assert.Contains(r.Messages, m => m.Tag == "HLS 200-2053" && m.Severity == ToolMessageSeverity.Info);
    }

    [SharedFixtureFact("SahJaiswal__MNIST_HLS__c_mnist_csim.log")]
    public void Passing_csim_log_has_no_errors_and_reads_short_ids()
    {
        var r = HlsLogReport.Load(Fixtures.PathOf("SahJaiswal__MNIST_HLS__c_mnist_csim.log"));
        Assert.Empty(r.Errors);
        Assert.Contains(r.Messages, m => m.Tag == "SIM 1" && m.Text == "CSim done with 0 errors.");
    }

    [Fact]
    public void Text_without_messages_is_a_coded_error()
    {
        var e = Assert.Throws<XaiException>(() => HlsLogReport.Parse(ReportText.FromString("hello\nworld\n", "x.log", "HLS log")));
        Assert.Equal(DiagnosticCatalog.LogHasNoMessages, e.Code);
    }
}
