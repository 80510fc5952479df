using System.Diagnostics;
using Xai.Amd.Reports;
using Xai.Cli;
using Xai.Diagnostics;

namespace Xai.Core.Tests.Amd.Reports;

/// <summary>
/// What <c>xai report</c> and the build's report collection refuse to read: special files (a FIFO
/// hung, /dev/zero ran out of memory), huge files (a 315 MB file took 2.3 GB), symbolic link loops
/// (memory grew without bound), DTDs (refused, and not called "truncated").
/// </summary>
public sealed class ReportReadingLimitsTests : IDisposable
{
    private const string Csynth = "ValdecirDesenv__FPGA_picoZed__csynth.xml";
    private readonly string _dir = Directory.CreateTempSubdirectory("xai-limits-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Runs <paramref name="read"/> with a deadline: the FIFO case used to block forever.</summary>
    private static XaiException Refused(Action read)
    {
        XaiException? caught = null;
        var task = Task.Run(() => caught = Assert.Throws<XaiException>(read));
        Assert.True(task.Wait(TimeSpan.FromSeconds(30)), "reading did not finish within 30 s");
        return caught!;
    }

    private void MakeFifo(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    [Fact]
    public void A_fifo_is_refused_without_waiting_for_a_writer()
    {
        var fifo = Path.Combine(_dir, "csynth.xml");
        MakeFifo(fifo);
        var e = Refused(() => HardwareReportCollector.Collect(fifo));
        Assert.Equal(DiagnosticCatalog.ReportNotRegularFile, e.Code);
        Assert.Contains("named pipe (FIFO)", e.Message);
        Assert.Equal(fifo, e.Diagnostic.File);
    }

    [Fact]
    public void A_fifo_where_a_build_directory_holds_its_report_is_refused()
    {
        var report = Path.Combine(_dir, "solution1", "syn", "report");
        Directory.CreateDirectory(report);
        MakeFifo(Path.Combine(report, "csynth.xml"));
        var e = Refused(() => HardwareReportCollector.Collect(_dir));
        Assert.Equal(DiagnosticCatalog.ReportNotRegularFile, e.Code);
    }

    [Fact]
    public void Dev_zero_is_refused_as_a_character_device()
    {
        var e = Refused(() => HardwareReportCollector.Collect("/dev/zero"));
        Assert.Equal(DiagnosticCatalog.ReportNotRegularFile, e.Code);
        Assert.Contains("character device", e.Message);
    }

    [Fact]
    public void Dev_zero_through_the_command_line_is_a_coded_error_exit_1()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        Assert.Equal(XaiCommandLine.InputError, XaiCommandLine.Run(["report", "/dev/zero"], stdout, stderr));
        Assert.Contains("error XAI5200", stderr.ToString());
    }

    [Fact]
    public void A_file_above_the_cap_is_refused_before_it_is_read()
    {
        var big = Path.Combine(_dir, "big_utilization_placed.rpt");
        using (var stream = File.Create(big))
        {
            stream.SetLength(315L * 1000 * 1000); // sparse: costs no disk
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<XaiException>(() => HardwareReportCollector.Collect(big));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(DiagnosticCatalog.ReportFileTooLarge, e.Code);
        Assert.Contains("300.4 MiB", e.Message);
        Assert.Contains("64 MiB", e.Message);
        Assert.True(allocated < 1024 * 1024, $"allocated {allocated} bytes to refuse a 315 MB file");
    }

    [Fact]
    public void A_regular_report_file_is_still_read()
    {
        var path = Path.Combine(_dir, "csynth.xml");
        var text = File.ReadAllText(Fixtures.PathOf(Csynth));
        File.WriteAllText(path, text);
        var report = HardwareReportCollector.Collect(path);
        Assert.Equal("basic_output", report.TopModule);
    }

    [Fact]
    public async Task Symbolic_link_loops_are_walked_once()
    {
        var report = Path.Combine(_dir, "solution1", "syn", "report");
        Directory.CreateDirectory(report);
        File.Copy(Fixtures.PathOf(Csynth), Path.Combine(report, "csynth.xml"));
        // Three links back to the top at two levels: before, 6 links over 8 levels meant millions of paths.
        foreach (var name in new[] { "a", "b", "c" })
        {
            Directory.CreateSymbolicLink(Path.Combine(_dir, name), _dir);
            Directory.CreateSymbolicLink(Path.Combine(_dir, "solution1", name), _dir);
        }

        // WaitAsync throws TimeoutException when the walk does not finish within 30 s.
        var result = await Task.Run(() => HardwareReportCollector.Collect(_dir)).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("basic_output", result.TopModule);
        Assert.Single(result.Files);
    }

    [Fact]
    public void A_symbolic_link_to_a_directory_outside_is_followed()
    {
        var outside = Directory.CreateTempSubdirectory("xai-limits-outside-").FullName;
        try
        {
            var report = Path.Combine(outside, "syn", "report");
            Directory.CreateDirectory(report);
            File.Copy(Fixtures.PathOf(Csynth), Path.Combine(report, "csynth.xml"));
            Directory.CreateSymbolicLink(Path.Combine(_dir, "solution1"), outside);
            Assert.Equal("basic_output", HardwareReportCollector.Collect(_dir).TopModule);
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Theory]
    [InlineData("csynth.xml")]
    [InlineData("export.xml")]
    public void A_dtd_is_refused_and_not_called_truncated(string name)
    {
        var xml = name == "csynth.xml"
            ? "<?xml version=\"1.0\"?>\n<!DOCTYPE profile [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<profile><ReportVersion><Version>&x;</Version></ReportVersion></profile>\n"
            : "<?xml version=\"1.0\"?>\n<!DOCTYPE profile [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<profile><AreaReport>&x;</AreaReport></profile>\n";
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, xml);
        var e = Assert.Throws<XaiException>(() => HardwareReportCollector.Collect(path));
        Assert.Equal(DiagnosticCatalog.XmlDocumentTypeRefused, e.Code);
        Assert.DoesNotContain("truncated", e.Message);
        Assert.Contains("DOCTYPE", e.Message);
        Assert.Equal(2, e.Diagnostic.Line);
    }
}
