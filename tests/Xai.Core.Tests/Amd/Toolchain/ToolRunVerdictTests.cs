using Xai.Amd.Toolchain;

namespace Xai.Core.Tests.Amd.Toolchain;

public sealed class ToolRunVerdictTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("xai-verdict-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Clean_log_exit_0_and_outputs_present_is_a_success()
    {
        var log = Write("ok.log", "INFO: [HLS 200-111] Finished Command csynth_design\nWARNING: [HLS 200-880] II violation\n");
        var csynth = Write("csynth.xml", "<profile/>");

        var verdict = ToolRunVerdict.Judge("C synthesis", 0, log, [csynth]);

        Assert.True(verdict.Succeeded);
        Assert.Equal("XAI5592", Assert.Single(verdict.Diagnostics).Code);
    }

    [Fact]
    public void Exit_0_without_the_expected_output_is_a_failure()
    {
        // tapasco #146: "finished successfully" yet "No .zip file with IP core found!".
        var log = Write("silent.log", "INFO: [IMPL 213-8] Exporting RTL as a Vivado IP.\n");
        var ip = Path.Combine(_dir, "impl", "ip", "component.xml");

        var verdict = ToolRunVerdict.Judge("IP packaging", 0, log, [ip]);

        Assert.False(verdict.Succeeded);
        var missing = Assert.Single(verdict.Diagnostics);
        Assert.Equal("XAI5582", missing.Code);
        Assert.Contains("although it reported success", missing.Message);
    }

    [Fact]
    public void Non_zero_exit_is_a_failure_even_with_a_clean_log()
    {
        var log = Write("exit.log", "INFO: all good\n");
        var verdict = ToolRunVerdict.Judge("Bitstream", 1, log, []);

        Assert.False(verdict.Succeeded);
        Assert.Equal("XAI5580", Assert.Single(verdict.Diagnostics).Code);
    }

    [Fact]
    public void Missing_log_cannot_be_trusted()
    {
        var verdict = ToolRunVerdict.Judge("C synthesis", 0, Path.Combine(_dir, "absent.log"), []);

        Assert.False(verdict.Succeeded);
        Assert.Equal("XAI5583", verdict.Diagnostics[0].Code);
    }

    [Fact]
    public void Captured_output_with_an_error_line_fails_and_reports_each_error()
    {
        string[] lines = ["INFO: [HLS 200-10] Running", "ERROR: [HLS 207-3776] use of undeclared identifier 'N' (top.cpp:42:7)", "ERROR: CSIM Failed"];

        var verdict = ToolRunVerdict.Judge("C simulation", 0, lines, "vitis-run output", []);

        Assert.False(verdict.Succeeded);
        Assert.Equal(["XAI5581", "XAI5590", "XAI5590"], verdict.Diagnostics.Select(d => d.Code));
        Assert.Contains("2 error line(s)", verdict.Diagnostics[0].Message);
        Assert.Equal(("top.cpp", 42, 7), (verdict.Diagnostics[1].File, verdict.Diagnostics[1].Line, verdict.Diagnostics[1].Column));
    }
}
