using Xai.Amd.Scripts;
using Xai.Boards;
using Xai.Diagnostics;

namespace Xai.Core.Tests.Amd.Scripts;

public sealed class JtagProgramScriptWriterTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("xai-jtag-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static Board BoardNamed(string id)
    {
        Assert.True(BoardCatalog.Load(RepositoryLayout.Boards).TryGet(id, out var board));
        return board;
    }

    private TclMockRun Run(JtagProgramSpec spec, string chain, Dictionary<string, string>? extra = null)
    {
        var script = Path.Combine(_dir, "program.tcl");
        File.WriteAllText(script, JtagProgramScriptWriter.Write(spec));
        var environment = new Dictionary<string, string>(extra ?? []) { ["XAI_MOCK_JTAG_CHAIN"] = chain };
        return TclMockRun.Run("vivado_mock.tcl", script, _dir, environment);
    }

    private string Bit(string name = "xai_overlay.bit")
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, "");
        return path;
    }

    [Theory]
    [InlineData("pynq-z2", "arm_dap_0 xc7z020_1", "xc7z020_1")]
    [InlineData("ultra96-v2", "arm_dap_0 xczu3_0", "xczu3_0")]
    [InlineData("zcu104", "arm_dap_0 xczu7_0", "xczu7_0")]
    public void Programs_the_boards_device_and_not_the_arm_dap(string boardId, string chain, string device)
    {
        var bit = Bit();
        var run = Run(new JtagProgramSpec { Board = BoardNamed(boardId), BitFile = bit }, chain);

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Empty(run.Violations);
        Assert.Equal(
            ["open_hw_manager", "connect_hw_server", "open_hw_target", "get_hw_devices", "current_hw_device", "set_property", "program_hw_devices",
             "refresh_hw_device", "close_hw_target", "disconnect_hw_server", "close_hw_manager", "exit"],
            run.CommandNames);
        Assert.Equal(["-quiet", device], run.Calls[3].Arguments);
        Assert.Equal(["PROGRAM.FILE", bit, device], run.Calls[5].Arguments);
    }

    [Fact]
    public void Remote_hw_server_url_is_passed()
    {
        var run = Run(new JtagProgramSpec { Board = BoardNamed("pynq-z2"), BitFile = Bit(), HardwareServerUrl = "lab-host:3121" }, "arm_dap_0 xc7z020_1");

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Equal(["-url", "lab-host:3121"], run.Calls[1].Arguments);
    }

    [Fact]
    public void Absent_device_fails_with_the_devices_seen()
    {
        var run = Run(new JtagProgramSpec { Board = BoardNamed("zcu104"), BitFile = Bit() }, "arm_dap_0 xc7z020_1");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("no device xczu7_0 on the JTAG chain (devices seen: arm_dap_0 xc7z020_1)", run.StandardError);
        Assert.DoesNotContain("program_hw_devices", run.CommandNames);
    }

    [Fact]
    public void Missing_bitstream_and_failed_programming_exit_1()
    {
        var missing = Run(new JtagProgramSpec { Board = BoardNamed("pynq-z2"), BitFile = Path.Combine(_dir, "absent.bit") }, "arm_dap_0 xc7z020_1");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("no bitstream at", missing.StandardError);
        Assert.DoesNotContain("open_hw_manager", missing.CommandNames);

        var failed = Run(new JtagProgramSpec { Board = BoardNamed("pynq-z2"), BitFile = Bit() }, "arm_dap_0 xc7z020_1",
            new() { ["XAI_MOCK_FAIL"] = "program_hw_devices" });
        Assert.Equal(1, failed.ExitCode);
        Assert.Contains("ERROR: xai: program_hw_devices failed", failed.StandardError);
    }

    [Fact]
    public void Hostile_bitstream_path_arrives_verbatim_and_runs_nothing()
    {
        var hostile = new HostileValues(_dir);
        var bit = Bit(hostile.WithSpaces[0].Replace('/', '_') + ".bit");
        var run = Run(new JtagProgramSpec { Board = BoardNamed("pynq-z2"), BitFile = bit }, "arm_dap_0 xc7z020_1");

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.False(File.Exists(hostile.Marker));
        Assert.Equal(["PROGRAM.FILE", bit, "xc7z020_1"], run.Calls[5].Arguments);
    }

    [Fact]
    public void Bad_server_url_is_a_coded_error()
    {
        var error = Assert.Throws<XaiException>(() => JtagProgramScriptWriter.Write(new JtagProgramSpec { Board = BoardNamed("pynq-z2"), BitFile = "a.bit", HardwareServerUrl = "x; exec" }));
        Assert.Equal("XAI5540", error.Code);
    }
}
