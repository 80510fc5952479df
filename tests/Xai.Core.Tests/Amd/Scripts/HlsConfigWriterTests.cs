using Xai.Amd.Scripts;
using Xai.Diagnostics;

namespace Xai.Core.Tests.Amd.Scripts;

public sealed class HlsConfigWriterTests
{
    private static HlsProjectSpec Spec() => new()
    {
        ProjectName = "xai_hls",
        TopFunction = "xai_top",
        SourceFiles = ["src/xai_top.cpp", "src/layers.cpp"],
        TestbenchFiles = ["src/tb.cpp"],
        IncludeDirectories = ["include"],
        CompilerFlags = ["-std=c++14"],
        Part = "xczu7ev-ffvc1156-2-e",
        ClockPeriodNs = 3.333,
        MAxiAddress64 = true,
        TestbenchArguments = ["img.bin"],
        IpDisplayName = "Xai accelerator [FP+BP]",
    };

    [Fact]
    public void Config_has_part_on_top_and_the_documented_hls_keys()
    {
        var entries = HlsConfigFile.Parse(HlsConfigWriter.Write(Spec()));

        Assert.Equal(("", "part", "xczu7ev-ffvc1156-2-e"), entries[0]);
        Assert.All(entries.Skip(1), e => Assert.Equal("hls", e.Section));
        string Single(string key) => Assert.Single(entries, e => e.Key == key).Value;
        IEnumerable<string> All(string key) => entries.Where(e => e.Key == key).Select(e => e.Value);
        Assert.Equal("vivado", Single("flow_target"));
        Assert.Equal("3.333ns", Single("clock"));
        Assert.Equal("xai_top", Single("syn.top"));
        Assert.Equal(["src/xai_top.cpp", "src/layers.cpp"], All("syn.file"));
        Assert.Equal(["src/xai_top.cpp,-Iinclude -std=c++14", "src/layers.cpp,-Iinclude -std=c++14"], All("syn.file_cflags"));
        Assert.Equal(["src/tb.cpp"], All("tb.file"));
        Assert.Equal(["src/tb.cpp,-Iinclude -std=c++14"], All("tb.file_cflags"));
        Assert.Equal("1", Single("syn.interface.m_axi_addr64"));
        Assert.Equal("img.bin", Single("csim.argv"));
        Assert.Equal("ip_catalog", Single("package.output.format"));
        Assert.Equal("xilinx.com", Single("package.ip.vendor"));
        Assert.Equal("xai_top", Single("package.ip.name"));
        Assert.Equal("Xai accelerator [FP+BP]", Single("package.ip.display_name"));
    }

    [Fact]
    public void Compile_flags_go_to_every_design_and_testbench_file_and_interface_settings_to_syn_interface_keys()
    {
        var entries = HlsConfigFile.Parse(HlsConfigWriter.Write(Spec() with
        {
            CompilerFlags = ["-std=c++14", "-DXAI_USE_AP_FIXED", "-DXAI_HLS_LOOPS"],
            MAxi = HlsMAxiSettings.ForBus(128),
        }));

        IEnumerable<string> All(string key) => entries.Where(e => e.Key == key).Select(e => e.Value);
        const string flags = "-Iinclude -std=c++14 -DXAI_USE_AP_FIXED -DXAI_HLS_LOOPS";
        Assert.Equal([$"src/xai_top.cpp,{flags}", $"src/layers.cpp,{flags}"], All("syn.file_cflags"));
        Assert.Equal([$"src/tb.cpp,{flags}"], All("tb.file_cflags"));
        Assert.Equal(
            [("syn.interface.m_axi_addr64", "1"), ("syn.interface.m_axi_max_widen_bitwidth", "128"), ("syn.interface.m_axi_alignment_byte_size", "16"),
             ("syn.interface.m_axi_latency", "64"), ("syn.interface.m_axi_max_read_burst_length", "16"), ("syn.interface.m_axi_num_read_outstanding", "16")],
            entries.Where(e => e.Key.StartsWith("syn.interface.", StringComparison.Ordinal)).Select(e => (e.Key, e.Value)));
        // No global flag keys that would apply twice, and no csim/cosim flag keys: flags are per file.
        Assert.DoesNotContain(entries, e => e.Key is "syn.cflags" or "tb.cflags" or "syn.csimflags" || e.Key.EndsWith("csimflags", StringComparison.Ordinal));
    }

    [Fact]
    public void Synthesis_only_config_has_no_package_or_cosim_keys()
    {
        var entries = HlsConfigFile.Parse(HlsConfigWriter.Write(Spec() with { Steps = HlsSteps.CSynth }));

        Assert.DoesNotContain(entries, e => e.Key.StartsWith("package.", StringComparison.Ordinal) || e.Key.StartsWith("cosim.rtl", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(" leading")]
    [InlineData("trailing ")]
    [InlineData("has # comment")]
    [InlineData("has ; comment")]
    public void Values_the_format_cannot_carry_are_refused(string description)
    {
        var error = Assert.Throws<XaiException>(() => HlsConfigWriter.Write(Spec() with { IpDescription = description }));
        Assert.Equal("XAI5520", error.Code);
        Assert.Contains("package.ip.description", error.Message);
    }

    [Fact]
    public void Newline_in_free_text_and_comma_in_a_file_with_flags_are_coded_errors()
    {
        Assert.Equal("XAI5510", Assert.Throws<XaiException>(() => HlsConfigWriter.Write(Spec() with { IpDescription = "a\nsyn.top=evil" })).Code);
        var comma = Assert.Throws<XaiException>(() => HlsConfigWriter.Write(Spec() with { SourceFiles = ["src/a,b.cpp"] }));
        Assert.Equal("XAI5520", comma.Code);
        Assert.Contains("comma", comma.Message);
        Assert.Equal("XAI5520", Assert.Throws<XaiException>(() => HlsConfigWriter.Write(Spec() with { IpDescription = "x # y" })).Code);
    }

    [Fact]
    public void A_comma_in_a_file_name_is_fine_when_no_flags_are_paired_with_it()
    {
        var entries = HlsConfigFile.Parse(HlsConfigWriter.Write(Spec() with { SourceFiles = ["src/a,b.cpp"], IncludeDirectories = [], CompilerFlags = [] }));

        Assert.Contains(entries, e => e.Key == "syn.file" && e.Value == "src/a,b.cpp");
    }
}
