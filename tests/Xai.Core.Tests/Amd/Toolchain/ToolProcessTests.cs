using System.Diagnostics;
using Xai.Amd.Toolchain;

namespace Xai.Core.Tests.Amd.Toolchain;

/// <summary>Tool runs stream every line as it comes, report the exit code, and die with the build when it is cancelled.</summary>
public sealed class ToolProcessTests
{
    private static ToolInvocation Shell(string script) =>
        new("shell", "/bin/sh", ["-c", script], Path.GetTempPath(), null, []);

    [Fact]
    public void Every_line_of_stdout_and_stderr_reaches_the_callback_and_the_exit_code_is_kept()
    {
        var seen = new List<string>();
        var result = ToolProcess.Run(Shell("echo 'INFO: [HLS 200-10] one'; echo 'ERROR: [HLS 207-3776] two (a.cpp:1:2)' >&2; printf 'no newline'; exit 3"), seen.Add, CancellationToken.None);

        Assert.Null(result.StartError);
        Assert.False(result.Cancelled);
        Assert.Equal(3, result.ExitCode);
        Assert.Equal(["INFO: [HLS 200-10] one", "ERROR: [HLS 207-3776] two (a.cpp:1:2)", "no newline"], seen.Order().ToList().OrderBy(l => l.StartsWith("INFO") ? 0 : l.StartsWith("ERROR") ? 1 : 2).ToList());
        Assert.Equal(seen, result.Lines);
    }

    [Fact]
    public void Cancelling_kills_the_tool_and_its_children()
    {
        using var cancel = new CancellationTokenSource();
        var marker = Path.Combine(Path.GetTempPath(), "xai-cancel-" + Guid.NewGuid().ToString("N"));
        var watch = Stopwatch.StartNew();
        var result = ToolProcess.Run(Shell($"echo started; (sleep 30; touch '{marker}') & sleep 30"), line =>
        {
            if (line == "started")
            {
                cancel.CancelAfter(200);
            }
        }, cancel.Token);

        Assert.True(result.Cancelled);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), watch.Elapsed.ToString());
        Assert.False(File.Exists(marker));
    }

    [Fact]
    public void A_tool_that_cannot_start_is_reported_not_thrown()
    {
        var result = ToolProcess.Run(new ToolInvocation("missing", "/nonexistent/vitis_hls", [], Path.GetTempPath(), null, []), _ => { }, CancellationToken.None);
        Assert.NotNull(result.StartError);
    }
}
