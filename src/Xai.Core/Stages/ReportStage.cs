using Xai.IO;
using Xai.Projects;
using Xai.Reporting;
using Xai.Reporting.Model;

namespace Xai.Stages;

/// <summary>
/// Stage "Report": report.json (<see cref="XaiReport"/>, schema <c>xai-report/1</c>) from the plan, the C
/// simulation and the vendor stages, and report.html beside it for people.
/// </summary>
public static class ReportStage
{
    public static XaiReport Build(ProjectSettings settings, BuildLayout layout, IReadOnlyList<string> classNames, IReadOnlyDictionary<string, string> stages)
    {
        var plan = PlanDocument.Read(layout.PlanFile);
        var hardware = HardwareSectionLoader.Load(VendorLayout.For(layout), stages);
        if (hardware is not null)
        {
            var latency = plan.Latency;
            var inputSize = plan.Input.Aggregate(1L, (a, d) => a * d);
            var dram = FpgaLatency.DramTiming.At(plan.Engine.ClockMHz);
            hardware = hardware with
            {
                LatencyModel = [.. new[]
                {
                    LatencyModelCheck.Of(hardware.Fpbp, "xai_top", latency.FpCycles + latency.BpCycles,
                        FpgaLatency.EngineCycleModel.NetworkIoLoops(inputSize, plan.Classes, withBp: true, dram)),
                    LatencyModelCheck.Of(hardware.Fp, "xai_top_fp", latency.FpCycles,
                        FpgaLatency.EngineCycleModel.NetworkIoLoops(inputSize, plan.Classes, withBp: false, dram)),
                }.OfType<LatencyModelCheck>()],
            };
        }

        return new XaiReport
        {
            Project = Path.GetFileName(settings.ProjectFile),
            Board = settings.Board.Id,
            Part = settings.Board.Part,
            BoardPart = settings.Board.BoardPart,
            Methods = [.. settings.Methods.Select(m => m.ToString())],
            Numerics = settings.Numerics.ToString(),
            ClassNames = [.. classNames],
            Memory = plan.Memory,
            Plan = plan,
            Csim = CSimStage.Load(layout),
            Stages = new Dictionary<string, string>(stages),
            Hardware = hardware,
            Explore = ExploreStage.Load(layout, settings, plan.Network),
            SanityCheck = SanityCheckStage.Load(layout),
        };
    }

    public static XaiReport Run(ProjectSettings settings, BuildLayout layout, IReadOnlyList<string> classNames, IReadOnlyDictionary<string, string> stages)
    {
        var report = Build(settings, layout, classNames, stages);
        AtomicFile.WriteAllText(layout.ReportJson, ReportDocument.Serialize(report));
        AtomicFile.WriteAllText(layout.ReportHtml, ReportHtml.Render(report));
        return report;
    }
}
