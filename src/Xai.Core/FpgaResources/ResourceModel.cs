using Xai.Attribution;
using Xai.Planning;

namespace Xai.FpgaResources;

/// <summary>
/// Resources of the accelerator hls-lib builds for an <see cref="EngineShape"/>, each with its basis:
/// <list type="bullet">
/// <item>DSP: the design's only multipliers are the convolution engine's n_oh x n_ow MACs and the
/// vector-matrix engine's tile MACs, one 16 x 16-bit multiply-accumulate per DSP48 slice (the
/// accumulator, at most 48 bits, is the slice's P register), as the paper counts them (Table IV:
/// 32, 48, 96). FP-only and FP+BP alike: BP runs on the same engines.</item>
/// <item>BRAM_18K: every memory the generated top declares, as <see cref="BramMapping"/> maps it:
/// the input buffer and the accumulators in n_oh x n_ow banks each (conv_engine.h), the conv
/// weight tile (input buffer and weight tile twice when double-buffered: the DATAFLOW step loop's
/// ping-pong channel, counted as two memories; if Vitis HLS builds it as one memory of twice the
/// depth it can take fewer blocks, so this is an upper bound) and the layer's bias buffer, the pool-index store (2 bits per pooled output) and
/// the mask store (1 bit per dense ReLU output), and with BP the buffer its pooled spans are read
/// into (networks with a pool), the side tile of a network with residual joins (one word per output-tile
/// element and buffer channel, twice when double-buffered), and the pool unit's channel buffers when a max pool
/// runs on it; the dense engine's tile is registers (also when its weights come in beats: a beat writes
/// P columns of a row, a cyclic partition of those registers). FP-only designs keep the
/// other buffers (the stores are written by FP); BP's code and its buffer are compiled out.</item>
/// <item>URAM: 0; no memory is bound to UltraRAM (Vitis HLS uses BRAM unless told otherwise).</item>
/// <item>LUT, FF: a line in the total MAC count fitted to the paper's three Table IV points (FP+BP:
/// 52.9K / 62.9K / 85.7K LUT and 26.7K / 25.6K / 34.9K FF at 32 / 48 / 96 MACs; FP-only from the FP
/// rows), the same for every board. It describes the paper's design, which this code follows but is
/// not; <see cref="LutFit"/> and <see cref="FfFit"/> keep the points and the error at each. The pool unit's
/// comparators and counters (no DSP) are not in the fit: the paper's design has no such unit.</item>
/// <item>The packed dense weight port (<c>XaiPackDenseWeights</c>): one more AXI master, counted as
/// <see cref="PackedWeightPort"/> on top of the above, from a real csynth report.</item>
/// <item>The multi-pass methods' sums in DRAM (<c>XaiPassSums</c> OffChip): their buffers leave the BRAM count, and the
/// top's <c>sums</c> port is one more AXI master, <see cref="SumsPort"/> (the same figures).</item>
/// </list>
/// Nothing here comes from a vendor tool run on this code.
/// </summary>
public static class ResourceModel
{
    public static LinearFit LutFit { get; } = Fit(r => r.LutFpBp);

    public static LinearFit FfFit { get; } = Fit(r => r.FfFpBp);

    public static LinearFit LutFitFpOnly { get; } = Fit(r => r.LutFp);

    public static LinearFit FfFitFpOnly { get; } = Fit(r => r.FfFp);

    /// <summary>
    /// The AXI master of the packed dense weight port (its own bundle, gmem_dense_weights): Vitis HLS 2020.1's estimate
    /// for a 128-bit m_axi adapter with read and write channels in a real csynth report (VecDotProduct_csynth.rpt in
    /// ../shared/fixtures/vitis, instance ddr0_m_axi_U on an xczu7ev: 8 BRAM_18K, 613 FF, 787 LUT). Taken for the
    /// read-only port and for the 64-bit one too: an upper bound (their buffers are narrower, no write channel).
    /// </summary>
    public static (int Bram18K, int Ff, int Lut) PackedWeightPort { get; } = (8, 613, 787);

    /// <summary>DSP slices: one per MAC of the two engines.</summary>
    public static int Dsps(int nOh, int nOw, int fcTile) => nOh * nOw + fcTile;

    /// <summary>
    /// A design for the build's methods: the engines (<see cref="Estimate(EngineShape, bool)"/>) plus the largest of the
    /// methods' own buffers (<see cref="ExplanationBram18K"/>), since each bitstream holds one method's top.
    /// </summary>
    public static ResourceEstimate Estimate(EngineShape e, IEnumerable<ExplanationSchedule> methods, long inputSize)
    {
        var list = methods.ToList();
        var engines = Estimate(e);
        // Off-chip sums: the top's `sums` port is one more AXI master (its own bundle: accumulator words), counted as the
        // packed weight port's (a 128-bit read/write adapter: an upper bound for this 64-bit one).
        var port = list.Any(m => m.SumsOffChip) ? SumsPort : (Bram18K: 0, Ff: 0, Lut: 0);
        return engines with
        {
            Bram18K = engines.Bram18K + (int)LargestExplanationBram18K(list, inputSize, e.AccumulatorBits),
            Lut = engines.Lut + port.Lut,
            Ff = engines.Ff + port.Ff,
        };
    }

    /// <summary>The off-chip sums' AXI master (XaiPassSums OffChip): <see cref="PackedWeightPort"/>'s figures, an upper bound.</summary>
    public static (int Bram18K, int Ff, int Lut) SumsPort => PackedWeightPort;

    /// <summary>The largest of <paramref name="methods"/>' own buffers (<see cref="ExplanationBram18K"/>); 0 for none.</summary>
    public static long LargestExplanationBram18K(IEnumerable<ExplanationSchedule> methods, long inputSize, int accumulatorBits) =>
        methods.Select(m => ExplanationBram18K(m, (int)inputSize, accumulatorBits)).DefaultIfEmpty(0).Max();

    public static ResourceEstimate Estimate(EngineShape e, bool withBp = true)
    {
        var macs = Dsps(e.NOh, e.NOw, e.FcTile);
        var port = e.DenseWeightBeat > 1 ? PackedWeightPort : (Bram18K: 0, Ff: 0, Lut: 0);
        return new ResourceEstimate(
            macs,
            (int)Bram18K(e, withBp) + port.Bram18K,
            0,
            (int)Math.Round((withBp ? LutFit : LutFitFpOnly).At(macs)) + port.Lut,
            (int)Math.Round((withBp ? FfFit : FfFitFpOnly).At(macs)) + port.Ff);
    }

    /// <summary>
    /// Words of the buffer BP through a fused pool (or of a stride-2 convolution) reads a channel's pooled rows into (conv_engine.h
    /// <c>pooled[pooled_rows][line]</c>): halo_h / 2 + 2 rows of (tile_w + max_kernel) / 2 + 1 columns.
    /// </summary>
    public static long PooledSpanWords(EngineShape e) =>
        (long)(((e.TileH + e.MaxKernel - 1) / 2) + 2) * (((e.TileW + e.MaxKernel) / 2) + 1);

    /// <summary>BRAM_18K of the memories the generated top declares (see the class remarks).</summary>
    public static long Bram18K(EngineShape e, bool withBp = true)
    {
        const int word = 16;
        var banks = e.NOh * e.NOw;
        var tc = e.BufferChannels;
        long bankH = (e.TileH + e.MaxKernel - 1 + e.NOh - 1) / e.NOh, bankW = (e.TileW + e.MaxKernel - 1 + e.NOw - 1) / e.NOw;
        long blocks = (long)(e.TileH / e.NOh) * (e.TileW / e.NOw);
        var operandCopies = e.DoubleBuffer ? 2 : 1;
        return operandCopies * banks * BramMapping.Blocks(tc * bankH * bankW, word)
            + banks * BramMapping.Blocks(tc * blocks, e.AccumulatorBits)
            + operandCopies * BramMapping.Blocks((long)tc * tc * e.MaxKernel * e.MaxKernel, word)
            + BramMapping.Blocks(e.MaxOutC, e.AccumulatorBits)
            + BramMapping.Blocks(e.PoolIndexEntries, 2)
            + BramMapping.Blocks(e.MaskBits, 1)
            + (withBp && (e.PoolIndexEntries > 0 || e.StridedConvs) ? BramMapping.Blocks(PooledSpanWords(e), word) : 0) // BP code only
            + (e.ResidualPaths ? operandCopies * BramMapping.Blocks((long)tc * e.TileH * e.TileW, word) : 0) // the side tile
            + PoolUnitBram18K(e, withBp, word);
    }

    /// <summary>
    /// The pool unit's channel buffers (pool_unit.h <c>pool_unit_buffers</c>): the input map and the pooled map, and with BP
    /// the pooled gradient and the gradient sums (accumulator words) over the map. 0 without a pool unit.
    /// </summary>
    public static long PoolUnitBram18K(EngineShape e, bool withBp, int word)
    {
        if (!e.HasPoolUnit)
        {
            return 0;
        }

        long map = (long)e.PoolUnitMaxH * e.PoolUnitMaxW, pooled = (long)((e.PoolUnitMaxH / 2) + 1) * ((e.PoolUnitMaxW / 2) + 1);
        return BramMapping.Blocks(map, word) + BramMapping.Blocks(pooled, word)
            + (withBp ? BramMapping.Blocks(pooled, word) + BramMapping.Blocks(map, e.AccumulatorBits) : 0);
    }

    /// <summary>
    /// The multi-pass driver's buffers (explain.h): the pass input and its gradient (16-bit words) and the running
    /// sums (gradient accumulator words), one word per input element each; Grad-CAM's: a weight per channel in 48-bit
    /// words (cam_t; its map at the block's resolution is partitioned into registers). 0 for a one-pass method.
    /// Integrated Gradients from a baseline image adds the image's ROM (its 8-bit pixels, one per input element).
    /// With <see cref="ExplanationSchedule.SumsOffChip"/> the three buffers are in DRAM: the ROM, the sums port's adapter and the
    /// chunk of sums the driver adds on chip (<see cref="OffChipSumChunk"/> accumulator words) remain.
    /// </summary>
    public static long ExplanationBram18K(ExplanationSchedule schedule, int inputSize, int accumulatorBits) =>
        schedule.LayerMap is { } map ? BramMapping.Blocks(map.Channels, 48)
        : schedule.MultiPass ? (schedule.SumsOffChip
                ? SumsPort.Bram18K + BramMapping.Blocks(OffChipSumChunk(inputSize), accumulatorBits)
                : 2 * BramMapping.Blocks(inputSize, 16) + BramMapping.Blocks(inputSize, accumulatorBits))
            + (schedule.FromBaseline ? BramMapping.Blocks(inputSize, 8) : 0)
        : 0;

    /// <summary>Sums the off-chip driver reads, adds and writes back per chunk (explain.h <c>pass_buffers::chunk</c>: min(N, 256)).</summary>
    public static int OffChipSumChunk(long inputSize) => (int)Math.Min(inputSize, 256);

    private static LinearFit Fit(Func<PaperTableIv.Row, int> measured) =>
        LinearFit.Through([.. PaperTableIv.Rows.Select(r => ((double)r.Macs, (double)measured(r)))]);
}
