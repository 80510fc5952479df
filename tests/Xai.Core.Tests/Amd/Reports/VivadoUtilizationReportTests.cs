using Xai.Amd.Reports;
using Xai.Diagnostics;

namespace Xai.Core.Tests.Amd.Reports;

public class VivadoUtilizationReportTests
{
    /// <summary>Read by eye: LUTs, registers, Block RAM Tile (36 Kb), DSPs; used and available.</summary>
    private sealed record Expected(
        string Version, string Device, string State, bool UltraScale, bool Prohibited,
        long Lut, long Ff, double Tiles, long Dsp, long AvailLut, long AvailFf, long AvailBram18K, long AvailDsp, double LutUtil);

    private static readonly Dictionary<string, Expected> Cases = new()
    {
        ["Mr-AniP__mabonSOC__design_1_wrapper_utilization_placed.rpt"] = new("2019.1", "7z020clg484-1", "Fully Placed", false, false,
            12694, 11151, 0.5, 4, 53200, 106400, 280, 220, 23.86),
        ["HaohanZhutcd__Video-Processing-using-PYNQ-Z2__base_wrapper_utilization_placed.rpt"] = new("2019.2", "7z020clg400-1", "Fully Placed", false, false,
            10176, 11668, 12.5, 43, 53200, 106400, 280, 220, 19.13),
        ["fastmachinelearning__hls4ml__vivado_synth.rpt"] = new("2020.1", "7z020clg400-1", "Synthesized", false, false,
            1526, 2428, 0, 66, 53200, 106400, 280, 220, 2.87),
        ["gussmith23__lakeroad-evaluation__unsigned-dot-product.futil-vanilla-util-route.rpt"] = new("2021.2", "xczu3eg-sbva484-1-e", "Routed", true, true,
            18, 14, 0, 0, 70560, 141120, 432, 360, 0.03),
        ["ARX-0__HLS-pynq__design_1_wrapper_utilization_placed.rpt"] = new("2023.2", "xc7z020clg400-1", "Fully Placed", false, true,
            4423, 6991, 2, 29, 53200, 106400, 280, 220, 8.31),
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
        var r = VivadoUtilizationReport.Load(Fixtures.PathOf(name));
        Assert.Equal(ToolRelease.Of("Vivado", e.Version)!, r.Tool);
        Assert.Equal(e.Device, r.Device);
        Assert.Equal(e.State, r.DesignState);
        Assert.Equal(e.UltraScale, r.IsUltraScale);
        Assert.Equal(e.Prohibited, r.HasProhibitedColumn);
        Assert.Equal(e.Tiles, r.BlockRamTiles);
        // BRAM_18K = 2 × Block RAM Tile.
        Assert.Equal(new ResourceCounts(e.Lut, e.Ff, (long)(2 * e.Tiles), e.Dsp, null), r.Used);
        Assert.Equal(new ResourceCounts(e.AvailLut, e.AvailFf, e.AvailBram18K, e.AvailDsp, null), r.Available);
        var lutRow = r.Rows.First(x => x.SiteType.TrimEnd('*').EndsWith("LUTs", StringComparison.Ordinal));
        Assert.Equal(e.LutUtil, lutRow.UtilPercent!.Value, 6);
    }

    [Fact]
    public void Ramb18_rows_agree_with_block_ram_tiles()
    {
        // PYNQ-Z2 base overlay: 6 RAMB36 + 13 RAMB18 = 12.5 tiles = 25 BRAM_18K.
        var r = VivadoUtilizationReport.Load(Fixtures.PathOf("HaohanZhutcd__Video-Processing-using-PYNQ-Z2__base_wrapper_utilization_placed.rpt"));
        Assert.Equal(6, r.Find("RAMB36/FIFO")!.Used);
        Assert.Equal(13, r.Find("RAMB18")!.Used);
        Assert.Equal(4.64, r.Find("RAMB18")!.UtilPercent);
        Assert.Null(r.Find("URAM"));
        Assert.Equal(25, r.Used.Bram18K);
    }

    [Fact]
    public void Less_than_util_is_read_as_its_bound()
    {
        var r = VivadoUtilizationReport.Load(Fixtures.PathOf("gussmith23__lakeroad-evaluation__unsigned-dot-product.futil-vanilla-util-route.rpt"));
        Assert.Equal(0.01, r.Rows.First(x => x.SiteType == "CLB Registers").UtilPercent);
        Assert.Equal(0, r.Rows.First(x => x.SiteType == "CLB LUTs").Prohibited);
    }

    [Fact]
    public void Missing_dsp_section_is_a_coded_error()
    {
        var text = File.ReadAllText(Fixtures.PathOf("ARX-0__HLS-pynq__design_1_wrapper_utilization_placed.rpt"))
            .Replace("4. DSP\n------", "4. XYZ\n------", StringComparison.Ordinal);
        var e = Assert.Throws<XaiException>(() => VivadoUtilizationReport.Parse(ReportText.FromString(text, "u.rpt", "Vivado utilization report")));
        Assert.Equal(DiagnosticCatalog.UtilizationMissing, e.Code);
        Assert.Contains("'DSP'", e.Message);
        Assert.Equal("u.rpt", e.Diagnostic.File);
    }

    [Fact]
    public void Non_numeric_used_cell_is_a_coded_error_with_line()
    {
        var text = File.ReadAllText(Fixtures.PathOf("ARX-0__HLS-pynq__design_1_wrapper_utilization_placed.rpt"))
            .Replace("| DSPs           |   29 |", "| DSPs           |   2x |", StringComparison.Ordinal);
        var e = Assert.Throws<XaiException>(() => VivadoUtilizationReport.Parse(ReportText.FromString(text, "u.rpt", "Vivado utilization report")));
        Assert.Equal(DiagnosticCatalog.UtilizationBadValue, e.Code);
        Assert.Contains("'2x'", e.Message);
        Assert.True(e.Diagnostic.Line > 100);
    }

    [Fact]
    public void Windows_line_endings_read_the_same()
    {
        var path = Fixtures.PathOf("ARX-0__HLS-pynq__design_1_wrapper_utilization_placed.rpt");
        var lf = VivadoUtilizationReport.Load(path);
        var crlf = VivadoUtilizationReport.Parse(ReportText.FromString(File.ReadAllText(path).Replace("\n", "\r\n", StringComparison.Ordinal), "u.rpt", "Vivado utilization report"));
        Assert.Equal(lf.Used, crlf.Used);
        Assert.Equal(lf.Available, crlf.Available);
        Assert.Equal(lf.Rows.Count, crlf.Rows.Count);
    }
}
