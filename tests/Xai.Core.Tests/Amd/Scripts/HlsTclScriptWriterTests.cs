using Xai.Amd.Scripts;
using Xai.Diagnostics;

namespace Xai.Core.Tests.Amd.Scripts;

public sealed class HlsTclScriptWriterTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("xai-hlstcl-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private HlsProjectSpec Spec(HlsSteps steps = HlsSteps.All)
    {
        Directory.CreateDirectory(Path.Combine(_dir, "src"));
        Directory.CreateDirectory(Path.Combine(_dir, "include"));
        foreach (var file in new[] { "src/xai_top.cpp", "src/layers.cpp", "src/tb.cpp", "src/image.bin" })
        {
            File.WriteAllText(Path.Combine(_dir, file), "");
        }

        return new HlsProjectSpec
        {
            ProjectName = "xai_hls",
            TopFunction = "xai_top",
            SourceFiles = ["src/xai_top.cpp", "src/layers.cpp"],
            TestbenchFiles = ["src/tb.cpp", "src/image.bin"],
            IncludeDirectories = ["include"],
            CompilerFlags = ["-std=c++14", "-DXAI_SYNTHESIS"],
            Part = "xc7z020clg400-1",
            ClockPeriodNs = 10,
            Steps = steps,
        };
    }

    private TclMockRun Run(HlsProjectSpec spec, IReadOnlyDictionary<string, string>? environment = null)
    {
        var script = Path.Combine(_dir, "run_hls.tcl");
        File.WriteAllText(script, HlsTclScriptWriter.Write(spec));
        return TclMockRun.Run("vitis_hls_mock.tcl", script, _dir, environment);
    }

    [Fact]
    public void Full_script_makes_the_documented_calls_in_order_and_exits_0()
    {
        var run = Run(Spec() with { MAxiAddress64 = false, TestbenchArguments = ["image.bin"] });

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Empty(run.Violations);
        Assert.Equal(
            ["open_project", "set_top", "add_files", "add_files", "add_files", "add_files", "open_solution", "set_part", "create_clock",
             "config_interface", "config_export", "csim_design", "csynth_design", "cosim_design", "export_design", "close_project", "exit"],
            run.CommandNames);
        Assert.Equal(["-reset", "xai_hls"], run.Calls[0].Arguments);
        Assert.Equal(["src/xai_top.cpp", "-cflags", "-Iinclude -std=c++14 -DXAI_SYNTHESIS"], run.Calls[2].Arguments);
        Assert.Equal(["-tb", "src/image.bin", "-cflags", "-Iinclude -std=c++14 -DXAI_SYNTHESIS"], run.Calls[5].Arguments);
        Assert.Equal(["solution1", "-flow_target", "vivado"], run.Calls[6].Arguments);
        Assert.Equal(["xc7z020clg400-1"], run.Calls[7].Arguments);
        Assert.Equal(["-period", "10", "-name", "default"], run.Calls[8].Arguments);
        Assert.Equal(["-m_axi_addr64=0"], run.Calls[9].Arguments);
        Assert.Equal(["-argv", "image.bin"], run.Calls[11].Arguments);
        Assert.Equal(["-format", "ip_catalog", "-rtl", "verilog"], run.Calls[14].Arguments);
        Assert.Equal(0, run.ScriptExit);
        Assert.Contains("xai: HLS steps", run.StandardOutput);
    }

    [Fact]
    public void Port_widening_and_burst_settings_share_one_config_interface_call_that_the_mock_accepts()
    {
        var spec = Spec() with
        {
            CompilerFlags = ["-std=c++14", "-DXAI_USE_AP_FIXED", "-DXAI_HLS_LOOPS"],
            MAxiAddress64 = false,
            MAxi = HlsMAxiSettings.ForBus(64),
        };
        var script = HlsTclScriptWriter.Write(spec);
        var run = Run(spec);

        Assert.True(run.ExitCode == 0 && run.Violations.Count == 0, run.Describe());
        Assert.Contains("{config_interface -m_axi_addr64=0 -m_axi_max_widen_bitwidth 64 -m_axi_alignment_byte_size 8 -m_axi_latency 64 -m_axi_max_read_burst_length 16 -m_axi_num_read_outstanding 16}", script);
        Assert.Single(run.Calls, c => c.Command == "config_interface");
        Assert.All(run.Calls.Where(c => c.Command == "add_files"), c => Assert.Equal(["-cflags", "-Iinclude -std=c++14 -DXAI_USE_AP_FIXED -DXAI_HLS_LOOPS"], c.Arguments.TakeLast(2)));
        // Compile flags travel with the files only: csim_design and cosim_design carry -argv alone.
        Assert.All(run.Calls.Where(c => c.Command is "csim_design" or "cosim_design"), c => Assert.DoesNotContain(c.Arguments, a => a.Contains("-D", StringComparison.Ordinal)));
    }

    [Fact]
    public void Without_addr64_the_widening_settings_still_reach_config_interface()
    {
        var run = Run(Spec() with { MAxi = HlsMAxiSettings.ForBus(128) });

        Assert.True(run.ExitCode == 0 && run.Violations.Count == 0, run.Describe());
        Assert.Equal(
            ["-m_axi_max_widen_bitwidth", "128", "-m_axi_alignment_byte_size", "16", "-m_axi_latency", "64", "-m_axi_max_read_burst_length", "16", "-m_axi_num_read_outstanding", "16"],
            Assert.Single(run.Calls, c => c.Command == "config_interface").Arguments);
    }

    [Fact]
    public void Without_interface_settings_there_is_no_config_interface_call()
    {
        var run = Run(Spec());

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.DoesNotContain("config_interface", run.CommandNames);
    }

    [Theory]
    [InlineData(96, 8, 64, 16, 16, "MAxi.MaxWidenBitwidth")]
    [InlineData(2048, 8, 64, 16, 16, "MAxi.MaxWidenBitwidth")]
    [InlineData(64, 0, 64, 16, 16, "MAxi.AlignmentByteSize")]
    [InlineData(64, 12, 64, 16, 16, "MAxi.AlignmentByteSize")]
    [InlineData(64, 8, -1, 16, 16, "MAxi.Latency")]
    [InlineData(64, 8, 64, 0, 16, "MAxi.MaxReadBurstLength")]
    [InlineData(64, 8, 64, 257, 16, "MAxi.MaxReadBurstLength")]
    [InlineData(64, 8, 64, 16, 0, "MAxi.NumReadOutstanding")]
    public void Interface_settings_outside_the_documented_ranges_are_coded_errors(int widen, int alignment, int latency, int burst, int outstanding, string field)
    {
        var spec = Spec() with { MAxi = new HlsMAxiSettings(widen, alignment, latency, burst, outstanding) };

        var tcl = Assert.Throws<XaiException>(() => HlsTclScriptWriter.Write(spec));
        Assert.Equal(DiagnosticCatalog.BadHlsSpec, tcl.Code);
        Assert.Contains($"HLS field {field} ", tcl.Message);
        Assert.Equal(DiagnosticCatalog.BadHlsSpec, Assert.Throws<XaiException>(() => HlsConfigWriter.Write(spec)).Code);
    }

    [Theory]
    [InlineData("-m_axi_max_widen_bitwidth 96")]
    [InlineData("-m_axi_alignment_byte_size 0")]
    [InlineData("-m_axi_max_read_burst_length 512")]
    [InlineData("-m_axi_num_read_outstanding 0")]
    public void The_mock_rejects_interface_values_outside_the_documented_ranges(string option)
    {
        Spec();
        var script = Path.Combine(_dir, "bad_interface.tcl");
        File.WriteAllText(script, $"open_project -reset p\nset_top xai_top\nadd_files src/xai_top.cpp\nopen_solution s -flow_target vivado\nconfig_interface {option}\n");

        var run = TclMockRun.Run("vitis_hls_mock.tcl", script, _dir);

        var (name, value) = (option.Split(' ')[0], option.Split(' ')[1]);
        Assert.Contains(run.Violations, v => v.StartsWith($"config_interface: {name} '{value}' is not", StringComparison.Ordinal));
    }

    [Fact]
    public void Simulation_only_script_reopens_the_project_without_reset()
    {
        var run = Run(Spec(HlsSteps.CSim));

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Equal(["xai_hls"], run.Calls[0].Arguments);
        Assert.DoesNotContain("csynth_design", run.CommandNames);
        Assert.Contains("csim_design", run.CommandNames);
    }

    [Fact]
    public void Cosim_and_export_without_synthesis_reopen_the_synthesized_project()
    {
        var run = Run(Spec(HlsSteps.CoSim | HlsSteps.Export));

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Equal(["xai_hls"], run.Calls[0].Arguments);
        Assert.Equal(["cosim_design", "export_design"], run.CommandNames.Where(c => c.EndsWith("_design", StringComparison.Ordinal)));
    }

    [Fact]
    public void Custom_ip_identity_and_fractional_clock_reach_config_export_and_create_clock()
    {
        var spec = Spec(HlsSteps.CSynth | HlsSteps.Export) with
        {
            ClockPeriodNs = 6.6667,
            Ip = new HlsIpIdentity("xai.example", "xai", "xai_accel", "2.1"),
            IpDisplayName = "Xai accelerator",
            IpDescription = "FP + BP [Saliency]",
        };
        var run = Run(spec);

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Equal(["-period", "6.6667", "-name", "default"], run.Calls.Single(c => c.Command == "create_clock").Arguments);
        Assert.Equal(
            ["-format", "ip_catalog", "-rtl", "verilog", "-vendor", "xai.example", "-library", "xai", "-ipname", "xai_accel", "-version", "2.1",
             "-display_name", "Xai accelerator", "-description", "FP + BP [Saliency]"],
            run.Calls.Single(c => c.Command == "config_export").Arguments);
    }

    [Theory]
    [InlineData("open_project")]
    [InlineData("add_files")]
    [InlineData("open_solution")]
    [InlineData("csim_design")]
    [InlineData("csynth_design")]
    [InlineData("cosim_design")]
    [InlineData("export_design")]
    public void A_failing_step_stops_the_script_with_exit_1_and_an_error_line(string failing)
    {
        var run = Run(Spec(), new Dictionary<string, string> { ["XAI_MOCK_FAIL"] = failing });

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(1, run.ScriptExit);
        Assert.Empty(run.Violations);
        Assert.Equal(failing, run.CommandNames[^2]);
        Assert.Contains($"ERROR: xai: {(failing == "add_files" ? "add_files" : failing)} failed: injected failure of {failing}", run.StandardError);
    }

    [Fact]
    public void Hostile_paths_flags_and_text_arrive_verbatim_and_run_nothing()
    {
        var hostile = new HostileValues(_dir);
        var sources = new List<string>();
        foreach (var (name, i) in HostileValues.WithoutSpaces.Select((n, i) => (n, i)))
        {
            // Each hostile string becomes a real directory and file name, so the mock can check they exist.
            var relative = $"h{i}{name}.cpp";
            var onDisk = HlsTclScriptWriter_SafePath(relative);
            File.WriteAllText(Path.Combine(_dir, onDisk), "");
            sources.Add(relative);
        }

        File.WriteAllText(Path.Combine(_dir, "tb.cpp"), "");
        var spec = new HlsProjectSpec
        {
            ProjectName = "p];pwned;[",
            SolutionName = "s$pwned",
            TopFunction = "xai_top",
            SourceFiles = sources,
            TestbenchFiles = ["tb.cpp"],
            IncludeDirectories = ["inc[pwned]"],
            CompilerFlags = ["-DX=\"];pwned;\"", "-DY={*}[pwned]\\"],
            TestbenchArguments = ["[pwned]", "$pwned"],
            Part = "xc7z020clg400-1",
            ClockPeriodNs = 10,
            IpDisplayName = hostile.WithSpaces[0],
            IpDescription = hostile.WithSpaces[4],
        };

        var run = Run(spec);

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Empty(run.Violations);
        Assert.False(File.Exists(hostile.Marker));
        Assert.Equal(["-reset", "p];pwned;["], run.Calls[0].Arguments);
        var designFiles = run.Calls.Where(c => c.Command == "add_files" && c.Arguments[0] != "-tb").Select(c => c.Arguments[0]);
        Assert.Equal(sources.Select(HlsTclScriptWriter_SafePath), designFiles);
        Assert.Equal("-Iinc[pwned] -DX=\"];pwned;\" -DY={*}[pwned]\\", run.Calls[2].Arguments[2]);
        Assert.Equal(["s$pwned", "-flow_target", "vivado"], run.Calls.Single(c => c.Command == "open_solution").Arguments);
        Assert.Equal(["-argv", "[pwned] $pwned"], run.Calls.Single(c => c.Command == "csim_design").Arguments);
        var export = run.Calls.Single(c => c.Command == "config_export").Arguments;
        Assert.Equal(hostile.WithSpaces[0], export[export.ToList().IndexOf("-display_name") + 1]);
        Assert.Equal(hostile.WithSpaces[4], export[export.ToList().IndexOf("-description") + 1]);
    }

    [Fact]
    public void Paths_starting_with_dash_or_tilde_are_not_options_or_home_directories()
    {
        File.WriteAllText(Path.Combine(_dir, "-tb"), "");
        File.WriteAllText(Path.Combine(_dir, "tb.cpp"), "");
        var run = Run(Spec(HlsSteps.CSynth) with { SourceFiles = ["-tb"], TestbenchFiles = [] });

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Equal("./-tb", run.Calls.Single(c => c.Command == "add_files").Arguments[0]);
    }

    [Theory]
    [InlineData("my file.cpp")]
    [InlineData("tab\tfile.cpp")]
    public void Paths_with_whitespace_are_refused_because_add_files_would_split_them(string path)
    {
        var error = Assert.Throws<XaiException>(() => HlsTclScriptWriter.Write(Spec() with { SourceFiles = [path] }));
        Assert.Equal("XAI5511", error.Code);
        Assert.Contains("SourceFiles", error.Message);
    }

    [Theory]
    [InlineData("x]; exec touch /tmp/pwned; [")]
    [InlineData("1top")]
    [InlineData("")]
    public void Top_function_must_be_a_C_identifier(string top)
    {
        var error = Assert.Throws<XaiException>(() => HlsTclScriptWriter.Write(Spec() with { TopFunction = top }));
        Assert.Equal("XAI5510", error.Code);
        Assert.Contains("TopFunction", error.Message);
    }

    [Fact]
    public void Simulation_without_testbench_and_bad_part_or_clock_are_coded_errors()
    {
        Assert.Equal("XAI5510", Assert.Throws<XaiException>(() => HlsTclScriptWriter.Write(Spec() with { TestbenchFiles = [] })).Code);
        Assert.Equal("XAI5510", Assert.Throws<XaiException>(() => HlsTclScriptWriter.Write(Spec() with { Part = "xc7z020 clg400" })).Code);
        Assert.Equal("XAI5510", Assert.Throws<XaiException>(() => HlsTclScriptWriter.Write(Spec() with { ClockPeriodNs = double.NaN })).Code);
        Assert.Equal("XAI5510", Assert.Throws<XaiException>(() => HlsTclScriptWriter.Write(Spec() with { Steps = HlsSteps.None })).Code);
        Assert.Equal("XAI5510", Assert.Throws<XaiException>(() => HlsTclScriptWriter.Write(Spec() with { ProjectName = "../up" })).Code);
    }

    private static string HlsTclScriptWriter_SafePath(string path) => path[0] is '-' or '~' ? "./" + path : path;
}
