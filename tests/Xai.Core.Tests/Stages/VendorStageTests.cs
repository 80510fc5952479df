using Newtonsoft.Json.Linq;
using Xai.Amd.Reports;
using Xai.Amd.Scripts;
using Xai.Amd.Toolchain;
using Xai.Attribution;
using Xai.CodeGeneration;
using Xai.Core.Tests.CodeGeneration;
using Xai.Core.Tests.Amd;
using Xai.Core.Tests.Amd.Scripts;
using Xai.Diagnostics;
using Xai.Reporting;
using Xai.Reporting.Model;
using Xai.Stages;

namespace Xai.Core.Tests.Stages;

/// <summary>
/// The vendor stages up to the tool boundary, on a real generated design: the scripts each stage
/// writes run cleanly under the checking Tcl mocks from the directory the tool would run in, the
/// unified flow's config and command lines, the tool record, the hardware collection, and BP's
/// overhead arithmetic.
/// </summary>
public sealed class VendorStageTests(OddNetworkBuild build) : IClassFixture<OddNetworkBuild>
{
    private static HlsToolchain Classic(string executable = "/opt/Xilinx/Vitis_HLS/2023.2/bin/vitis_hls") =>
        new(HlsFlow.Classic, new ToolVersion(2023, 2), Location(VendorTool.VitisHls, executable), null, null, []);

    private static HlsToolchain Unified() =>
        new(HlsFlow.Unified, new ToolVersion(2024, 2), null, Location(VendorTool.VPlusPlus, "/opt/Xilinx/2024.2/Vitis/bin/v++"), Location(VendorTool.VitisRun, "/opt/Xilinx/2024.2/Vitis/bin/vitis-run"), []);

    private static ToolLocation Location(VendorTool tool, string path) =>
        new(VendorToolFacts.For(tool), path, ToolOrigin.Property, VendorToolFacts.For(tool).Property, ToolVersionReader.FromInstallPath(path), VersionOrigin.InstallDirectory, []);

    private (VendorLayout Vendor, HlsSourcesStage.Result Sources) Sources(string name, bool inference = true)
    {
        var vendor = new VendorLayout(Path.Combine(build.Directory, name));
        return (vendor, HlsSourcesStage.Run(build.Plan, AttributionMethod.Saliency, inference, null, build.Layout, vendor));
    }

    [Fact]
    public void Synthesize_and_CoSimulate_scripts_of_both_tops_run_cleanly_under_the_vitis_hls_mock_from_the_tool_directory()
    {
        var (vendor, sources) = Sources("vendor-classic");
        var synthesis = HlsStage.Prepare(VendorStage.Synthesize, Classic(), sources, build.Settings, OddNetworkBuild.HlsInclude, vendor);
        var cosimulation = HlsStage.Prepare(VendorStage.CoSimulate, Classic(), sources, build.Settings, OddNetworkBuild.HlsInclude, vendor);

        Assert.Equal(["xai_top", "xai_top_fp"], synthesis.Select(r => r.Top.FunctionName));
        foreach (var (top, spec, run) in synthesis.Concat(cosimulation))
        {
            Assert.Equal(vendor.WorkingDirectory, run.WorkingDirectory);
            Assert.Equal("-f", run.Arguments[0]);
            var mock = TclMockRun.Run("vitis_hls_mock.tcl", run.Arguments[1], run.WorkingDirectory);
            Assert.True(mock.ExitCode == 0 && mock.Violations.Count == 0, mock.Describe());
            var synthesizes = spec.Steps.HasFlag(HlsSteps.CSynth);
            Assert.Equal(
                synthesizes ? ["csim_design", "csynth_design", "export_design"] : ["cosim_design"],
                mock.CommandNames.Where(c => c.EndsWith("_design", StringComparison.Ordinal)));
            var tb = mock.Calls.Where(c => c.Command == "add_files" && c.Arguments[0] == "-tb").Select(c => c.Arguments[1]).ToList();
            Assert.Equal([$"src/{top.TestbenchFileName}", "src/tb_weights.bin", "src/tb_input.f32", "src/tb_planned.bin", "src/tb_float.bin"], tb);
            var argv = mock.Calls.First(c => c.Command is "csim_design" or "cosim_design").Arguments;
            Assert.Equal(["-argv", "tb_weights.bin tb_input.f32 tb_planned.bin tb_float.bin -1"], argv.Where(a => a != "-rtl" && a != "verilog"));
            Assert.Contains(mock.Calls, c => c.Command == "set_part" && c.Arguments[0] == "xc7z020clg400-1");
            // Pynq-Z2: 32-bit addresses, ports widened to the 64-bit S_AXI_HP0.
            Assert.Equal(
                ["-m_axi_addr64=0", "-m_axi_max_widen_bitwidth", "64", "-m_axi_alignment_byte_size", "8", "-m_axi_latency", "64",
                 "-m_axi_max_read_burst_length", "16", "-m_axi_num_read_outstanding", "16"],
                Assert.Single(mock.Calls, c => c.Command == "config_interface").Arguments);
            // Design and testbench alike: C++14, real ap_fixed, the synthesized loop nests.
            var cflags = $"-I{OddNetworkBuild.HlsInclude} -std=c++14 -DXAI_USE_AP_FIXED -DXAI_HLS_LOOPS";
            Assert.Equal([$"src/{top.SourceFileName}", "-cflags", cflags], mock.Calls.First(c => c.Command == "add_files").Arguments);
            Assert.All(mock.Calls.Where(c => c.Command == "add_files"), c => Assert.Equal(["-cflags", cflags], c.Arguments.TakeLast(2)));
            Assert.Equal(HlsOutputLayout.For(HlsFlow.Classic, vendor.WorkingDirectory, spec).ExpectedOutputs(spec.Steps), run.ExpectedOutputs);
        }
    }

    [Fact]
    public void The_unified_flow_writes_one_config_per_top_and_runs_each_step_with_it()
    {
        var (vendor, sources) = Sources("vendor-unified", inference: false);
        var synthesis = HlsStage.Prepare(VendorStage.Synthesize, Unified(), sources, build.Settings, OddNetworkBuild.HlsInclude, vendor);
        var cosimulation = HlsStage.Prepare(VendorStage.CoSimulate, Unified(), sources, build.Settings, OddNetworkBuild.HlsInclude, vendor);

        var config = HlsConfigFile.Parse(File.ReadAllText(vendor.HlsConfig(sources.Tops[0])));
        Assert.Contains(("", "part", "xc7z020clg400-1"), config);
        Assert.Contains(("hls", "syn.top", "xai_top"), config);
        Assert.Contains(("hls", "syn.file", "src/xai_top.cpp"), config);
        Assert.Contains(("hls", "tb.file", "src/tb_planned.bin"), config);
        Assert.Contains(("hls", "cosim.argv", "tb_weights.bin tb_input.f32 tb_planned.bin tb_float.bin -1"), config);
        Assert.Contains(("hls", "package.output.format", "ip_catalog"), config);
        var flags = $"-I{OddNetworkBuild.HlsInclude} -std=c++14 -DXAI_USE_AP_FIXED -DXAI_HLS_LOOPS";
        Assert.Contains(("hls", "syn.file_cflags", "src/xai_top.cpp," + flags), config);
        Assert.Contains(("hls", "tb.file_cflags", $"src/{sources.Tops[0].TestbenchFileName}," + flags), config);
        Assert.Equal(config.Count(e => e.Key is "syn.file" or "tb.file"), config.Count(e => e.Key is "syn.file_cflags" or "tb.file_cflags" && e.Value.EndsWith("," + flags, StringComparison.Ordinal)));
        Assert.Contains(("hls", "syn.interface.m_axi_addr64", "0"), config);
        Assert.Contains(("hls", "syn.interface.m_axi_max_widen_bitwidth", "64"), config);
        Assert.Contains(("hls", "syn.interface.m_axi_alignment_byte_size", "8"), config);
        Assert.Equal(
            ["vitis-run --mode hls --csim", "v++ -c --mode hls", "vitis-run --mode hls --package", "vitis-run --mode hls --cosim"],
            synthesis.Concat(cosimulation).Select(r => Path.GetFileName(r.Run.Executable) + " " + string.Join(' ', r.Run.Arguments.TakeWhile(a => a != "--config"))));
        Assert.All(synthesis.Concat(cosimulation), r => Assert.Equal(vendor.HlsConfig(sources.Tops[0]), r.Run.Arguments[r.Run.Arguments.ToList().IndexOf("--config") + 1]));
    }

    [Fact]
    public void CoSimulate_without_testbench_data_is_a_coded_error()
    {
        var layout = new BuildLayout(Path.Combine(build.Directory, "obj-notb"), build.Layout.OutputDirectory);
        Directory.CreateDirectory(layout.GeneratedDirectory);
        File.Copy(build.Layout.NetworkHeader, layout.NetworkHeader);
        File.Copy(build.Layout.NumericsHeader, layout.NumericsHeader);
        var vendor = new VendorLayout(Path.Combine(build.Directory, "vendor-notb"));
        var sources = HlsSourcesStage.Run(build.Plan, AttributionMethod.Saliency, false, null, layout, vendor);

        var e = Assert.Throws<XaiException>(() => HlsStage.Prepare(VendorStage.CoSimulate, Classic(), sources, build.Settings, OddNetworkBuild.HlsInclude, vendor));
        Assert.Equal("XAI5620", e.Diagnostic.Code);
        var synthesis = Assert.Single(HlsStage.Prepare(VendorStage.Synthesize, Classic(), sources, build.Settings, OddNetworkBuild.HlsInclude, vendor));
        Assert.Equal(HlsSteps.CSynth | HlsSteps.Export, synthesis.Spec.Steps);
    }

    [Fact]
    public void The_Vivado_script_for_the_top_runs_cleanly_under_the_vivado_mock()
    {
        var (vendor, sources) = Sources("vendor-vivado", inference: false);
        var top = sources.Tops[0];
        var ipRepository = Path.Combine(vendor.HlsProjectDirectory(top), "solution1", "impl", "ip");
        Directory.CreateDirectory(ipRepository);
        var spec = BitstreamStage.Spec(build.Settings, top, ipRepository, build.Layout, vendor);
        Directory.CreateDirectory(vendor.Directory);
        File.WriteAllText(vendor.VivadoScript, VivadoBlockDesignScriptWriter.Write(spec));

        var run = TclMockRun.Run("vivado_mock.tcl", vendor.VivadoScript, vendor.WorkingDirectory, new Dictionary<string, string>
        {
            ["XAI_MOCK_IP_REPO"] = Path.GetFullPath(ipRepository),
            ["XAI_MOCK_IP_VLNV"] = "xilinx.com:hls:xai_top:1.0",
        });

        Assert.True(run.ExitCode == 0 && run.Violations.Count == 0, run.Describe());
        Assert.Equal(["m_axi_gmem_act", "m_axi_gmem_weights", "m_axi_gmem_grad"], spec.MasterInterfaces);
        Assert.Equal("odd", Path.GetFileNameWithoutExtension(spec.BitFile));
        // Vivado writes into the vendor folder; the SDK copies into the output directory once the run is judged good.
        Assert.Equal(Path.Combine(vendor.VivadoOutputs, "odd.hwh"), spec.HwhFile);
    }

    [Fact]
    public void The_tool_record_survives_a_round_trip_and_says_where_each_tool_came_from()
    {
        var vendor = new VendorLayout(Path.Combine(build.Directory, "vendor-tools"));
        var tools = new VendorToolSet(Unified(), null, Location(VendorTool.Vivado, "/opt/Xilinx/Vivado/2024.2/bin/vivado"), null);
        tools.Save(vendor);
        var loaded = VendorToolSet.Load(vendor);

        Assert.Equal(HlsFlow.Unified, loaded.Hls!.Flow);
        Assert.Equal("/opt/Xilinx/2024.2/Vitis/bin/v++", loaded.Hls.Compiler!.ExecutablePath);
        Assert.Equal(new ToolVersion(2024, 2), loaded.Vivado!.Version);
        Assert.Equal("v++/vitis-run 2024.2, unified flow", loaded.HlsDescription);
        Xai.Tests.ReportSchemas.In(RepositoryLayout.Root).AssertDefinition("VendorTools", File.ReadAllText(vendor.ToolsFile), "tools.json");
        var json = JObject.Parse(File.ReadAllText(vendor.ToolsFile));
        Assert.Equal("InstallDirectory", (string?)json["vivado"]!["tools"]![0]!["versionFrom"]);
        Assert.Equal("Property XaiVivadoPath", (string?)json["vivado"]!["tools"]![0]!["foundVia"]);

        var missing = new VendorToolSet(null, "vitis_hls not found; set XaiVitisHlsPath", null, null);
        missing.Save(vendor);
        Assert.Null(VendorToolSet.Load(vendor).Hls);
        Assert.Equal("vitis_hls not found; set XaiVitisHlsPath", VendorToolSet.Load(vendor).HlsProblem);
    }

    [Fact]
    public void Collected_reports_of_another_design_are_kept_but_flagged_and_unreadable_ones_are_a_warning()
    {
        var vendor = new VendorLayout(Path.Combine(build.Directory, "vendor-collect"));
        var solution = Path.Combine(vendor.Directory, "xai_top", "solution1", "syn", "report");
        Directory.CreateDirectory(solution);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "ValdecirDesenv__FPGA_picoZed__csynth.xml"), Path.Combine(solution, "csynth.xml"));

        var diagnostics = HardwareCollection.Save(vendor, "xai_top", "xc7z020clg400-1", [Path.Combine(vendor.Directory, "xai_top")], VendorStage.Synthesize, "vitis_hls 2023.1, classic flow");
        var warning = Assert.Single(diagnostics);
        Assert.Equal("XAI5641", warning.Code);
        Assert.Contains("top function 'basic_output' instead of 'xai_top'", warning.Message);
        Assert.Contains("part 'xc7z030-sbg485-1' instead of 'xc7z020clg400-1'", warning.Message);
        var schemas = Xai.Tests.ReportSchemas.In(RepositoryLayout.Root);
        schemas.AssertDefinition("HardwareTopRecord", File.ReadAllText(vendor.HardwareReport("xai_top")), "hardware.xai_top.json");
        var record = HardwareCollection.Load(vendor, "xai_top");
        Assert.False(record.MatchesDesign);
        Assert.Equal("vitis_hls 2023.1, classic flow", record.ProducedBy);
        Assert.Equal(78600, record.Report!.Resources!.Available.Lut);
        Assert.Equal("top function 'basic_output' instead of 'xai_top'; part 'xc7z030-sbg485-1' instead of 'xc7z020clg400-1'", record.Mismatch);

        File.WriteAllText(Path.Combine(solution, "csynth.xml"), "<profile><truncated");
        var unreadable = Assert.Single(HardwareCollection.Save(vendor, "xai_top", "xc7z020clg400-1", [Path.Combine(vendor.Directory, "xai_top")], VendorStage.Synthesize, "x"));
        Assert.Equal("XAI5640", unreadable.Code);
        Assert.Contains("XAI5110", unreadable.Message);
        schemas.AssertDefinition("HardwareTopRecord", File.ReadAllText(vendor.HardwareReport("xai_top")), "hardware.xai_top.json of unreadable reports");
        var unreadableRecord = HardwareCollection.Load(vendor, "xai_top");
        Assert.Null(unreadableRecord.Report);
        Assert.StartsWith("XAI5110: ", unreadableRecord.Error);
        Assert.DoesNotContain("\"report\"", File.ReadAllText(vendor.HardwareReport("xai_top")));
    }

    [Fact]
    public void BP_overhead_is_FP_BP_minus_FP_on_the_same_basis_and_absent_for_reports_of_another_design()
    {
        static HardwareTopRecord Record(long lut, long dsp, long cycles, string stage = "hls-estimate", bool matches = true)
        {
            var report = new HardwareReport
            {
                Resources = new HardwareResources(stage, "hls-top", new ResourceCounts(lut, null, null, dsp, null), new ResourceCounts(null, null, null, null, null)),
                Latency = new HardwareLatency { Basis = "csynth", MaxCycles = cycles, MaxMs = cycles / 1e5 },
            };
            return new HardwareTopRecord { Top = "xai_top", Stage = "Synthesize", ProducedBy = "test", CollectedFrom = [], MatchesDesign = matches, Report = report };
        }

        var overhead = BpOverhead.Between(Record(40000, 32, 4_353_000), Record(52900, 32, 6_675_000))!;
        Assert.Equal(12900, overhead.Resources!.Lut!.Delta);
        Assert.Equal(0.3225, overhead.Resources.Lut.Relative);
        Assert.Equal(0, overhead.Resources.Dsp!.Delta);
        Assert.Null(overhead.Resources.Ff); // neither report gave it
        Assert.Equal(2_322_000, overhead.Latency!.MaxCycles!.Delta);
        Assert.Equal(23.22, overhead.Latency.MaxMs!.Delta, 6);

        Assert.Null(BpOverhead.Between(Record(1, 1, 1, matches: false), Record(2, 2, 2)));
        Assert.Null(BpOverhead.Between(null, Record(2, 2, 2)));
        var mixed = BpOverhead.Between(Record(1, 1, 1, "vivado-placed"), Record(2, 2, 2))!;
        Assert.Null(mixed.Resources); // placed vs estimate: not comparable
        Assert.NotNull(mixed.Latency);
    }

    [Fact]
    public void The_report_has_no_hardware_unless_a_vendor_stage_ran_in_this_build()
    {
        var (vendor, _) = Sources("vendor-section", inference: false);
        File.WriteAllText(vendor.HardwareReport("xai_top"), ReportJson.Serialize(
            new HardwareTopRecord { Top = "xai_top", Stage = "Synthesize", ProducedBy = "vitis_hls 2023.2, classic flow", CollectedFrom = [], MatchesDesign = true }));
        var skipped = new Dictionary<string, string> { ["Synthesize"] = "skipped: vitis_hls not found" };
        Assert.Null(HardwareSectionLoader.Load(vendor, skipped));

        var ran = new Dictionary<string, string> { ["Synthesize"] = "ran: vitis_hls 2023.2, classic flow" };
        var section = HardwareSectionLoader.Load(vendor, ran)!;
        Assert.Equal("xai_top", section.Fpbp!.Top);
        Assert.Null(section.Fp);
        Assert.Equal("Saliency", section.Method);
        Assert.Contains("\"fp\": null", ReportJson.Serialize(section));

        // The page renders a section whose FP-only top and tool record are absent.
        var html = new System.Text.StringBuilder();
        HardwareHtml.Render(html, section);
        Assert.Contains("<td>xai_top</td><td>FP+BP</td>", html.ToString());
        Assert.DoesNotContain("FP only", html.ToString());
        var empty = new System.Text.StringBuilder();
        HardwareHtml.Render(empty, null);
        Assert.Contains("No vendor stage ran in this build", empty.ToString());
    }
}
