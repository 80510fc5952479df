using System.Text.Json.Nodes;

namespace Xai.Sdk.IntegrationTests;

/// <summary>
/// The vendor stages (Synthesize, CoSimulate, Bitstream) seen through `dotnet build` of real
/// projects on a machine without AMD tools: skipped with one warning each in a plain build, an
/// error when asked for, and driven for real up to the tool boundary with a test double of
/// vitis_hls that runs the generated Tcl under tclsh with the checking mock.
/// </summary>
[Collection(PackedSdkCollection.Name)]
public sealed class VendorStageTests(PackedSdk sdk)
{
    private static readonly string[] VendorStages = ["Synthesize", "CoSimulate", "Bitstream"];

    [Fact]
    public void Without_vendor_tools_a_build_succeeds_with_one_warning_per_skipped_stage_and_the_report_says_why()
    {
        using var project = VendorTestProject.Create(sdk);
        var result = project.Build();

        Assert.True(result.Succeeded, result.ToString());
        var warnings = VendorTestProject.Diagnostics(result).Where(d => d.Kind == "warning").ToList();
        Assert.Equal(3, warnings.Count);
        Assert.All(warnings, w => Assert.Equal("XAI5502", w.Code));
        Assert.Contains(warnings, w => w.Message.StartsWith("Synthesize skipped", StringComparison.Ordinal) && w.Message.Contains("XaiVitisHlsPath") && w.Message.Contains("XILINX_HLS"));
        Assert.Contains(warnings, w => w.Message.StartsWith("CoSimulate skipped", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Message.StartsWith("Bitstream skipped", StringComparison.Ordinal) && w.Message.Contains("XaiVivadoPath") && w.Message.Contains("XILINX_VIVADO"));

        var report = VendorTestProject.Report(project);
        var stages = report["stages"]!.AsObject();
        foreach (var stage in VendorStages)
        {
            Assert.StartsWith("skipped: ", (string?)stages[stage]);
        }

        Assert.Contains("XaiVitisHlsPath", (string?)stages["Synthesize"]);
        Assert.Contains("XaiVivadoPath", (string?)stages["Bitstream"]);
        Assert.StartsWith("ran: ", (string?)stages["CSim"]);
        Assert.Null(report["hardware"]);
        Assert.Contains("No vendor stage ran in this build", File.ReadAllText(project.PathOf(VendorTestProject.ReportHtml)));

        // The sources for the tools are there all the same (a machine with the tools can take them).
        foreach (var file in new[] { "xai_top.cpp", "xai_top.h", "xai_tb.cpp", "tb_weights.bin", "tb_planned.bin" })
        {
            Assert.True(File.Exists(project.PathOf($"obj/Debug/xai/vendor/src/{file}")), file);
        }

        // Without any vendor stage listed, nothing is attempted and nothing is warned about.
        var none = project.Build("-p:XaiVendorStages=");
        Assert.True(none.Succeeded, none.ToString());
        Assert.DoesNotContain(VendorTestProject.Diagnostics(none), d => d.Kind == "warning");
        var quiet = VendorTestProject.Report(project)["stages"]!.AsObject();
        Assert.All(VendorStages, s => Assert.StartsWith("not run: ", (string?)quiet[s]));
    }

    [Fact]
    public void Asking_for_a_vendor_stage_without_its_tools_is_a_coded_error_that_says_how_to_point_the_SDK_at_them()
    {
        using var project = VendorTestProject.Create(sdk);
        var synthesize = project.Build("-t:Synthesize");

        Assert.False(synthesize.Succeeded);
        var error = Assert.Single(VendorTestProject.Diagnostics(synthesize), d => d.Kind == "error");
        Assert.Equal("XAI5502", error.Code);
        Assert.Equal(project.ProjectFile, error.File);
        Assert.StartsWith("Synthesize was asked for, but the HLS tools are missing.", error.Message);
        Assert.Contains("XaiVitisHlsPath", error.Message);
        Assert.DoesNotContain(VendorTestProject.Diagnostics(synthesize), d => d.Message.Contains("Bitstream"));

        var bitstream = project.Build("-t:Bitstream", "-p:XaiVivadoPath=" + project.PathOf("no-such-vivado"));
        Assert.False(bitstream.Succeeded);
        var bad = Assert.Single(VendorTestProject.Diagnostics(bitstream), d => d.Kind == "error");
        Assert.Equal("XAI5501", bad.Code);
        Assert.Contains("XaiVivadoPath", bad.Message);
    }

    [Fact]
    public void A_design_time_build_never_starts_a_vendor_tool()
    {
        using var project = VendorTestProject.Create(sdk);
        var fake = FakeVitisHls.Create(project, "success");
        var result = project.Build("-p:DesignTimeBuild=true", $"-p:XaiVitisHlsPath={fake.Executable}");

        Assert.True(result.Succeeded, result.ToString());
        Assert.Empty(fake.Invocations);
        Assert.False(Directory.Exists(project.PathOf("obj/Debug/xai/vendor")));

        // The same project in a real build does start it: the probe of its release, then the synthesis run.
        var real = project.Build("-t:Synthesize", $"-p:XaiVitisHlsPath={fake.Executable}");
        Assert.True(real.Succeeded, real.ToString());
        Assert.Equal(["-version", "-f"], fake.Invocations.Select(i => i.Split(' ')[0]));

        // Nothing changed: the tool's release is probed again, but synthesis is up to date.
        var again = project.Build("-t:Synthesize", $"-p:XaiVitisHlsPath={fake.Executable}");
        Assert.True(again.Succeeded, again.ToString());
        Assert.Equal(["-version", "-f", "-version"], fake.Invocations.Select(i => i.Split(' ')[0]));
    }

    [SharedFixtureFact(FakeVitisHls.CosimFixture)]
    public void CoSimulate_reopens_the_synthesized_project_runs_cosim_design_and_adds_the_measured_latency()
    {
        using var project = VendorTestProject.Create(sdk);
        var fake = FakeVitisHls.Create(project, "success");
        var result = project.Build("-t:CoSimulate", $"-p:XaiVitisHlsPath={fake.Executable}");

        Assert.True(result.Succeeded, result.ToString());
        Assert.Empty(fake.Violations);
        Assert.Equal(["-version", "-f", "-f"], fake.Invocations.Select(i => i.Split(' ')[0]));
        Assert.Equal(1, fake.RecordedCommands.Count(c => c == "cosim_design"));
        var cosimScript = File.ReadAllText(project.PathOf("obj/Debug/xai/vendor/cosimulate.xai_top.tcl"));
        Assert.Contains("open_project xai_top", cosimScript);
        Assert.DoesNotContain("-reset", cosimScript);

        var report = VendorTestProject.Report(project);
        Assert.StartsWith("ran: vitis_hls (release unknown), classic flow: xai_top (CoSim)", (string?)report["stages"]!["CoSimulate"]);
        var record = report["hardware"]!["fpbp"]!;
        Assert.Equal("CoSimulate", (string?)record["stage"]);
        Assert.Equal("cosim", (string?)record["report"]!["latency"]!["basis"]);
        Assert.Contains(record["report"]!["files"]!.AsArray(), f => ((string?)f!["path"])!.EndsWith("sim/report/xai_top_cosim.rpt", StringComparison.Ordinal));
        Assert.False((bool)record["matchesDesign"]!); // the csynth.xml beside it is another design's
    }

    [Fact]
    public void Bitstream_runs_the_block_design_script_and_puts_bit_hwh_xsa_driver_header_and_JTAG_script_in_the_output_directory()
    {
        using var project = VendorTestProject.Create(sdk);
        var hls = FakeVitisHls.Create(project, "success");
        var vivado = FakeVivado.Create(project, project.PathOf("obj/Debug/xai/vendor/xai_top/solution1/impl/ip"), "xilinx.com:hls:xai_top:1.0");
        var result = project.Build("-t:Bitstream", $"-p:XaiVitisHlsPath={hls.Executable}", $"-p:XaiVivadoPath={vivado.Executable}");

        Assert.True(result.Succeeded, result.ToString());
        Assert.Empty(hls.Violations);
        Assert.Empty(vivado.Violations);
        Assert.DoesNotContain("cosim_design", hls.RecordedCommands);
        Assert.Contains("write_hw_platform", vivado.RecordedCommands);
        Assert.Equal(["-version", "-mode"], vivado.Invocations.Select(i => i.Split(' ')[0]));
        foreach (var file in new[] { "vendor.bit", "vendor.hwh", "vendor.xsa", "xxai_top_hw.h", "program_pynq-z2.tcl" })
        {
            Assert.True(File.Exists(project.PathOf("bin/Debug/" + file)), file);
        }

        Assert.Contains("set xai_device xc7z020_1", File.ReadAllText(project.PathOf("bin/Debug/program_pynq-z2.tcl")));
        var report = VendorTestProject.Report(project);
        Assert.Equal("ran: vivado (release unknown): vendor.bit, vendor.hwh, vendor.xsa, xxai_top_hw.h, program_pynq-z2.tcl", (string?)report["stages"]!["Bitstream"]);
        Assert.Equal("not run: the targets asked for need only Synthesize;Bitstream", (string?)report["stages"]!["CoSimulate"]);
        Assert.Equal("Bitstream", (string?)report["hardware"]!["fpbp"]!["stage"]);
        Assert.Equal(vivado.Executable, (string?)report["hardware"]!["tools"]!["vivado"]!["tools"]![0]!["path"]);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void A_failed_Vivado_run_leaves_the_previous_bitstream_in_the_output_directory()
    {
        using var project = VendorTestProject.Create(sdk);
        var hls = FakeVitisHls.Create(project, "success");
        var vivado = FakeVivado.Create(project, project.PathOf("obj/Debug/xai/vendor/xai_top/solution1/impl/ip"), "xilinx.com:hls:xai_top:1.0");
        var good = project.Build("-t:Bitstream", $"-p:XaiVitisHlsPath={hls.Executable}", $"-p:XaiVivadoPath={vivado.Executable}");
        Assert.True(good.Succeeded, good.ToString());
        var published = project.PathOf("bin/Debug/vendor.bit");
        var before = File.ReadAllBytes(published);

        // A TEST DOUBLE of vivado that writes a new .bit where the generated script puts it, then fails (exit 0, ERROR line, as AMD tools do).
        var failing = project.PathOf("failing-vivado/vivado");
        Directory.CreateDirectory(Path.GetDirectoryName(failing)!);
        File.WriteAllText(failing, $$"""
            #!/bin/bash
            # TEST DOUBLE of vivado (Xai.Sdk integration tests). Not a vendor tool.
            if [ "$1" = "-version" ]; then echo "test double of vivado (no release)"; exit 0; fi
            while [ $# -gt 0 ]; do case "$1" in -log) log="$2"; shift;; -source) script="$2"; shift;; esac; shift; done
            # Where the generated script copies the .bit: its xai_output_dir, read by the real tclsh.
            dir="$(/usr/bin/tclsh <<< "$(grep -m1 '^set xai_output_dir ' "$script"); puts \$xai_output_dir")"
            echo "half of a new bitstream" > "$dir/vendor.bit"
            echo "ERROR: [Vivado 12-1345] Error(s) found during DRC. Bitgen not run." | tee "$log"
            exit 0
            """.Replace("\r\n", "\n"));
        File.SetUnixFileMode(failing, (UnixFileMode)0b111_101_101);

        var bad = project.Build("-t:Bitstream", $"-p:XaiVitisHlsPath={hls.Executable}", $"-p:XaiVivadoPath={failing}");

        Assert.False(bad.Succeeded);
        Assert.Contains(VendorTestProject.Diagnostics(bad), d => d.Code == "Vivado12-1345" && d.Kind == "error");
        Assert.Equal("half of a new bitstream\n", File.ReadAllText(project.PathOf("obj/Debug/xai/vendor/bitstream-out/vendor.bit")));
        Assert.Equal(before, File.ReadAllBytes(published));
        Assert.Empty(Directory.GetFiles(project.PathOf("bin/Debug"), "*.tmp"));
    }

    [Fact]
    public void A_vitis_hls_error_line_becomes_an_MSBuild_error_with_the_vendor_code_at_the_source_line_and_an_exit_code_of_0_is_not_trusted()
    {
        using var project = VendorTestProject.Create(sdk);
        var fake = FakeVitisHls.Create(project, "error");
        var result = project.Build($"-p:XaiVitisHlsPath={fake.Executable}", "-p:XaiVendorStages=Synthesize");

        Assert.False(result.Succeeded, result.ToString());
        Assert.Empty(fake.Violations);
        Assert.Contains("csynth_design", fake.RecordedCommands);
        var diagnostics = VendorTestProject.Diagnostics(result);
        var frontEnd = Assert.Single(diagnostics, d => d.Code == "HLS207-3776");
        Assert.Equal("error", frontEnd.Kind);
        Assert.Equal(project.PathOf("obj/Debug/xai/vendor/src/xai_top.cpp"), frontEnd.File);
        Assert.Equal((12, 7), (frontEnd.Line, frontEnd.Column));
        Assert.Contains("use of undeclared identifier 'N'", frontEnd.Message);
        Assert.Contains(diagnostics, d => d.Code == "HLS200-70" && d.Kind == "error");
        // The fake exited 0: the verdict comes from the log's ERROR lines and the missing csynth.xml.
        Assert.Contains(diagnostics, d => d.Code == "XAI5581" && d.Message.Contains("although the tool exited with 0"));
        Assert.Contains(diagnostics, d => d.Code == "XAI5582" && d.Message.Contains("csynth.xml"));
        Assert.False(File.Exists(project.PathOf("obj/Debug/xai/vendor/synthesize.stamp")));
    }

    [Fact]
    public void After_a_synthesis_run_report_json_hardware_holds_the_figures_of_the_report_file_it_names_and_flags_a_foreign_design()
    {
        using var project = VendorTestProject.Create(sdk, "<XaiBuildInferenceVariant>true</XaiBuildInferenceVariant>\n<XaiHardwareMethod>GuidedBackprop</XaiHardwareMethod>");
        var fake = FakeVitisHls.Create(project, "success");
        var result = project.Build("-t:Synthesize", $"-p:XaiVitisHlsPath={fake.Executable}");

        Assert.True(result.Succeeded, result.ToString());
        Assert.Empty(fake.Violations);
        // Both tops, each: project, sources, testbench and its data, solution, part, clock, then the steps.
        Assert.Equal(2, fake.RecordedCommands.Count(c => c == "csynth_design"));
        Assert.Equal(2, fake.RecordedCommands.Count(c => c == "csim_design"));
        Assert.Equal(2, fake.RecordedCommands.Count(c => c == "export_design"));
        Assert.DoesNotContain("cosim_design", fake.RecordedCommands);
        var script = File.ReadAllText(project.PathOf("obj/Debug/xai/vendor/synthesize.xai_top_fp.tcl"));
        Assert.Contains("set_top xai_top_fp", script);
        Assert.Contains("set_part xc7z020clg400-1", script);
        Assert.Contains("config_interface -m_axi_addr64=0 -m_axi_max_widen_bitwidth 64 -m_axi_alignment_byte_size 8 -m_axi_latency 64 -m_axi_max_read_burst_length 16 -m_axi_num_read_outstanding 16", script);
        // Design and testbench compile as synthesized: C++14, real ap_fixed, the synthesized loop nests.
        Assert.Contains("add_files src/xai_top_fp.cpp -cflags {", script);
        Assert.Contains("add_files -tb src/xai_tb_fp.cpp -cflags {", script);
        Assert.Equal(
            script.Split('\n').Count(l => l.Contains("{add_files ", StringComparison.Ordinal)),
            script.Split('\n').Count(l => l.Contains("{add_files ", StringComparison.Ordinal) && l.Contains(" -std=c++14 -DXAI_USE_AP_FIXED -DXAI_HLS_LOOPS", StringComparison.Ordinal)));

        var diagnostics = VendorTestProject.Diagnostics(result);
        Assert.Contains(diagnostics, d => d.Code == "XAI5641" && d.Kind == "warning" && d.Message.Contains("basic_output"));
        Assert.Contains(diagnostics, d => d.Code == "XAI5505"); // the test double announces no release

        var report = VendorTestProject.Report(project);
        Assert.StartsWith("ran: vitis_hls (release unknown), classic flow: xai_top, xai_top_fp (CSim, CSynth, Export)", (string?)report["stages"]!["Synthesize"]);
        Assert.Equal("not run: the targets asked for need only Synthesize", (string?)report["stages"]!["Bitstream"]);
        var hardware = report["hardware"]!.AsObject();
        Assert.Equal("GuidedBackprop", (string?)hardware["method"]);
        var tool = hardware["tools"]!["hls"]!["tools"]![0]!;
        Assert.Equal(fake.Executable, (string?)tool["path"]);
        Assert.Null(tool["version"]);
        Assert.Equal("Unknown", (string?)tool["versionFrom"]);

        foreach (var (key, top) in new[] { ("fpbp", "xai_top"), ("fp", "xai_top_fp") })
        {
            var record = hardware[key]!.AsObject();
            Assert.Equal(top, (string?)record["top"]);
            Assert.False((bool)record["matchesDesign"]!);
            Assert.Contains("'basic_output' instead of '" + top + "'", (string?)record["mismatch"]);
            var figures = record["report"]!.AsObject();
            var csynth = project.PathOf($"obj/Debug/xai/vendor/{top}/solution1/syn/report/csynth.xml");
            Assert.Contains(figures["files"]!.AsArray(), f => (string?)f!["path"] == csynth && (string?)f["kind"] == "csynth-xml");
            Assert.Equal(csynth, (string?)figures["sources"]!["resources.used.lut"]!["file"]);
            // The figures are the fixture's own (csynth.xml of 'basic_output', Vitis HLS 2023.1).
            Assert.Equal(78600, (long)figures["resources"]!["available"]!["lut"]!);
            Assert.Equal("basic_output", (string?)figures["topModule"]);
            Assert.Equal(File.ReadAllText(FakeVitisHls.FixturePath), File.ReadAllText(csynth));
        }

        Assert.Null(hardware["bpOverhead"]); // never computed from reports that are not this design's
        var html = File.ReadAllText(project.PathOf(VendorTestProject.ReportHtml));
        Assert.Contains("Hardware (vendor reports)", html);
        Assert.Contains("no: top function", html);
        Assert.Contains("syn/report/csynth.xml", html);
    }
}
