using Xai.Amd.Scripts;
using Xai.Amd.Toolchain;
using Xai.Diagnostics;

namespace Xai.Core.Tests.Amd.Toolchain;

public sealed class HlsToolchainResolverTests : IDisposable
{
    private readonly FakeInstall _install = new();

    public void Dispose() => _install.Dispose();

    private HlsToolchainResolution Resolve(string? hls, string? vitis, HlsFlowSetting setting)
    {
        var variables = new Dictionary<string, string>();
        if (hls is not null)
        {
            _install.Executable($"Vitis_HLS/{hls}/bin/vitis_hls");
            variables["XILINX_HLS"] = _install.Dir($"Vitis_HLS/{hls}");
        }

        if (vitis is not null)
        {
            _install.Executable($"{vitis}/Vitis/bin/v++");
            _install.Executable($"{vitis}/Vitis/bin/vitis-run");
            variables["XILINX_VITIS"] = _install.Dir($"{vitis}/Vitis");
        }

        var locator = new ToolLocator(new ToolSearchEnvironment(name => variables.GetValueOrDefault(name), IsWindows: false));
        return new HlsToolchainResolver(locator).Resolve(new HlsToolPaths(), setting);
    }

    [Theory]
    [InlineData("2022.1", null, HlsFlowSetting.Auto, HlsFlow.Classic)]
    [InlineData("2023.2", "2023.2", HlsFlowSetting.Auto, HlsFlow.Classic)]
    [InlineData("2024.2", "2024.2", HlsFlowSetting.Unified, HlsFlow.Unified)]
    [InlineData(null, "2025.1", HlsFlowSetting.Auto, HlsFlow.Unified)]
    [InlineData(null, "2024.1", HlsFlowSetting.Auto, HlsFlow.Unified)]
    [InlineData("2024.2", "2025.1", HlsFlowSetting.Auto, HlsFlow.Unified)]
    public void Flow_follows_the_release_or_the_forced_setting(string? hls, string? vitis, HlsFlowSetting setting, HlsFlow expected)
    {
        var resolution = Resolve(hls, vitis, setting);

        Assert.True(resolution.Available, resolution.Problem?.Message);
        Assert.Equal(expected, resolution.Toolchain!.Flow);
    }

    [Fact]
    public void Classic_forced_on_2025_runs_the_tcl_through_vitis_run()
    {
        var toolchain = Resolve(null, "2025.1", HlsFlowSetting.Classic).Toolchain!;

        Assert.Equal(HlsFlow.Classic, toolchain.Flow);
        Assert.Equal(VendorTool.VitisRun, toolchain.TclRunner!.Tool);
    }

    [Fact]
    public void Unified_forced_on_an_old_release_is_a_coded_error()
    {
        var error = Assert.Throws<XaiException>(() => Resolve(null, "2022.2", HlsFlowSetting.Unified));

        Assert.Equal("XAI5504", error.Code);
        Assert.Contains("XaiHlsFlow", error.Message);
    }

    [Fact]
    public void No_tools_gives_a_message_that_says_how_to_point_the_sdk_at_them()
    {
        var resolution = Resolve(null, null, HlsFlowSetting.Auto);

        Assert.False(resolution.Available);
        Assert.Equal("XAI5502", resolution.Problem!.Code);
        Assert.Contains("XaiVitisHlsPath", resolution.Problem.Message);
        Assert.Contains("XILINX_HLS", resolution.Problem.Message);
        Assert.Contains("XILINX_VITIS", resolution.Problem.Message);
        Assert.Equal(3, resolution.Located.Count);
    }

    [Theory]
    [InlineData("", HlsFlowSetting.Auto)]
    [InlineData("classic", HlsFlowSetting.Classic)]
    [InlineData(" Unified ", HlsFlowSetting.Unified)]
    public void Flow_setting_parses(string text, HlsFlowSetting expected) =>
        Assert.Equal(expected, HlsFlowSettingParser.Parse(text));

    [Fact]
    public void Unknown_flow_setting_lists_the_allowed_values() =>
        Assert.Contains("Auto (or empty), Classic, Unified", Assert.Throws<XaiException>(() => HlsFlowSettingParser.Parse("vitis")).Message);

    [Fact]
    public void Invocations_match_each_flow()
    {
        var spec = new HlsProjectSpec
        {
            ProjectName = "xai_hls", TopFunction = "xai_top", SourceFiles = ["a.cpp"], TestbenchFiles = ["tb.cpp"], Part = "xc7z020clg400-1", ClockPeriodNs = 10,
        };
        var work = _install.Dir("work");

        var classic = Resolve("2023.2", null, HlsFlowSetting.Auto).Toolchain!;
        var single = Assert.Single(HlsInvocationPlanner.Plan(classic, spec, work, Path.Combine(work, "run_hls.tcl")));
        Assert.Equal(["-f", Path.Combine(work, "run_hls.tcl"), "-l", Path.Combine(work, "xai_hls.vitis_hls.log")], single.Arguments);
        Assert.Contains(Path.Combine(work, "xai_hls", "solution1", "syn", "report", "csynth.xml"), single.ExpectedOutputs);
        Assert.Contains(Path.Combine(work, "xai_hls", "solution1", "sim", "report", "xai_top_cosim.rpt"), single.ExpectedOutputs);

        var unified = Resolve(null, "2025.1", HlsFlowSetting.Auto).Toolchain!;
        var plan = HlsInvocationPlanner.Plan(unified, spec, work, Path.Combine(work, "hls_config.cfg"));
        Assert.Equal(["vitis-run", "v++", "vitis-run", "vitis-run"], plan.Select(p => Path.GetFileName(p.Executable)));
        Assert.Equal(["-c", "--mode", "hls", "--config", Path.Combine(work, "hls_config.cfg"), "--work_dir", Path.Combine(work, "xai_hls")], plan[1].Arguments);
        Assert.Equal("--cosim", plan[2].Arguments[2]);
        Assert.Equal("--package", plan[3].Arguments[2]);
        Assert.Equal([Path.Combine(work, "xai_hls", "hls", "syn", "report", "csynth.xml")], plan[1].ExpectedOutputs);
    }
}
