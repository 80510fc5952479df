using Xai.Amd.Scripts;
using Xai.Boards;
using Xai.Diagnostics;

namespace Xai.Core.Tests.Amd.Scripts;

public sealed class VivadoBlockDesignScriptWriterTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("xai-vivado-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static Board BoardNamed(string id)
    {
        Assert.True(BoardCatalog.Load(RepositoryLayout.Boards).TryGet(id, out var board));
        return board;
    }

    private VivadoDesignSpec Spec(string board, string repo = "ip_repo", string project = "vivado", string output = "out")
    {
        Directory.CreateDirectory(Path.Combine(_dir, repo));
        return new VivadoDesignSpec
        {
            Board = BoardNamed(board),
            IpRepositoryDirectory = Path.Combine(_dir, repo),
            Ip = HlsIpIdentity.DefaultFor("xai_top"),
            MasterInterfaces = ["m_axi_gmem0", "m_axi_gmem1"],
            ClockMHz = 100,
            ProjectDirectory = Path.Combine(_dir, project),
            OutputDirectory = Path.Combine(_dir, output),
            OutputBaseName = "xai_overlay",
        };
    }

    private TclMockRun Run(VivadoDesignSpec spec, Dictionary<string, string>? extra = null)
    {
        var script = Path.Combine(_dir, "build.tcl");
        File.WriteAllText(script, VivadoBlockDesignScriptWriter.Write(spec));
        var environment = new Dictionary<string, string>
        {
            ["XAI_MOCK_IP_REPO"] = Path.GetFullPath(spec.IpRepositoryDirectory),
            ["XAI_MOCK_IP_VLNV"] = spec.Ip.Vlnv,
        };
        foreach (var (key, value) in extra ?? [])
        {
            environment[key] = value;
        }

        return TclMockRun.Run("vivado_mock.tcl", script, _dir, environment);
    }

    [Theory]
    [InlineData("pynq-z2", "processing_system7", "M_AXI_GP0", "S_AXI_HP0", "CONFIG.PCW_FPGA0_PERIPHERAL_FREQMHZ")]
    [InlineData("ultra96-v2", "zynq_ultra_ps_e", "M_AXI_HPM0_FPD", "S_AXI_HP0_FPD", "CONFIG.PSU__CRL_APB__PL0_REF_CTRL__FREQMHZ")]
    [InlineData("zcu104", "zynq_ultra_ps_e", "M_AXI_HPM0_FPD", "S_AXI_HP0_FPD", "CONFIG.PSU__CRL_APB__PL0_REF_CTRL__FREQMHZ")]
    public void Block_design_builds_and_exports_bit_hwh_and_xsa_for_each_board(string boardId, string psIp, string master, string slave, string clock)
    {
        var spec = Spec(boardId);
        var run = Run(spec);

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Empty(run.Violations);
        Assert.Equal(
            ["create_project", "get_board_parts", "set_property", "set_property", "update_ip_catalog", "get_ipdefs", "create_bd_design", "get_ipdefs",
             "create_bd_cell", "apply_bd_automation", "set_property", "create_bd_cell", "apply_bd_automation", "apply_bd_automation", "apply_bd_automation",
             "assign_bd_address", "validate_bd_design", "save_bd_design", "make_wrapper", "add_files", "set_property", "update_compile_order",
             "launch_runs", "wait_on_run", "launch_runs", "wait_on_run", "write_hw_platform", "exit"],
            run.CommandNames);
        var board = spec.Board;
        Assert.Equal(["-force", "xai_vivado", spec.ProjectDirectory, "-part", board.Part], run.Calls[0].Arguments);
        Assert.Equal(["board_part", board.BoardPart, "project:xai_vivado"], run.Calls[2].Arguments);
        Assert.Equal(["-type", "ip", "-vlnv", psIp == "processing_system7" ? "xilinx.com:ip:processing_system7:5.5" : "xilinx.com:ip:zynq_ultra_ps_e:3.5", psIp + "_0"], run.Calls[8].Arguments);
        var config = run.Calls[10].Arguments[1];
        Assert.Contains(clock + " 100", config);
        var control = run.Calls[12].Arguments;
        Assert.Contains($"Master /{psIp}_0/{master}", control[3]);
        Assert.Contains("Slave /xai_top_0/s_axi_control", control[3]);
        Assert.Contains($"Slave /{psIp}_0/{slave}", run.Calls[13].Arguments[3]);
        Assert.Contains("Master /xai_top_0/m_axi_gmem1", run.Calls[14].Arguments[3]);
        Assert.Equal(["impl_1", "-to_step", "write_bitstream", "-jobs", "2"], run.Calls[24].Arguments);
        foreach (var output in spec.ExpectedOutputs)
        {
            Assert.True(File.Exists(output), output);
        }
    }

    [Fact]
    public void Older_vivado_layout_with_hwh_under_srcs_is_found_too()
    {
        var spec = Spec("pynq-z2");
        var run = Run(spec, new() { ["XAI_MOCK_HWH_DIR"] = "srcs" });

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.True(File.Exists(spec.HwhFile));
    }

    [Fact]
    public void Interrupt_is_wired_to_the_ps_when_asked()
    {
        var run = Run(Spec("zcu104") with { ConnectInterrupt = true });

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Equal(["bd_pin:xai_top_0/interrupt", "bd_pin:zynq_ultra_ps_e_0/pl_ps_irq0"], run.Calls.Single(c => c.Command == "connect_bd_net").Arguments);
    }

    [Theory]
    [InlineData("synth_1", "synthesis did not complete")]
    [InlineData("impl_1", "implementation did not complete")]
    public void A_failed_run_that_vivado_does_not_raise_still_exits_1(string failingRun, string message)
    {
        var spec = Spec("ultra96-v2");
        var run = Run(spec, new() { ["XAI_MOCK_RUN_FAIL"] = failingRun });

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Violations);
        Assert.Contains($"ERROR: xai: {failingRun} failed: {message}: {failingRun} failed", run.StandardError);
        Assert.DoesNotContain("write_hw_platform", run.CommandNames);
        Assert.False(File.Exists(spec.BitFile));
    }

    [Theory]
    [InlineData("create_project")]
    [InlineData("apply_bd_automation")]
    [InlineData("validate_bd_design")]
    [InlineData("write_hw_platform")]
    public void A_failing_command_stops_the_script_with_exit_1(string failing)
    {
        var run = Run(Spec("pynq-z2"), new() { ["XAI_MOCK_FAIL"] = failing });

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(failing, run.CommandNames[^2]);
        Assert.Contains($"failed: injected failure of {failing}", run.StandardError);
    }

    [Fact]
    public void Missing_hls_ip_in_the_repository_is_reported()
    {
        var spec = Spec("pynq-z2");
        var script = Path.Combine(_dir, "build.tcl");
        File.WriteAllText(script, VivadoBlockDesignScriptWriter.Write(spec));
        var run = TclMockRun.Run("vivado_mock.tcl", script, _dir, new Dictionary<string, string> { ["XAI_MOCK_IP_REPO"] = "/elsewhere", ["XAI_MOCK_IP_VLNV"] = spec.Ip.Vlnv });

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("the HLS IP xilinx.com:hls:xai_top:1.0 is not in", run.StandardError);
    }

    [Fact]
    public void Hostile_directories_arrive_verbatim_and_run_nothing()
    {
        var hostile = new HostileValues(_dir);
        var spec = Spec("pynq-z2", repo: "repo " + hostile.WithSpaces[0].Replace('/', '_'), project: "proj " + hostile.WithSpaces[11].Replace('/', '_'),
            output: "out " + hostile.WithSpaces[3].Replace('/', '_'));
        var run = Run(spec);

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Empty(run.Violations);
        Assert.False(File.Exists(hostile.Marker));
        Assert.Equal(spec.ProjectDirectory, run.Calls[0].Arguments[2]);
        // ip_repo_paths is a Tcl list; the mock checked that its one element is the repository,
        // verbatim (the HLS IP is only in the catalog when it is), or create_bd_cell would have failed.
        Assert.Equal("ip_repo_paths", run.Calls[3].Arguments[0]);
        Assert.Contains(spec.Ip.Vlnv, run.Calls.Single(c => c.Command == "create_bd_cell" && c.Arguments.Contains("xai_top_0")).Arguments);
        foreach (var output in spec.ExpectedOutputs)
        {
            Assert.True(File.Exists(output), output);
        }
    }

    [Fact]
    public void Invalid_names_and_unknown_ps_ports_are_coded_errors()
    {
        Assert.Equal("XAI5530", Assert.Throws<XaiException>(() => VivadoBlockDesignScriptWriter.Write(Spec("pynq-z2") with { IpInstanceName = "a b" })).Code);
        Assert.Equal("XAI5530", Assert.Throws<XaiException>(() => VivadoBlockDesignScriptWriter.Write(Spec("pynq-z2") with { MasterInterfaces = ["m_axi_x];pwned"] })).Code);
        Assert.Equal("XAI5530", Assert.Throws<XaiException>(() => VivadoBlockDesignScriptWriter.Write(Spec("pynq-z2") with { ClockMHz = 0 })).Code);
        Assert.Equal("XAI5530", Assert.Throws<XaiException>(() => VivadoBlockDesignScriptWriter.Write(Spec("pynq-z2") with { Ip = new HlsIpIdentity("x", "hls", "a*", "1.0") })).Code);
        var pynq = BoardNamed("pynq-z2");
        var odd = pynq with { ProcessingSystem = pynq.ProcessingSystem with { SlavePort = "S_AXI_HP0_FPD" } };
        var error = Assert.Throws<XaiException>(() => VivadoBlockDesignScriptWriter.Write(Spec("pynq-z2") with { Board = odd }));
        Assert.Equal("XAI5531", error.Code);
        Assert.Contains("S_AXI_HP0", error.Message);
    }
}
