using Newtonsoft.Json.Linq;
using Xai.Cli;
using Xai.Core.Tests.Amd.Reports;

namespace Xai.Core.Tests.Cli;

/// <summary>The <c>xai</c> entry point, run in-process with captured stdout/stderr.</summary>
public class XaiCommandLineTests
{
    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = XaiCommandLine.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Report_on_a_fixture_prints_indented_json_and_exits_0()
    {
        var path = Fixtures.PathOf("fastmachinelearning__hls4ml__myproject_csynth.xml");
        var (exit, output, error) = Run("report", path);

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Contains("\n  \"topModule\": \"myproject\"", output.Replace("\r\n", "\n"));
        var json = JObject.Parse(output);
        Assert.Equal(2532, (long)json["resources"]!["used"]!["lut"]!);
        Assert.Equal(7969, (long)json["resources"]!["used"]!["ff"]!);
        Assert.Equal("xc7z020-clg400-1", (string?)json["part"]);
        Xai.Tests.ReportSchemas.In(RepositoryLayout.Root).AssertDefinition("HardwareReport", output, "xai report output");
    }

    [Fact]
    public void Report_on_a_truncated_file_prints_the_coded_diagnostic_and_exits_1()
    {
        var dir = Directory.CreateTempSubdirectory("xai-cli-").FullName;
        try
        {
            var path = Path.Combine(dir, "csynth.xml");
            File.WriteAllText(path, File.ReadAllText(Fixtures.PathOf("ValdecirDesenv__FPGA_picoZed__csynth.xml"))[..3000]);

            var (exit, output, error) = Run("report", path);

            Assert.Equal(1, exit);
            Assert.Equal("", output);
            Assert.StartsWith($"{path}(", error);
            Assert.Contains("): error XAI5110: csynth.xml is not well-formed XML", error);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Report_on_a_file_that_is_no_report_exits_1_with_path_prefix()
    {
        var dir = Directory.CreateTempSubdirectory("xai-cli-").FullName;
        try
        {
            var path = Path.Combine(dir, "notes.txt");
            File.WriteAllText(path, "nothing to see\n");

            var (exit, _, error) = Run("report", path);

            Assert.Equal(1, exit);
            Assert.StartsWith($"{path}: error XAI5180: ", error);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData]
    [InlineData("report")]
    [InlineData("report", "a", "b")]
    [InlineData("frobnicate")]
    [InlineData("report", "--bogus", "x")]
    public void Usage_errors_exit_2(params string[] args)
    {
        var (exit, output, error) = Run(args);
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains("xai --help", error);
    }

    [Fact]
    public void Help_exits_0()
    {
        var (exit, output, _) = Run("report", "--help");
        Assert.Equal(0, exit);
        Assert.Contains("build directory", output);
    }
}
