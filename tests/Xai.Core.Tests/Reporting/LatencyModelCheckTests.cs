using Xai.Amd.Reports;
using Xai.Core.Tests.Amd.Reports;
using Xai.FpgaLatency;
using Xai.Reporting.Model;
using Xai.Tests;

namespace Xai.Core.Tests.Reporting;

/// <summary>
/// The per-loop comparison of the latency model with csynth: network_run's copies, whose trips the network
/// fixes, matched by label in the top's csynth loops; and the loops a real csynth.xml lists reaching the
/// normalized hardware report.
/// </summary>
public sealed class LatencyModelCheckTests
{
    internal static CsynthLoop Loop(string name, string path, long? trips, long? cycles, long? ii = 1) =>
        new(name, path, new CycleRange(trips, null, trips), new CycleRange(cycles, null, cycles), null, ii, 3);

    internal static HardwareTopRecord Record(params CsynthLoop[] loops)
    {
        var report = new HardwareReport { Latency = new HardwareLatency { Basis = "csynth", MaxCycles = 1_000_000 }, Loops = loops };
        return new HardwareTopRecord { Top = "xai_top", Stage = "Synthesize", ProducedBy = "vitis_hls 2023.2, classic flow", CollectedFrom = [], MatchesDesign = true, Report = report };
    }

    [Fact]
    public void The_copies_are_set_beside_csynths_loops_of_the_same_label()
    {
        var model = EngineCycleModel.NetworkIoLoops(3072, 10, withBp: true);
        Assert.Equal(["copy_image", "copy_logits", "copy_relevance"], model.Select(l => l.Name));
        // The loops' cycles are the model's own network_run copies: FP's two copy loops are all its DRAM loops.
        Assert.Equal(EngineCycleModel.NetworkIo(6, 3072, 10, bp: false).Memory, model[0].Cycles + model[1].Cycles);
        var record = Record(
            Loop("copy_image", "copy_image", 3072, 3075),
            Loop("layer_steps", "layer_steps", null, null, null), // trips from the descriptors: undef
            Loop("copy_logits", "layer_steps/copy_logits", 10, 12));
        var check = LatencyModelCheck.Of(record, "xai_top", 2_000_000, model)!;
        Assert.Equal(1.0, check.Error, 12);
        Assert.Equal(["copy_image", "copy_logits"], check.Loops.Select(l => l.Loop)); // copy_relevance: not in this report
        var image = check.Loops[0];
        Assert.Equal((3072L, 3072L, 1L), (image.ModelTrips, image.ReportTrips, image.ReportII!.Value));
        Assert.Equal(model[0].Cycles, image.ModelCycles);
        Assert.Equal((double)model[0].Cycles / 3075 - 1, image.Error, 12);
        // 3071 + the 30-cycle read latency + fill + entry + the write response.
        Assert.Equal(2 + 3071 + 31 + 30, image.ModelCycles);
    }

    [Fact]
    public void A_faster_clock_costs_the_copies_more_round_trip_cycles()
    {
        var at100 = EngineCycleModel.NetworkIoLoops(3072, 10, withBp: false, DramTiming.At(100));
        var at200 = EngineCycleModel.NetworkIoLoops(3072, 10, withBp: false, DramTiming.At(200));
        Assert.Equal(at100.Select(l => l.Cycles + 60), at200.Select(l => l.Cycles));
    }

    [SharedFixtureFact("SahJaiswal__MNIST_HLS__csynth.xml")]
    public void A_csynth_files_loops_reach_the_normalized_report_with_their_source()
    {
        var path = Fixtures.PathOf("SahJaiswal__MNIST_HLS__csynth.xml");
        var report = HardwareReportCollector.CollectFile(path);
        Assert.NotNull(report.Loops);
        Assert.Contains(report.Loops!, l => l.Path == "Loop3/Loop3.1" && l.PipelineII == 5);
        Assert.Equal("/profile/PerformanceEstimates/SummaryOfLoopLatency", report.Sources["loops"].Field);
        Schemas.AssertDefinition("HardwareReport", report.ToJson(), "SahJaiswal's normalized report");
    }

    private static ReportSchemas Schemas => ReportSchemas.In(RepositoryLayout.Root);
}

/// <summary>report.html's latency section lists the per-loop checks under their top.</summary>
public sealed class LatencyHtmlLoopTests(Xai.Core.Tests.CodeGeneration.OddNetworkBuild build) : IClassFixture<Xai.Core.Tests.CodeGeneration.OddNetworkBuild>
{
    [Fact]
    public void The_report_page_lists_the_loops_under_their_top()
    {
        var plan = Xai.Reporting.PlanDocument.Build(build.Plan);
        var model = EngineCycleModel.NetworkIoLoops(build.Plan.InputShape.ElementCount, build.Plan.Classes, withBp: true);
        var record = LatencyModelCheckTests.Record(LatencyModelCheckTests.Loop("copy_image", "copy_image", model[0].Trips, model[0].Cycles - 7));
        var check = LatencyModelCheck.Of(record, "xai_top", 2_000_000, model)!;
        var hardware = new HardwareSection
        {
            Method = "Saliency", NumericsProfile = "PerTensor", StagesRun = ["Synthesize"], Tools = null, Fpbp = null, Fp = null, BpOverhead = null,
            LatencyModel = [check],
        };
        var html = new System.Text.StringBuilder();
        Xai.Reporting.LatencyHtml.Render(html, plan, null, hardware);
        Assert.Contains(FormattableString.Invariant($"loop copy_image ({model[0].Trips:N0} trips, model {model[0].Trips:N0}, II 1)"), html.ToString());
    }
}
