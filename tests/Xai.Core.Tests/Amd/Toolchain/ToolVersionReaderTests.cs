using Xai.Amd.Toolchain;

namespace Xai.Core.Tests.Amd.Toolchain;

public sealed class ToolVersionReaderTests
{
    [Theory]
    [InlineData("vitis_hls v2022.1 (64-bit)", "2022.1")]
    [InlineData("Vivado v2023.2 (64-bit)\nTool Version Limit: 2023.10\nSW Build 4029153 on Fri Oct 13 20:13:54 MDT 2023\nIP Build 4028589 on Sat Oct 14 00:45:43 MDT 2023", "2023.2")]
    [InlineData("****** Vitis HLS - High-Level Synthesis from C, C++ and OpenCL v2023.2 (64-bit)\n  **** SW Build 4023990 on Oct 11 2023", "2023.2")]
    [InlineData("****** Vivado(TM) HLS - High-Level Synthesis from C, C++ and SystemC v2019.2 (64-bit)", "2019.2")]
    [InlineData("****** v++ v2024.1 (64-bit)\n  **** SW Build 5069499 on May 21 2024\n    ** Copyright 1986-2022 Xilinx, Inc. All Rights Reserved.", "2024.1")]
    [InlineData("vivado v2022.2.2 (64-bit)", "2022.2.2")]
    [InlineData("\r\nvitis-run v2025.1 (64-bit)\r\n", "2025.1")]
    public void Version_output_gives_the_release(string output, string expected) =>
        Assert.Equal(expected, ToolVersionReader.FromVersionOutput(output)?.ToString());

    [Theory]
    [InlineData("Tool Version Limit: 2023.10")]
    [InlineData("SW Build 4029153 on Fri Oct 13 2023")]
    [InlineData("Copyright 1986-2022 Xilinx, Inc.")]
    [InlineData("command not found")]
    [InlineData("")]
    [InlineData("libv2023.2.so")]
    public void Text_without_a_release_gives_none(string output) =>
        Assert.Null(ToolVersionReader.FromVersionOutput(output));

    [Theory]
    [InlineData("/tools/Xilinx/Vitis_HLS/2023.2/bin/vitis_hls", "2023.2")]
    [InlineData("/opt/Xilinx/2025.1/Vitis/bin/v++", "2025.1")]
    [InlineData("C:\\Xilinx\\Vivado\\2020.2\\bin\\vivado.bat", "2020.2")]
    [InlineData("D:/AMDDesigner/2025.2/Vitis/bin/vitis-run.bat", "2025.2")]
    [InlineData("/usr/local/bin/vivado", null)]
    [InlineData("/home/me/2023.10/bin/vivado", null)]
    public void Install_path_gives_the_release(string path, string? expected) =>
        Assert.Equal(expected, ToolVersionReader.FromInstallPath(path)?.ToString());

    [Fact]
    public void Versions_compare_by_year_release_update()
    {
        Assert.True(new ToolVersion(2024, 2) < new ToolVersion(2025, 1));
        Assert.True(new ToolVersion(2023, 2, 1) > new ToolVersion(2023, 2));
        Assert.True(ToolVersion.TryParse("2023.2", out var v) && v >= ToolVersion.FirstUnifiedHls);
        Assert.False(ToolVersion.TryParse("2023", out _));
        Assert.False(ToolVersion.TryParse("v2023.2", out _));
    }
}
