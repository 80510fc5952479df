using Xai.Boards;
using Xai.Diagnostics;

namespace Xai.Core.Tests.Boards;

public sealed class BoardCatalogTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("xai-boards-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void The_repository_boards_are_the_three_of_the_design_with_their_facts()
    {
        var catalog = BoardCatalog.Load(RepositoryLayout.Boards);

        Assert.Equal(new[] { "pynq-z2", "ultra96-v2", "zcu104" }, catalog.Ids);
        Assert.True(catalog.TryGet("PYNQ-Z2", out var pynq));
        Assert.Equal("xc7z020clg400-1", pynq.Part);
        Assert.Equal("processing_system7", pynq.ProcessingSystem.Ip);
        Assert.Equal("S_AXI_HP0", pynq.ProcessingSystem.SlavePort);
        Assert.Equal(new BoardResources(280, 220, 106400, 53200, 0), pynq.Resources);
        Assert.True(catalog.TryGet("ultra96-v2", out var u96));
        Assert.Equal("zynq_ultra_ps_e", u96.ProcessingSystem.Ip);
        Assert.Equal("S_AXI_HP0_FPD", u96.ProcessingSystem.SlavePort);
        Assert.Equal("4x8", u96.Defaults.ConvParallelism);
        Assert.True(catalog.TryGet("zcu104", out var zcu));
        Assert.Equal(96, zcu.Resources.Uram);
        Assert.Equal(1728, zcu.Resources.Dsp);
        // The HP slave ports' widths the m_axi ports are widened to.
        Assert.Equal(64, pynq.ProcessingSystem.SlavePortDataWidth);
        Assert.Equal(128, u96.ProcessingSystem.SlavePortDataWidth);
        Assert.Equal(128, zcu.ProcessingSystem.SlavePortDataWidth);
    }

    [Theory]
    [InlineData("pynq-z2.json", "128")]
    [InlineData("zcu104.json", "256")]
    [InlineData("zcu104.json", "\"128\"")]
    public void A_slave_port_width_the_family_cannot_have_is_a_coded_error(string board, string width)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryLayout.Boards, board));
        var replaced = System.Text.RegularExpressions.Regex.Replace(text, "\"slavePortDataWidth\": [0-9]+", $"\"slavePortDataWidth\": {width}");
        Assert.NotEqual(text, replaced);
        File.WriteAllText(Path.Combine(_dir, "b.json"), replaced);

        var e = Assert.Throws<XaiException>(() => BoardCatalog.Load(_dir));
        Assert.Equal("XAI6002", e.Code);
        Assert.Contains("'ps.slavePortDataWidth'", e.Message);
    }

    [Fact]
    public void A_board_file_that_is_not_json_is_a_coded_error_naming_the_file()
    {
        var file = Path.Combine(_dir, "broken.json");
        File.WriteAllText(file, "{ \"id\": ");

        var e = Assert.Throws<XaiException>(() => BoardCatalog.Load(_dir));
        Assert.Equal("XAI6002", e.Code);
        Assert.Equal(file, e.Diagnostic.File);
    }

    [Fact]
    public void A_board_file_missing_a_field_names_the_field()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryLayout.Boards, "pynq-z2.json")).Replace("\"boardPart\"", "\"boardPartX\"");
        File.WriteAllText(Path.Combine(_dir, "b.json"), text);

        var e = Assert.Throws<XaiException>(() => BoardCatalog.Load(_dir));
        Assert.Equal("XAI6002", e.Code);
        Assert.Contains("'boardPart'", e.Message);
    }

    [Theory]
    [InlineData("\"dsp\": 220", "\"dsp\": 0", "'resources.dsp' is 0")]
    [InlineData("\"lut\": 53200", "\"lut\": -1", "'resources.lut' must be a non-negative integer")]
    [InlineData("\"resources\"", "\"resourcesX\"", "'resources.bram18k'")]
    public void A_board_file_without_resource_figures_is_a_coded_error_naming_the_field(string from, string to, string expected)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryLayout.Boards, "pynq-z2.json"));
        Assert.Contains(from, text);
        File.WriteAllText(Path.Combine(_dir, "b.json"), text.Replace(from, to));

        var e = Assert.Throws<XaiException>(() => BoardCatalog.Load(_dir));
        Assert.Equal("XAI6002", e.Code);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void An_empty_or_missing_boards_directory_is_a_coded_error()
    {
        Assert.Equal("XAI6001", Assert.Throws<XaiException>(() => BoardCatalog.Load(_dir)).Code);
        Assert.Equal("XAI6001", Assert.Throws<XaiException>(() => BoardCatalog.Load(Path.Combine(_dir, "nope"))).Code);
    }
}
