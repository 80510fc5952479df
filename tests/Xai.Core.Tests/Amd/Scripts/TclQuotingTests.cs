using System.Diagnostics;
using System.Text;
using Xai.Amd.Scripts;

namespace Xai.Core.Tests.Amd.Scripts;

public sealed class TclQuotingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("xai-tclquote-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("conv_top", "conv_top")]
    [InlineData("xc7z020clg400-1", "xc7z020clg400-1")]
    [InlineData("", "{}")]
    [InlineData("two words", "{two words}")]
    [InlineData("a[b]", "{a[b]}")]
    [InlineData("a}b{", "a\\}b\\{")]
    [InlineData("C:\\x", "C:\\\\x")]
    [InlineData("x\ny", "x\\ny")]
    [InlineData("~home", "{~home}")]
    public void Words_are_plain_braced_or_escaped(string value, string expected) =>
        Assert.Equal(expected, TclQuoting.Quote(value));

    [Fact]
    public void Every_hostile_value_reaches_tclsh_verbatim_as_one_argument_and_runs_nothing()
    {
        var hostile = new HostileValues(_dir);
        var values = hostile.WithSpaces.Concat(HostileValues.WithoutSpaces)
            .Append("\u0001ctl\u007f")
            .Append("ünïcødé ∑ [x]")
            .Append("{balanced {nested} [cmd]}")
            .Append("\\")
            .Append("\"")
            .ToList();
        var script = new StringBuilder();
        script.Append("proc pwned {args} { close [open ").Append(TclQuoting.Quote(hostile.Marker)).Append(" w] }\n");
        script.Append("proc check {args} {\n  puts [llength $args]\n  foreach a $args { puts [binary encode base64 [encoding convertto utf-8 $a]] }\n}\n");
        // Plain command, then inside a braced catch body (the form the writers emit), then in a list.
        script.Append("check ").Append(string.Join(' ', values.Select(TclQuoting.Quote))).Append('\n');
        script.Append("if {[catch {check ").Append(string.Join(' ', values.Select(TclQuoting.Quote))).Append("} m]} { puts stderr $m; exit 2 }\n");
        script.Append("check {*}").Append(TclQuoting.ListCommand(values)).Append('\n');
        script.Append("exit 0\n");
        var path = Path.Combine(_dir, "quote.tcl");
        File.WriteAllText(path, script.ToString(), new UTF8Encoding(false));

        var (exit, stdout, stderr) = RunTclsh(path);

        Assert.True(exit == 0, $"tclsh exit {exit}: {stderr}");
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var block = values.Count + 1;
        Assert.Equal(3 * block, lines.Length);
        for (var round = 0; round < 3; round++)
        {
            Assert.Equal(values.Count.ToString(), lines[round * block]);
            for (var i = 0; i < values.Count; i++)
            {
                Assert.Equal(values[i], Encoding.UTF8.GetString(Convert.FromBase64String(lines[round * block + 1 + i])));
            }
        }

        Assert.False(File.Exists(hostile.Marker), "a hostile value ran a command");
    }

    [Fact]
    public void Unquoted_hostile_value_does_run_a_command_so_the_test_can_fail()
    {
        // Guards the test above: the same harness detects an injection when quoting is skipped.
        var hostile = new HostileValues(_dir);
        var path = Path.Combine(_dir, "unquoted.tcl");
        File.WriteAllText(path, $"proc check {{args}} {{}}\ncatch {{check {hostile.WithSpaces[0]}}}\nexit 0\n");

        RunTclsh(path);

        Assert.True(File.Exists(hostile.Marker));
    }

    private static (int Exit, string Stdout, string Stderr) RunTclsh(string script)
    {
        var start = new ProcessStartInfo(TclMockRun.Tclsh, [script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout, stderr);
    }
}
