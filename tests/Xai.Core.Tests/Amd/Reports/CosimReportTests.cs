using Xai.Amd.Reports;
using Xai.Diagnostics;

namespace Xai.Core.Tests.Amd.Reports;

public class CosimReportTests
{
    /// <summary>The row that ran (the other language is NA in every fixture), read by eye.</summary>
    private sealed record Expected(bool NewFormat, string Solution, string Rtl, CosimStatus Status, long? Min, long? Avg, long? Max, long? IntervalMin, long? Total);

    private static readonly Dictionary<string, Expected> Cases = new()
    {
        ["SahJaiswal__MNIST_HLS__c_mnist_cosim.rpt"] = new(false, "solution1", "Verilog", CosimStatus.Pass, 4642865, 4642865, 4642865, null, null),
        ["HawkPhantom__rgb2grayscale__image_filter_cosim.rpt"] = new(false, "solution1", "Verilog", CosimStatus.Pass, 3699, 3699, 3699, null, null),
        ["dhananjaisharma123__SHA_native_datatype__pqcrystals_fips202_ref_sha3_256_cosim.rpt"] = new(false, "NDT_a", "VHDL", CosimStatus.Pass, 509, 509, 509, null, null),
        ["Imam-f__RL-SOC-Tutorial-Vitis__VecDotProduct_cosim.rpt"] = new(true, "solution1", "Verilog", CosimStatus.Pass, 10099, 10099, 10099, null, 10099),
        ["BojanFaletic__MA_HLS__ma_cosim.rpt"] = new(true, "solution1", "VHDL", CosimStatus.Pass, 1, 1, 1, 1, 33),
        ["terenceza__AccelAutoencoderOnFPGA__Autoencoder_cosim.rpt"] = new(true, "solution1", "Verilog", CosimStatus.Fail, null, null, null, null, null),
    };

    public static TheoryData<string> SharedOnly => Fixtures.SharedOnly(Cases.Keys);

    public static IEnumerable<string> Names => Cases.Keys;

    [SharedFixtureTheory]
    [MemberData(nameof(SharedOnly))]
    public void Fixture_reads_as_expected(string name)
    {
        var e = Cases[name];
        var r = CosimReport.Load(Fixtures.PathOf(name));
        Assert.Equal(e.NewFormat, r.HasTotalExecutionTime);
        Assert.Equal(e.Solution, r.Solution);
        Assert.Equal("xsim", r.SimulationTool);
        Assert.Equal(2, r.Results.Count);
        var ran = Assert.Single(r.Results, x => x.Status != CosimStatus.NotRun);
        Assert.Equal(e.Rtl, ran.Rtl);
        Assert.Equal(e.Status, ran.Status);
        Assert.Equal(new CycleRange(e.Min, e.Avg, e.Max), ran.Latency);
        Assert.Equal(e.IntervalMin, ran.Interval.Min);
        Assert.Equal(e.Total, ran.TotalExecutionCycles);
        var other = Assert.Single(r.Results, x => x.Status == CosimStatus.NotRun);
        Assert.False(other.Latency.IsKnown);
        Assert.Equal(e.Status == CosimStatus.Pass, r.Passed);
    }

    [Fact]
    public void Unknown_status_is_a_coded_error_listing_the_allowed_values()
    {
        const string text = """
            +----------+----------+-----------------------------------------------+-----------------------------------------------+
            |          |          |                    Latency                    |                    Interval                   |
            +   RTL    +  Status  +-----------------------------------------------+-----------------------------------------------+
            |          |          |      min      |      avg      |      max      |      min      |      avg      |      max      |
            +----------+----------+-----------------------------------------------+-----------------------------------------------+
            |   Verilog|      Maybe|           3699|           3699|           3699|             NA|             NA|             NA|
            +----------+----------+-----------------------------------------------+-----------------------------------------------+
            """;
        var e = Assert.Throws<XaiException>(() => CosimReport.Parse(ReportText.FromString(text, "t_cosim.rpt", "cosim report")));
        Assert.Equal(DiagnosticCatalog.CosimBadRow, e.Code);
        Assert.Contains("Pass, Fail or NA", e.Message);
        Assert.Equal(6, e.Diagnostic.Line);
    }

    [Fact]
    public void Table_without_closing_border_is_truncated()
    {
        const string text = """
            +   RTL    +  Status  +-----------------------------------------------+-----------------------------------------------+
            |          |          |      min      |      avg      |      max      |      min      |      avg      |      max      |
            +----------+----------+-----------------------------------------------+-----------------------------------------------+
            |   Verilog|      Pass|           3699|           3699|           3699|             NA|             NA|             NA|
            """;
        var e = Assert.Throws<XaiException>(() => CosimReport.Parse(ReportText.FromString(text, "t_cosim.rpt", "cosim report")));
        Assert.Equal(DiagnosticCatalog.CosimTableMissing, e.Code);
        Assert.Contains("truncated", e.Message);
    }
}
