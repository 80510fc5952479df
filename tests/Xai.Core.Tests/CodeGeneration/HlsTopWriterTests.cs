using System.Text.RegularExpressions;
using Xai.Attribution;
using Xai.CodeGeneration;
using Xai.Diagnostics;
using Xai.FpgaResources;
using Xai.Simulation;
using Xai.Stages;

namespace Xai.Core.Tests.CodeGeneration;

/// <summary>
/// The synthesizable tops and their testbench: interfaces as Vitis HLS needs them, compiled with
/// g++ against hls-lib and the generated headers, and run: the top must reproduce the bit-accurate
/// C simulation exactly, and the testbench must notice when it does not.
/// </summary>
public sealed partial class HlsTopWriterTests(OddNetworkBuild build) : IClassFixture<OddNetworkBuild>
{
    private NetworkMemorySizes Sizes => NetworkMemorySizes.For(build.Plan);

    [Fact]
    public void Sizes_match_the_generated_network_header()
    {
        var header = File.ReadAllText(build.Layout.NetworkHeader);
        long Constant(string name) => long.Parse(Regex.Match(header, $@"static const unsigned {name} = (\d+);").Groups[1].Value);
        Assert.Equal(Constant("weight_image_size"), Sizes.WeightImage);
        Assert.Equal(Constant("act_arena_size"), Sizes.ActArena);
        Assert.Equal(Constant("grad_arena_size"), Sizes.GradArena);
        Assert.Equal(3 * 10 * 14, Sizes.Input);
        Assert.Equal(4, Sizes.Classes);
    }

    [Fact]
    public void The_FP_BP_top_has_an_m_axi_port_per_array_with_depths_and_control_on_s_axilite()
    {
        var top = HlsTopWriter.WriteTop(build.Plan, AttributionMethod.GuidedBackprop, HlsTopVariant.Explain);
        var pragmas = InterfacePragma().Matches(top).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(
            [
                $"m_axi port=image offset=slave bundle=gmem_act depth={Sizes.Input}",
                $"m_axi port=weights offset=slave bundle=gmem_weights depth={Sizes.WeightImage}",
                $"m_axi port=act offset=slave bundle=gmem_act depth={Sizes.ActArena}",
                $"m_axi port=grad offset=slave bundle=gmem_grad depth={Sizes.GradArena}",
                $"m_axi port=relevance offset=slave bundle=gmem_grad depth={Sizes.Input}",
                $"m_axi port=logits offset=slave bundle=gmem_act depth={Sizes.Classes}",
                "s_axilite port=target bundle=control",
                "s_axilite port=return bundle=control",
            ],
            pragmas);
        Assert.Contains("unsigned xai_top(", top);
        Assert.Contains("explain<xai_generated::top_numerics, xai_generated::top_method>(", top);
        Assert.Contains("image, weights, act, grad, relevance, logits, target, st);", top);
        var design = HlsTopDesign.For(HlsTopVariant.Explain, AttributionMethod.GuidedBackprop, Sizes);
        Assert.Equal(["m_axi_gmem_act", "m_axi_gmem_weights", "m_axi_gmem_grad"], design.MasterInterfaces);
        Assert.Equal("xxai_top_hw.h", design.DriverHeaderName);
    }

    [Fact]
    public void The_FP_only_top_has_no_gradient_ports_and_never_runs_BP()
    {
        var top = HlsTopWriter.WriteTop(build.Plan, AttributionMethod.Saliency, HlsTopVariant.Inference);
        Assert.Contains("unsigned xai_top_fp(", top);
        Assert.DoesNotContain("port=grad", top);
        Assert.DoesNotContain("port=relevance", top);
        Assert.DoesNotContain("port=target", top);
        Assert.Contains("logits, -1, false, st);", top);
        Assert.Equal(["m_axi_gmem_act", "m_axi_gmem_weights"], HlsTopDesign.For(HlsTopVariant.Inference, AttributionMethod.Saliency, Sizes).MasterInterfaces);
    }

    [Fact]
    public void The_header_picks_the_planned_numerics_of_the_hardware_method()
    {
        var header = HlsTopWriter.WriteHeader(build.Plan, AttributionMethod.DeconvNet);
        Assert.Contains("typedef xai::DeconvNet top_method;", header);
        Assert.Contains("typedef planned_numerics<top_method>::type top_numerics;", header);
        Assert.Contains($"static_assert(xai_generated::weight_image_size == {Sizes.WeightImage}u", header);
    }

    [Fact]
    public void A_method_the_project_did_not_plan_is_a_coded_error()
    {
        var plan = build.Plan with { Numerics = build.Plan.Numerics.Where(kv => kv.Key != AttributionMethod.DeconvNet).ToDictionary() };
        var e = Assert.Throws<XaiException>(() => HlsTopWriter.WriteTop(plan, AttributionMethod.DeconvNet, HlsTopVariant.Explain));
        Assert.Equal("XAI5600", e.Diagnostic.Code);
        Assert.Contains("XaiHardwareMethod is 'DeconvNet'", e.Diagnostic.Message);
    }

    [Theory]
    [InlineData("Saliency")]
    [InlineData("GuidedBackprop")]
    public void The_tops_and_testbenches_compile_cleanly_with_gxx_in_CXX17_as_hls_lib_needs(string methodName)
    {
        var method = Enum.Parse<AttributionMethod>(methodName);
        var vendor = new VendorLayout(Path.Combine(build.Directory, "vendor-syntax-" + methodName));
        HlsSourcesStage.Run(build.Plan, method, inferenceVariant: true, null, build.Layout, vendor);
        foreach (var file in new[] { "xai_top.cpp", "xai_top_fp.cpp", "xai_tb.cpp", "xai_tb_fp.cpp" })
        {
            // HLS pragmas are unknown to g++ and allowed; hls-lib is a system include (its HLS loop labels
            // are "unused" to g++), so every other warning is one in the generated code.
            var run = ProcessRunner.Run("g++", ["-std=c++17", "-fsyntax-only", "-Wall", "-Wextra", "-Wno-unknown-pragmas", "-Werror", "-isystem", OddNetworkBuild.HlsInclude, vendor.Source(file)], vendor.SourceDirectory, CancellationToken.None)!;
            Assert.True(run.ExitCode == 0, $"{file}:\n{run.StandardError}");
        }
    }

    [Theory]
    [InlineData("xai_top.cpp", false)]
    [InlineData("xai_top_fp.cpp", false)]
    [InlineData("xai_top.cpp", true)]
    public void The_top_instantiates_one_engine_of_each_kind_whose_MACs_are_the_resource_models_DSP_count(string top, bool doubleBuffer)
    {
        var vendor = new VendorLayout(Path.Combine(build.Directory, "vendor-census-" + Path.GetFileNameWithoutExtension(top) + (doubleBuffer ? "-db" : "")));
        HlsSourcesStage.Run(build.Plan with { DoubleBuffer = doubleBuffer }, AttributionMethod.Saliency, inferenceVariant: true, null, build.Layout, vendor);

        // hls-lib's census: template instances and call sites of each engine and core, compiled at -O0
        // with the synthesized loop nests (one Vitis HLS instance per call site of a non-inlined function).
        var census = ProcessRunner.Run("sh", [Path.Combine(RepositoryLayout.Root, "hls-lib", "tests", "engine_instances", "check.sh"), "g++", vendor.Source(top), "-I", OddNetworkBuild.HlsInclude], vendor.SourceDirectory, CancellationToken.None)!;
        Assert.True(census.ExitCode == 0, census.StandardOutput + census.StandardError);
        foreach (var engine in new[] { "conv_engine", "conv_engine_core", "dense_engine", "dense_engine_core" })
        {
            Assert.Contains($"{engine}: 1 instance(s), 1 call site(s)", census.StandardOutput);
        }

        // The MACs those two instances hold, read from the generated engine configurations.
        File.WriteAllText(Path.Combine(vendor.SourceDirectory, "macs.cpp"), """
            #include <cstdio>
            #include "xai_network.h"
            typedef xai_generated::float_numerics F;
            int main() { std::printf("%u\n", xai_generated::engine<F>::n_oh * xai_generated::engine<F>::n_ow + xai_generated::fc_engine<F>::tile); }
            """);
        var exe = Path.Combine(vendor.SourceDirectory, "macs");
        var compile = ProcessRunner.Run("g++", ["-std=c++17", "-Wno-unknown-pragmas", "-I", OddNetworkBuild.HlsInclude, "macs.cpp", "-o", exe], vendor.SourceDirectory, CancellationToken.None)!;
        Assert.True(compile.ExitCode == 0, compile.StandardError);
        var macs = int.Parse(ProcessRunner.Run(exe, [], vendor.SourceDirectory, CancellationToken.None)!.StandardOutput.Trim());
        var s = build.Settings;
        Assert.Equal(ResourceModel.Dsps(s.ConvParallelismH, s.ConvParallelismW, s.FcTile), macs);
    }

    /// <summary>
    /// The C simulation's records come from its fast integer path; the tops are compiled once that way
    /// and once with <c>XAI_HLS_LOOPS</c>, the loop nests Vitis HLS synthesizes (banked buffers, flattened
    /// core, row-segment loads), and must reproduce them bit for bit both times; double-buffered too
    /// (the DATAFLOW step loop), whose C simulation is the serial engine's.
    /// </summary>
    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void The_testbench_runs_the_tops_and_they_reproduce_the_C_simulation_bit_for_bit(bool synthesizedLoops, bool doubleBuffer)
    {
        var vendor = new VendorLayout(Path.Combine(build.Directory, "vendor-run" + (synthesizedLoops ? "-hls-loops" : "") + (doubleBuffer ? "-db" : "")));
        var sources = HlsSourcesStage.Run(build.Plan with { DoubleBuffer = doubleBuffer }, AttributionMethod.GuidedBackprop, inferenceVariant: true, null, build.Layout, vendor);
        Assert.True(sources.HasTestbenchData);
        Assert.Equal(-1, sources.Target);

        foreach (var (top, tb) in new[] { ("xai_top.cpp", "xai_tb.cpp"), ("xai_top_fp.cpp", "xai_tb_fp.cpp") })
        {
            var program = Compile(vendor, top, tb, synthesizedLoops ? ["-DXAI_HLS_LOOPS"] : []);
            var run = RunTestbench(vendor, program, "-1");
            Assert.True(run.ExitCode == 0, $"{tb}: exit {run.ExitCode}\n{run.StandardOutput}\n{run.StandardError}");
            Assert.Contains("tb: PASS", run.StandardOutput);
            Assert.Contains("logits differing: 0 of 4", run.StandardOutput);
        }

        // The planned record's class is the one the top computes (a real comparison, not a copy).
        var planned = File.ReadAllBytes(vendor.Source("tb_planned.bin"));
        Assert.Equal(4 + 4 * 4 + 4 * Sizes.Input, planned.Length);
    }

    [Fact]
    public void The_testbench_fails_when_the_expected_relevance_differs_in_one_value()
    {
        var vendor = new VendorLayout(Path.Combine(build.Directory, "vendor-mismatch"));
        HlsSourcesStage.Run(build.Plan, AttributionMethod.Saliency, inferenceVariant: false, null, build.Layout, vendor);
        var program = Compile(vendor, "xai_top.cpp", "xai_tb.cpp");
        var path = vendor.Source("tb_planned.bin");
        var bytes = File.ReadAllBytes(path);
        var last = bytes.Length - 4;
        var value = BitConverter.ToSingle(bytes, last);
        BitConverter.GetBytes(value + 1f).CopyTo(bytes, last);
        File.WriteAllBytes(path, bytes);

        var run = RunTestbench(vendor, program, "-1");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("relevance differing: 1 of", run.StandardOutput);
        Assert.Contains("tb: FAIL", run.StandardOutput);
    }

    [Fact]
    public void The_testbench_refuses_a_truncated_data_file()
    {
        var vendor = new VendorLayout(Path.Combine(build.Directory, "vendor-truncated"));
        HlsSourcesStage.Run(build.Plan, AttributionMethod.Saliency, inferenceVariant: false, null, build.Layout, vendor);
        var program = Compile(vendor, "xai_top.cpp", "xai_tb.cpp");
        var path = vendor.Source("tb_weights.bin");
        File.WriteAllBytes(path, File.ReadAllBytes(path)[..^2]);

        var run = RunTestbench(vendor, program, "-1");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("tb_weights.bin does not hold exactly", run.StandardError);
    }

    [Fact]
    public void Without_simulated_images_there_is_no_testbench_data()
    {
        var layout = new BuildLayout(Path.Combine(build.Directory, "obj-empty"), build.Layout.OutputDirectory);
        Directory.CreateDirectory(layout.GeneratedDirectory);
        File.Copy(build.Layout.NetworkHeader, layout.NetworkHeader);
        File.Copy(build.Layout.NumericsHeader, layout.NumericsHeader);
        var vendor = new VendorLayout(Path.Combine(build.Directory, "vendor-empty"));
        var sources = HlsSourcesStage.Run(build.Plan, AttributionMethod.Saliency, inferenceVariant: false, 2, layout, vendor);
        Assert.False(sources.HasTestbenchData);
        Assert.Equal(2, sources.Target);
        Assert.False(File.Exists(vendor.Source("tb_planned.bin")));
        Assert.Equal(sources.Tops.Select(t => t.FunctionName), HlsSourcesStage.Load(build.Plan, vendor).Tops.Select(t => t.FunctionName));
    }

    internal static string Compile(VendorLayout vendor, string top, string tb, IReadOnlyList<string>? defines = null)
    {
        var output = Path.Combine(vendor.Directory, Path.GetFileNameWithoutExtension(tb));
        var run = ProcessRunner.Run("g++", ["-std=c++17", "-O1", "-w", .. defines ?? [], "-I" + OddNetworkBuild.HlsInclude, "-o", output, vendor.Source(top), vendor.Source(tb)], vendor.SourceDirectory, CancellationToken.None)!;
        Assert.True(run.ExitCode == 0, $"{top} + {tb}:\n{run.StandardError}");
        return output;
    }

    internal static ProcessRunner.Result RunTestbench(VendorLayout vendor, string program, string target) =>
        ProcessRunner.Run(program, [.. HlsTestbenchWriter.DataFiles, target], vendor.SourceDirectory, CancellationToken.None)!;

    [GeneratedRegex(@"#pragma HLS INTERFACE (.*)")]
    private static partial Regex InterfacePragma();
}
