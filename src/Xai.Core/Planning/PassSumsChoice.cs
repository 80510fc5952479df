using Xai.Attribution;
using Xai.FpgaResources;

namespace Xai.Planning;

/// <summary>
/// Resolves XaiPassSums' <see cref="PassSumsPlacement.Auto"/> for a plan: on chip when the design, with the largest
/// method's buffers there, fits the board (ResourceFit's test), else off chip if the design fits that way (no BRAM for
/// them, one more AXI master), else on chip, for the fit check to report. A build without a multi-pass method keeps
/// OnChip (nothing to place).
/// </summary>
public static class PassSumsChoice
{
    public static PassSumsPlacement Resolve(DesignPlan plan)
    {
        if (plan.Explanation.PassSums != PassSumsPlacement.Auto)
        {
            return plan.Explanation.PassSums;
        }

        var onChip = plan with { Explanation = plan.Explanation with { PassSums = PassSumsPlacement.OnChip } };
        var schedules = onChip.Methods.Select(onChip.ScheduleOf).ToList();
        if (!schedules.Any(s => s.MultiPass))
        {
            return PassSumsPlacement.OnChip;
        }

        bool Fits(IEnumerable<ExplanationSchedule> methods) =>
            ResourceFit.Overflows(ResourceModel.Estimate(EngineShape.For(onChip), methods, plan.InputShape.ElementCount), plan.BoardResources).Count == 0;
        return Fits(schedules) || !Fits(schedules.Select(s => s.MultiPass ? s with { SumsOffChip = true } : s))
            ? PassSumsPlacement.OnChip
            : PassSumsPlacement.OffChip;
    }
}
