using System.Globalization;
using Xai.Core.Tests.CodeGeneration;
using Xai.FpgaLatency;
using Xai.FpgaResources;
using Xai.Onnx;
using Xai.Planning;
using Xai.Simulation;

namespace Xai.Core.Tests.FpgaLatency;

/// <summary>
/// The C# cycle model against hls-lib's own (<c>xai/engine_cycles.h</c>), compiled with g++: every
/// count of every layer in both passes, and of each whole pass, must be equal, on the generated header
/// of a real build (odd network, 4x4) and on the paper's Table III network at Table IV's three
/// configurations, serial and double-buffered, and with the dense weights packed (4 and 8 per beat).
/// </summary>
public sealed class EngineCycleModelTests(OddNetworkBuild build) : IClassFixture<OddNetworkBuild>
{
    private static readonly Lazy<IReadOnlyList<HardwareLayer>> Table3 = new(() =>
    {
        var model = Path.Combine(RepositoryLayout.Root, "samples", "table3", "table3.onnx");
        return HardwareLayerMapper.Map(new OnnxModelImporter().Import(model), model);
    });

    /// <summary>What the C++ program prints per layer and pass, and per whole pass: the counts both models keep.</summary>
    private const string PrintCounts = """
        static void print(const char* what, unsigned l, const xai::cycle_model::cycle_count& c) {
            std::printf("%s %u %llu %llu %llu %llu %llu %llu %llu %llu %llu %llu %llu\n", what, l, c.compute, c.memory, c.setup,
                        c.overlapped, c.total(), c.dram_loops, c.macs, c.core, c.core_calls,
                        c.input + c.pooled + c.weights + c.bias, c.store);
        }
        template <class CE, class DE, class NET, unsigned NL> static void print_network(const char* tag, unsigned input_size, unsigned n_classes) {
            for (int bp = 0; bp < 2; bp++) {
                for (unsigned l = 0; l < NL; l++)
                    print(tag, l * 2 + bp, xai::cycle_model::layer_cycles<CE, DE>(NET::layers[l], bp != 0, 1));
                print(tag, 1000 + bp, xai::cycle_model::network_io_cycles(NL, input_size, n_classes, bp != 0, 1));
                print(tag, 2000 + bp, xai::cycle_model::pass_cycles<CE, DE>(NET::layers, NL, input_size, n_classes, bp != 0, 1));
            }
        }
        """;

    private static string Line(string tag, int id, CycleCount c) =>
        string.Join(' ', new object[] { tag, id, c.Compute, c.Memory, c.Setup, c.Overlapped, c.Total, c.DramLoops, c.Macs, c.Core, c.CoreCalls, c.Input + c.Pooled + c.Weights + c.Bias, c.Store }
            .Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)));

    private static IEnumerable<string> Lines(string tag, IReadOnlyList<HardwareLayer> layers, EngineShape e, long inputSize, int classes)
    {
        for (var bp = 0; bp < 2; bp++)
        {
            // The whole pass as LatencyModel sums it (CycleCount.Add), against pass_cycles.
            var pass = EngineCycleModel.NetworkIo(layers.Count, inputSize, classes, bp != 0);
            var writes = BackwardWrites.Of(layers);
            for (var l = 0; l < layers.Count; l++)
            {
                var layer = EngineCycleModel.Layer(layers[l], e, bp != 0, gradAccumulate: writes.AccumulatesAt(l));
                pass.Add(layer);
                yield return Line(tag, l * 2 + bp, layer);
            }

            yield return Line(tag, 1000 + bp, EngineCycleModel.NetworkIo(layers.Count, inputSize, classes, bp != 0));
            yield return Line(tag, 2000 + bp, pass);
        }
    }

    private static List<string> CompileAndRun(string directory, string source)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "cycles.cpp"), source);
        var exe = Path.Combine(directory, "cycles");
        var compile = ProcessRunner.Run("g++", ["-std=c++17", "-O1", "-Wno-unknown-pragmas", "-I", OddNetworkBuild.HlsInclude, "-I", directory, "cycles.cpp", "-o", exe], directory, CancellationToken.None)!;
        Assert.True(compile.ExitCode == 0, compile.StandardError);
        var run = ProcessRunner.Run(exe, [], directory, CancellationToken.None)!;
        Assert.Equal(0, run.ExitCode);
        return [.. run.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)];
    }

    [Fact]
    public void The_generated_networks_counts_equal_hls_libs_model() => AssertGeneratedCountsEqual(build, "odd");

    /// <summary>Compiles hls-lib's model on <paramref name="build"/>'s generated header and compares every count with the C# model's.</summary>
    internal static void AssertGeneratedCountsEqual(OddNetworkBuild build, string tag)
    {
        var dir = Path.Combine(build.Directory, "cycles-generated");
        Directory.CreateDirectory(dir);
        File.Copy(build.Layout.NetworkHeader, Path.Combine(dir, "xai_network.h"), overwrite: true);
        File.Copy(build.Layout.NumericsHeader, Path.Combine(dir, Path.GetFileName(build.Layout.NumericsHeader)), overwrite: true);
        var cpp = CompileAndRun(dir, $$"""
            #include <cstdio>
            #include "xai/engine_cycles.h"
            #include "xai_network.h"
            using namespace xai_generated;
            typedef float_numerics F;
            {{PrintCounts}}
            int main() { print_network<engine<F>, fc_engine<F>, network<F>, n_layers>("{{tag}}", input_size, n_classes); }
            """);
        var plan = build.Plan;
        var cs = Lines(tag, plan.Layers, EngineShape.For(plan), plan.InputShape.ElementCount, plan.Classes).ToList();
        Assert.Equal(2 * (plan.Layers.Count + 2), cpp.Count);
        Assert.Equal(cpp, cs);
    }

    [Fact]
    public void Table3s_counts_at_the_three_Table_IV_configurations_serial_double_buffered_and_packed_equal_hls_libs_model()
    {
        var dir = Path.Combine(build.Directory, "cycles-table3");
        var cpp = CompileAndRun(dir, $$"""
            #include <cstdio>
            #include "xai/engine_cycles.h"
            #include "{{Path.Combine(RepositoryLayout.Root, "hls-lib", "examples", "table3", "table3_top.h")}}"
            typedef table3::float_numerics F;
            template <unsigned NOH, unsigned NOW, bool DB> struct conv_cfg : table3::engine<F> {
                static const unsigned n_oh = NOH, n_ow = NOW;
                static const bool double_buffer = DB;
            };
            template <unsigned T> struct fc_cfg : table3::fc_engine<F> { static const unsigned tile = T; };
            template <unsigned T, unsigned P> struct fc_packed : fc_cfg<T> { static const unsigned weight_beat = P; };
            {{PrintCounts}}
            typedef table3::network<F> NET;
            int main() {
                print_network<conv_cfg<4, 4, false>, fc_cfg<16>, NET, NET::n_layers>("4x4", table3::input_size, table3::n_classes);
                print_network<conv_cfg<4, 8, false>, fc_cfg<16>, NET, NET::n_layers>("4x8", table3::input_size, table3::n_classes);
                print_network<conv_cfg<8, 8, false>, fc_cfg<32>, NET, NET::n_layers>("8x8", table3::input_size, table3::n_classes);
                print_network<conv_cfg<4, 4, true>, fc_cfg<16>, NET, NET::n_layers>("4x4db", table3::input_size, table3::n_classes);
                print_network<conv_cfg<4, 8, true>, fc_cfg<16>, NET, NET::n_layers>("4x8db", table3::input_size, table3::n_classes);
                print_network<conv_cfg<8, 8, true>, fc_cfg<32>, NET, NET::n_layers>("8x8db", table3::input_size, table3::n_classes);
                print_network<conv_cfg<4, 4, false>, fc_packed<16, 4>, NET, NET::n_layers>("4x4pw", table3::input_size, table3::n_classes);
                print_network<conv_cfg<4, 8, false>, fc_packed<16, 8>, NET, NET::n_layers>("4x8pw", table3::input_size, table3::n_classes);
                print_network<conv_cfg<8, 8, true>, fc_packed<32, 8>, NET, NET::n_layers>("8x8dbpw", table3::input_size, table3::n_classes);
            }
            """);
        var layers = Table3.Value;
        var configs = new[] { (4, 4, 16), (4, 8, 16), (8, 8, 32) };
        var cs = new[] { false, true }
            .SelectMany(db => configs.SelectMany(c => Lines(
                $"{c.Item1}x{c.Item2}{(db ? "db" : "")}", layers, EngineShape.For(layers, c.Item1, c.Item2, 16, 16, 16, 16, c.Item3, db), 3 * 32 * 32, 10)))
            .ToList();
        cs.AddRange(Lines("4x4pw", layers, EngineShape.For(layers, 4, 4, 16, 16, 16, 16, 16, false, 4), 3 * 32 * 32, 10));
        cs.AddRange(Lines("4x8pw", layers, EngineShape.For(layers, 4, 8, 16, 16, 16, 16, 16, false, 8), 3 * 32 * 32, 10));
        cs.AddRange(Lines("8x8dbpw", layers, EngineShape.For(layers, 8, 8, 16, 16, 16, 16, 32, true, 8), 3 * 32 * 32, 10));
        Assert.Equal(3 * 3 * 2 * (layers.Count + 2), cpp.Count);
        Assert.Equal(cpp, cs);

        // Not vacuous: double buffering hides cycles there, and serial hides none.
        var serial = EngineShape.For(layers, 4, 4, 16, 16, 16, 16, 16);
        var overlapped = serial with { DoubleBuffer = true };
        Assert.All(layers, l => Assert.Equal(0, EngineCycleModel.Layer(l, serial, bp: false).Overlapped));
        Assert.Contains(layers, l => l is ConvBlockLayer && EngineCycleModel.Layer(l, overlapped, bp: false).Overlapped > 0);
        // ... and packing shortens the dense layers' weight loads, nothing else.
        var packed = serial with { DenseWeightBeat = 4 };
        Assert.All(layers, l => Assert.True(l is DenseBlockLayer
            ? EngineCycleModel.Layer(l, packed, bp: true).Memory < EngineCycleModel.Layer(l, serial, bp: true).Memory
            : EngineCycleModel.Layer(l, packed, bp: true).Total == EngineCycleModel.Layer(l, serial, bp: true).Total));
    }
}
