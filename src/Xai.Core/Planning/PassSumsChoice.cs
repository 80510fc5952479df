using Xai.Attribution;
using Xai.Boards;
using Xai.FpgaResources;

namespace Xai.Planning;

/// <summary>
/// Resolves XaiPassSums' <see cref="PassSumsPlacement.Auto"/>: on chip when the design, with the largest method's buffers
/// there, fits the board (ResourceFit's test), else off chip if the design fits that way (one chunk of sums on chip, two
/// more ports), else on chip, for the fit check to report. A build without a multi-pass method keeps OnChip (nothing to
/// place). The plan resolves it for its configuration; the exploration for each candidate, by the same rule, as the
/// candidate's sibling build then does.
/// </summary>
public static class PassSumsChoice
{
    public static PassSumsPlacement Resolve(DesignPlan plan)
    {
        var onChip = plan with { Explanation = plan.Explanation with { PassSums = PassSumsPlacement.OnChip } };
        var schedules = onChip.Methods.Select(onChip.ScheduleOf).ToList();
        return Resolve(plan.Explanation.PassSums, EngineShape.For(onChip), schedules, plan.InputShape.ElementCount, plan.BoardResources);
    }

    /// <param name="requested">The project's XaiPassSums.</param>
    /// <param name="methods">The build's methods with their buffers on chip.</param>
    public static PassSumsPlacement Resolve(PassSumsPlacement requested, EngineShape shape, IReadOnlyList<ExplanationSchedule> methods, long inputSize, BoardResources board)
    {
        if (requested != PassSumsPlacement.Auto)
        {
            return requested;
        }

        if (!methods.Any(s => s.MultiPass))
        {
            return PassSumsPlacement.OnChip;
        }

        bool Fits(IEnumerable<ExplanationSchedule> m) => ResourceFit.Overflows(ResourceModel.Estimate(shape, m, inputSize), board).Count == 0;
        return Fits(methods) || !Fits(Placed(methods, PassSumsPlacement.OffChip)) ? PassSumsPlacement.OnChip : PassSumsPlacement.OffChip;
    }

    /// <summary><paramref name="methods"/> with the multi-pass ones' buffers where <paramref name="placement"/> (OnChip or OffChip) puts them.</summary>
    public static IReadOnlyList<ExplanationSchedule> Placed(IEnumerable<ExplanationSchedule> methods, PassSumsPlacement placement) =>
        [.. methods.Select(s => s.MultiPass ? s with { SumsOffChip = placement == PassSumsPlacement.OffChip } : s)];
}
