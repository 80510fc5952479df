using System.Globalization;
using Xai.Attribution;
using Xai.Boards;
using Xai.Diagnostics;
using Xai.Planning;

namespace Xai.FpgaResources;

/// <summary>
/// Whether a design fits its board, before any vendor tool runs. DSP and BRAM_18K are counted
/// from the design, so any excess is an error; LUT and FF come from a fitted model, so they are an
/// error only when even the model's largest error on its own points (<see cref="LinearFit.MaxRelativeError"/>)
/// cannot bring them under the board's figure.
/// </summary>
public static class ResourceFit
{
    /// <summary>One resource the design needs more of than the board has.</summary>
    public sealed record Overflow(string Resource, int Needed, int Available)
    {
        public override string ToString() =>
            $"{Resource} {Needed.ToString("N0", CultureInfo.InvariantCulture)} of {Available.ToString("N0", CultureInfo.InvariantCulture)} ({((double)Needed / Available).ToString("P0", CultureInfo.InvariantCulture)}, {(Needed - Available).ToString("N0", CultureInfo.InvariantCulture)} over)";
    }

    public static IReadOnlyList<Overflow> Overflows(ResourceEstimate e, BoardResources board)
    {
        var lutSlack = 1 - ResourceModel.LutFit.MaxRelativeError;
        var ffSlack = 1 - ResourceModel.FfFit.MaxRelativeError;
        var list = new List<Overflow>();
        if (e.Dsp > board.Dsp) list.Add(new("DSP", e.Dsp, board.Dsp));
        if (e.Bram18K > board.Bram18K) list.Add(new("BRAM_18K", e.Bram18K, board.Bram18K));
        if (e.Lut * lutSlack > board.Luts) list.Add(new("LUT (model)", e.Lut, board.Luts));
        if (e.Ff * ffSlack > board.FlipFlops) list.Add(new("FF (model)", e.Ff, board.FlipFlops));
        return list;
    }

    /// <summary>
    /// The fitting configuration with the most MACs (then the most conv MACs, the fewest LUTs, the squarest array), or null if none fits;
    /// with <paramref name="methods"/>, counting the largest of their own buffers as <see cref="Check"/> does.
    /// </summary>
    public static (int NOh, int NOw, int FcTile, ResourceEstimate Estimate)? LargestFitting(IReadOnlyList<HardwareLayer> layers, BoardResources board, int tileCi, int tileCo,
        IReadOnlyList<ExplanationSchedule>? methods = null, long inputSize = 0)
    {
        var fits =
            from s in EngineChoices.Shapes(layers, tileCi, tileCo)
            let e = ResourceModel.Estimate(s, methods ?? [], inputSize)
            where Overflows(e, board).Count == 0
            orderby e.Dsp descending, s.NOh * s.NOw descending, e.Lut, Math.Abs(s.NOh - s.NOw), s.NOh descending
            select (s.NOh, s.NOw, s.FcTile, e);
        return fits.Cast<(int, int, int, ResourceEstimate)?>().FirstOrDefault();
    }

    /// <summary>
    /// XAI1110 when <paramref name="plan"/> does not fit <paramref name="board"/>: what overflows, by how much, and the
    /// largest design that fits. The engines' BRAM plus the largest of the methods' own buffers (each bitstream
    /// holds one method's top: the multi-pass sums, Grad-CAM's weights, IG's baseline ROM).
    /// </summary>
    public static void Check(DesignPlan plan, Board board, string projectFile)
    {
        var shape = EngineShape.For(plan);
        var schedules = plan.Methods.Select(plan.ScheduleOf).ToList();
        var estimate = ResourceModel.Estimate(shape, schedules, plan.InputShape.ElementCount);
        var methods = ResourceModel.LargestExplanationBram18K(schedules, plan.InputShape.ElementCount, shape.AccumulatorBits);
        var overflows = Overflows(estimate, board.Resources);
        if (overflows.Count == 0)
        {
            return;
        }

        static string Configuration((int NOh, int NOw, int FcTile, ResourceEstimate Estimate) c) =>
            $"XaiConvParallelism {c.NOh}x{c.NOw} with XaiFcTile {c.FcTile} ({c.Estimate.Dsp} DSP, {c.Estimate.Bram18K} BRAM_18K, about {c.Estimate.Lut / 1000.0:0.#}K LUT)";
        var best = LargestFitting(plan.Layers, board.Resources, plan.ConvTileCi, plan.ConvTileCo, schedules, plan.InputShape.ElementCount);
        // Multi-pass buffers on chip: would DRAM (XaiPassSums OffChip) let this or a larger configuration fit?
        var offChip = schedules.Any(s => s.MultiPass && !s.SumsOffChip) ? PassSumsChoice.Placed(schedules, PassSumsPlacement.OffChip) : null;
        var bestOffChip = offChip is null ? null : LargestFitting(plan.Layers, board.Resources, plan.ConvTileCi, plan.ConvTileCo, offChip, plan.InputShape.ElementCount);
        var hint = best is { } b ? $"The largest configuration that fits is {Configuration(b)}."
            : bestOffChip is null ? "No configuration of this network fits the board; choose a larger board."
            : "No configuration fits with the multi-pass methods' pass input and sums on chip.";
        if (offChip is not null && Overflows(ResourceModel.Estimate(shape, offChip, plan.InputShape.ElementCount), board.Resources).Count == 0)
        {
            hint += " Or set XaiPassSums to OffChip (or Auto): with the multi-pass methods' pass input and sums in DRAM this configuration fits.";
        }
        else if (bestOffChip is { } o && (best is null || o.Estimate.Dsp > best.Value.Estimate.Dsp))
        {
            hint += $" With XaiPassSums OffChip (their pass input and sums in DRAM) the largest that fits is {Configuration(o)}.";
        }
        throw new XaiException(DiagnosticCatalog.ExceedsBoardResources,
            $"Properties 'XaiConvParallelism' ({plan.ConvParallelismH}x{plan.ConvParallelismW}) and 'XaiFcTile' ({plan.FcTile}) give a design that does not fit board '{board.Id}': {string.Join("; ", overflows)}{(methods > 0 ? $" (BRAM_18K includes {methods} for the largest of XaiMethods' own buffers)" : "")}. {hint}",
            projectFile);
    }
}
