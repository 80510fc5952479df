using Xai.Amd.Toolchain;
using Xai.Diagnostics;

namespace Xai.Core.Tests.Amd.Toolchain;

public sealed class ToolLocatorTests : IDisposable
{
    private readonly FakeInstall _install = new();

    public void Dispose() => _install.Dispose();

    private static ToolLocator Locator(Dictionary<string, string> variables, Func<string, string, string?>? probe = null) =>
        new(new ToolSearchEnvironment(name => variables.GetValueOrDefault(name), IsWindows: false), probe);

    [Fact]
    public void Explicit_property_wins_over_environment_and_path()
    {
        var explicitTool = _install.Executable("custom/2022.2/bin/vitis_hls");
        _install.Executable("Vitis_HLS/2023.2/bin/vitis_hls");
        var located = Locator(new() { ["XILINX_HLS"] = _install.Dir("Vitis_HLS/2023.2"), ["PATH"] = _install.Dir("Vitis_HLS/2023.2/bin") })
            .Locate(VendorTool.VitisHls, explicitTool);

        Assert.Equal(explicitTool, located.ExecutablePath);
        Assert.Equal(ToolOrigin.Property, located.Origin);
        Assert.Equal("XaiVitisHlsPath", located.OriginDetail);
        Assert.Equal(new ToolVersion(2022, 2), located.Version);
        Assert.Equal(VersionOrigin.InstallDirectory, located.VersionOrigin);
    }

    [Fact]
    public void Explicit_install_directory_is_searched_in_bin()
    {
        var tool = _install.Executable("Vivado/2023.2/bin/vivado");
        var located = Locator([]).Locate(VendorTool.Vivado, _install.Dir("Vivado/2023.2"));

        Assert.Equal(tool, located.ExecutablePath);
    }

    [Theory]
    [InlineData("does/not/exist")]
    [InlineData("empty-dir")]
    [InlineData("not-executable")]
    public void Wrong_explicit_property_is_a_coded_error_naming_the_property(string relative)
    {
        Directory.CreateDirectory(_install.Dir("empty-dir"));
        File.WriteAllText(_install.Dir("not-executable"), "");
        var error = Assert.Throws<XaiException>(() => Locator([]).Locate(VendorTool.VitisHls, _install.Dir(relative)));

        Assert.Equal("XAI5501", error.Code);
        Assert.Contains("XaiVitisHlsPath", error.Message);
    }

    [Fact]
    public void Environment_variables_are_tried_in_order_then_path()
    {
        // 2024.1 on: HLS lives in the Vitis install, XILINX_HLS may point at it or be unset.
        var vitisHls = _install.Executable("2024.1/Vitis/bin/vitis_hls");
        var viaVitis = Locator(new() { ["XILINX_HLS"] = _install.Dir("nothing-here"), ["XILINX_VITIS"] = _install.Dir("2024.1/Vitis") })
            .Locate(VendorTool.VitisHls);
        Assert.Equal(vitisHls, viaVitis.ExecutablePath);
        Assert.Equal("XILINX_VITIS", viaVitis.OriginDetail);
        Assert.Equal(new ToolVersion(2024, 1), viaVitis.Version);

        var onPath = _install.Executable("somewhere/bin/vivado");
        var viaPath = Locator(new() { ["PATH"] = $"/nonexistent:{_install.Dir("somewhere/bin")}" }).Locate(VendorTool.Vivado);
        Assert.Equal(onPath, viaPath.ExecutablePath);
        Assert.Equal(ToolOrigin.SearchPath, viaPath.Origin);
        Assert.Null(viaPath.Version);
    }

    [Fact]
    public void Path_symlink_into_an_install_gives_the_version()
    {
        var real = _install.Executable("Vivado/2023.2/bin/vivado");
        Directory.CreateDirectory(_install.Dir("links"));
        File.CreateSymbolicLink(_install.Dir("links/vivado"), real);
        var located = Locator(new() { ["PATH"] = _install.Dir("links") }).Locate(VendorTool.Vivado);

        Assert.Equal(new ToolVersion(2023, 2), located.Version);
    }

    [Fact]
    public void Version_output_from_the_real_process_is_preferred_over_the_directory_name()
    {
        // The install directory claims 2023.2, the tool says 2023.1: the tool is right.
        var tool = _install.Executable("Vitis_HLS/2023.2/bin/vitis_hls", "vitis_hls v2023.1 (64-bit)\nSW Build 3854077 on 2023-05-04-22:11:11");
        var located = Locator([], ToolVersionProbe.WithTimeout(TimeSpan.FromSeconds(10))).Locate(VendorTool.VitisHls, tool);

        Assert.Equal(new ToolVersion(2023, 1), located.Version);
        Assert.Equal(VersionOrigin.VersionOutput, located.VersionOrigin);
    }

    [Fact]
    public void A_tool_whose_version_run_fails_falls_back_to_the_directory()
    {
        var tool = _install.Executable("Vivado/2022.2/bin/vivado");
        var located = Locator([], ToolVersionProbe.WithTimeout(TimeSpan.FromSeconds(10))).Locate(VendorTool.Vivado, tool);

        Assert.Equal(new ToolVersion(2022, 2), located.Version);
        Assert.Equal(VersionOrigin.InstallDirectory, located.VersionOrigin);
    }

    [Fact]
    public void Absent_tool_says_where_it_looked_and_how_to_point_at_it()
    {
        var located = Locator(new() { ["XILINX_VIVADO"] = _install.Dir("Vivado/2023.2"), ["PATH"] = _install.Dir("bin") }).Locate(VendorTool.Vivado);

        Assert.False(located.Found);
        var diagnostic = located.NotFound!;
        Assert.Equal("XAI5502", diagnostic.Code);
        Assert.Contains("XaiVivadoPath", diagnostic.Message);
        Assert.Contains("XILINX_VIVADO", diagnostic.Message);
        Assert.Contains("PATH", diagnostic.Message);
        Assert.Contains(_install.Dir("Vivado/2023.2"), diagnostic.Message);
    }

    [Fact]
    public void Windows_installs_are_found_by_their_bat_launchers()
    {
        var bat = Path.Combine(_install.Root, "Vitis", "2023.2", "bin", "v++.bat");
        Directory.CreateDirectory(Path.GetDirectoryName(bat)!);
        File.WriteAllText(bat, "@echo off");
        var windows = new ToolLocator(new ToolSearchEnvironment(name => name == "XILINX_VITIS" ? _install.Dir("Vitis/2023.2") : null, IsWindows: true));

        Assert.Equal(bat, windows.Locate(VendorTool.VPlusPlus).ExecutablePath);
    }
}
