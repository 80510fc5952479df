using Xai.Amd.Toolchain;
using Xai.Core.Tests.Amd.Reports;
using Xai.Diagnostics;

namespace Xai.Core.Tests.Amd.Toolchain;

public sealed class VendorLogScannerTests
{
    private const string HlsLog = "ARX-0__HLS-pynq__vitis_hls.log";
    private const string CsimLog = "SahJaiswal__MNIST_HLS__c_mnist_csim.log";

    [SharedFixtureFact(HlsLog)]
    public void Real_vitis_hls_log_with_a_failed_csim_yields_its_one_error()
    {
        var path = Fixtures.PathOf(HlsLog);
        var messages = VendorLogScanner.ScanFile(path);

        var error = Assert.Single(messages);
        Assert.Equal(VendorSeverity.Error, error.Severity);
        Assert.Equal("SIM 211-100", error.VendorCode);
        Assert.Equal("CSim file generation failed: compilation error(s).", error.Text);
        Assert.Equal("ERROR: [SIM 211-100] CSim file generation failed: compilation error(s).", File.ReadLines(path).ElementAt(error.LogLine - 1));
        var diagnostic = error.ToDiagnostic()!;
        Assert.Equal("XAI5590", diagnostic.Code);
        Assert.Equal(path, diagnostic.File);
        Assert.Equal(error.LogLine, diagnostic.Line);
    }

    [SharedFixtureFact(HlsLog)]
    public void Real_vitis_hls_log_info_messages_carry_their_ids()
    {
        var messages = VendorLogScanner.ScanFile(Fixtures.PathOf(HlsLog), VendorSeverity.Info);

        Assert.Contains(messages, m => m.VendorCode == "HLS 200-1510" && m.Text.StartsWith("Running: open_project", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.VendorCode == "HLS 200-1611" && m.Text == "Setting target device to 'xc7z020-clg400-1'");
        Assert.Contains(messages, m => m.VendorCode == "SYN 201-201");
    }

    [SharedFixtureFact(HlsLog)]
    public void Exit_code_0_with_that_log_is_not_a_success()
    {
        var verdict = ToolRunVerdict.Judge("C simulation", 0, Fixtures.PathOf(HlsLog), []);

        Assert.False(verdict.Succeeded);
        var summary = verdict.Diagnostics.First();
        Assert.Equal("XAI5581", summary.Code);
        Assert.Contains("although the tool exited with 0", summary.Message);
        Assert.Contains("[SIM 211-100]", summary.Message);
    }

    [SharedFixtureFact(CsimLog)]
    public void Real_passing_csim_log_has_no_warnings_and_passes_the_verdict()
    {
        var path = Fixtures.PathOf(CsimLog);
        Assert.Empty(VendorLogScanner.ScanFile(path));
        var infos = VendorLogScanner.ScanFile(path, VendorSeverity.Info);
        Assert.Contains(infos, m => m.Subsystem == "SIM" && m.Id == "1" && m.Text == "CSim done with 0 errors.");
        Assert.Contains(infos, m => m.VendorCode == "APCC 202-1");

        var verdict = ToolRunVerdict.Judge("C simulation", 0, path, [path]);
        Assert.True(verdict.Succeeded, string.Join("\n", verdict.Diagnostics));
    }

    [Theory]
    [InlineData("ERROR: [HLS 207-3776] use of undeclared identifier 'N' (src/foo.cpp:12:3)", VendorSeverity.Error, "HLS", "207-3776", "use of undeclared identifier 'N'", "src/foo.cpp", 12, 3)]
    [InlineData("ERROR: [HLS 207-1186] expected expression (C:/work/design.cpp:71:13)", VendorSeverity.Error, "HLS", "207-1186", "expected expression", "C:/work/design.cpp", 71, 13)]
    [InlineData("WARNING: [HLS 200-880] The II Violation in module 'conv' (loop 'L1'): Unable to enforce a carried dependence constraint (II = 1, distance = 1, offset = 1)", VendorSeverity.Warning, "HLS", "200-880", null, null, 0, 0)]
    [InlineData("ERROR: [SYN 201-103] Legalizing function name 'a.b' to 'a_b'.", VendorSeverity.Error, "SYN", "201-103", "Legalizing function name 'a.b' to 'a_b'.", null, 0, 0)]
    [InlineData("ERROR: [SIM 211-100] 'csim_design' failed: nonzero return value.", VendorSeverity.Error, "SIM", "211-100", "'csim_design' failed: nonzero return value.", null, 0, 0)]
    [InlineData("ERROR: [COSIM 212-4] *** C/RTL co-simulation finished: FAIL ***", VendorSeverity.Error, "COSIM", "212-4", "*** C/RTL co-simulation finished: FAIL ***", null, 0, 0)]
    [InlineData("ERROR: [COSIM-4] *** C/RTL co-simulation finished: FAIL ***", VendorSeverity.Error, "COSIM", "4", "*** C/RTL co-simulation finished: FAIL ***", null, 0, 0)]
    [InlineData("ERROR: [Synth 8-439] module 'xai_top' not found [/home/u/prj/prj.srcs/sources_1/bd/design_1/hdl/design_1.v:12]", VendorSeverity.Error, "Synth", "8-439", "module 'xai_top' not found", "/home/u/prj/prj.srcs/sources_1/bd/design_1/hdl/design_1.v", 12, 0)]
    [InlineData("CRITICAL WARNING: [Timing 38-282] The design failed to meet the timing requirements.", VendorSeverity.CriticalWarning, "Timing", "38-282", "The design failed to meet the timing requirements.", null, 0, 0)]
    [InlineData("ERR: [SIM 100] CSim failed with errors.", VendorSeverity.Error, "SIM", "100", "CSim failed with errors.", null, 0, 0)]
    [InlineData("ERROR: CSIM Failed", VendorSeverity.Error, null, null, "CSIM Failed", null, 0, 0)]
    [InlineData("@E Simulation failed: Function 'main' returns nonzero value '1'.", VendorSeverity.Error, "simulator", null, "Simulation failed: Function 'main' returns nonzero value '1'.", null, 0, 0)]
    [InlineData("../../../../src/tb.cpp:42:7: error: 'N' was not declared in this scope", VendorSeverity.Error, "compiler", null, "'N' was not declared in this scope", "../../../../src/tb.cpp", 42, 7)]
    public void Crafted_lines_parse(string line, VendorSeverity severity, string? subsystem, string? id, string? text, string? file, int sourceLine, int column)
    {
        var message = VendorLogScanner.ParseLine(line, "run.log", 7);

        Assert.NotNull(message);
        Assert.Equal(severity, message.Severity);
        Assert.Equal(subsystem, message.Subsystem);
        Assert.Equal(id, message.Id);
        if (text is not null)
        {
            Assert.Equal(text, message.Text);
        }

        Assert.Equal(file, message.SourceFile);
        Assert.Equal(sourceLine, message.SourceLine);
        Assert.Equal(column, message.SourceColumn);
    }

    [Theory]
    [InlineData("INFO: this is fine ERROR: not at the start")]
    [InlineData("   Compiling ../../../../loop_perfect.cpp in debug mode")]
    [InlineData("collect2.exe: error: ld returned 1 exit status")]
    [InlineData("C:/Xilinx/Vitis_HLS/2023.2/include/gmp.h:58:0: warning: \"__GMP_LIBGMP_DLL\" redefined")]
    public void Other_lines_are_not_warnings_or_errors(string line) =>
        Assert.True(VendorLogScanner.ParseLine(line) is null or { Severity: VendorSeverity.Info }, line);

    [Fact]
    public void Diagnostics_point_at_the_source_when_the_tool_names_it()
    {
        var diagnostic = VendorLogScanner.ParseLine("ERROR: [HLS 207-3776] use of undeclared identifier 'N' (src/foo.cpp:12:3)", "hls.log", 40)!.ToDiagnostic()!;
        Assert.Equal(new XaiDiagnostic("XAI5590", DiagnosticSeverity.Error, "[HLS 207-3776] use of undeclared identifier 'N'", "src/foo.cpp", 12, 3), diagnostic);
        Assert.Equal("src/foo.cpp(12,3): error XAI5590: [HLS 207-3776] use of undeclared identifier 'N'", diagnostic.ToString());

        var critical = VendorLogScanner.ParseLine("CRITICAL WARNING: [Constraints 18-5210] No constraints selected for write.", "vivado.log", 9)!.ToDiagnostic()!;
        Assert.Equal("XAI5591", critical.Code);
        Assert.Equal(DiagnosticSeverity.Warning, critical.Severity);
        Assert.Equal(("vivado.log", 9), (critical.File, critical.Line));
        Assert.Null(VendorLogScanner.ParseLine("INFO: [HLS 200-10] Running")!.ToDiagnostic());
    }
}
