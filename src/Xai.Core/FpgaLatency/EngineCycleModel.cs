using Xai.FpgaResources;
using Xai.Planning;
using static Xai.FpgaLatency.CycleModelAssumptions;

namespace Xai.FpgaLatency;

/// <summary>
/// hls-lib's cycle model (<c>xai/engine_cycles.h</c>) in C#, loop for loop, so that the planner and
/// the design-space exploration can ask it about any configuration in microseconds instead of
/// compiling C++ per configuration. The C++ header stays the reference (it sits beside the loops it
/// describes); <c>EngineCycleModelTests</c> compiles it and checks every count here against it.
/// </summary>
public static class EngineCycleModel
{
    /// <summary>A pipelined loop at II 1 with <paramref name="trips"/> iterations and pipeline depth <paramref name="depth"/>.</summary>
    public static long PipelinedLoop(long trips, int depth) => PipelinedLoopEntry + (trips > 0 ? trips - 1 + depth : 0);

    private static long Beats(long n, int epb) => (n + epb - 1) / epb;

    private static long ReadLoop(long n, DramTiming t) => n > 0 ? PipelinedLoop(Beats(n, t.ElementsPerBeat), t.ReadLatency + ReadLoopDepth) : PipelinedLoop(0, 0);

    private static long WriteLoop(long n, DramTiming t) => n > 0 ? PipelinedLoop(Beats(n, t.ElementsPerBeat), StoreLoopDepth) + t.WriteLatency : PipelinedLoop(0, 0);

    private static long CopyLoop(long n, DramTiming t) => n > 0 ? PipelinedLoop(Beats(n, t.ElementsPerBeat), t.ReadLatency + 1) + t.WriteLatency : PipelinedLoop(0, 0);

    private static void DramRead(CycleCount c, long n, DramTiming dram)
    {
        c.Memory += ReadLoop(n, dram);
        if (n > 0) c.DramLoops++;
    }

    private static void DramWrite(CycleCount c, long n, DramTiming dram)
    {
        c.Memory += WriteLoop(n, dram);
        if (n > 0) c.DramLoops++;
    }

    /// <summary>
    /// One pass of a layer on the engine its kind names; <paramref name="gradAccumulate"/>: its BP adds to the
    /// gradient at its input (a fork, <see cref="BackwardWrites"/>).
    /// </summary>
    public static CycleCount Layer(HardwareLayer layer, EngineShape e, bool bp, DramTiming? timing = null, bool gradAccumulate = false) => Layer(layer, e, bp, timing ?? DramTiming.AsWritten, gradAccumulate);

    private static CycleCount Layer(HardwareLayer layer, EngineShape e, bool bp, DramTiming dram, bool gradAccumulate) => layer switch
    {
        ConvBlockLayer c => Conv(c.Conv.InputShape.Height, c.Conv.InputShape.Width, c.Conv.KernelSize, c.Conv.InChannels, c.Conv.OutChannels, c.Pool, e, bp, dram, ConvGrid.Of(c.Conv), c.Conv.Depthwise,
            residual: c.ResidualFrom is not null, gradAccumulate: gradAccumulate),
        DenseBlockLayer d => Dense(d.Dense.InFeatures, d.Dense.OutFeatures, e.FcTile, bp, dram, e.DenseWeightBeat),
        PoolBlockLayer p => Pool(p.InputShape.Channels, p.InputShape.Height, p.InputShape.Width, p.OutputShape.Height, p.OutputShape.Width, p.Pool.KernelSize, bp, dram, gradAccumulate),
        _ => throw new ArgumentException($"No engine runs layer kind {layer.GetType().Name}.", nameof(layer)),
    };

    /// <summary>
    /// conv_engine under XAI_HLS_LOOPS for a convolution of an H x W input, step by step (output tile x
    /// input-channel tile: loads, then init, core and store) over its 'same' convolution, storing the
    /// points of <paramref name="grid"/> (all of them when null: stride 1, 'same' padding). With
    /// <see cref="EngineShape.DoubleBuffer"/> each step pays <see cref="CycleModelAssumptions.DataflowStepHandshake"/>
    /// and hides min(its loads, the previous step's compute) in <see cref="CycleCount.Overlapped"/>.
    /// With <see cref="EngineShape.ResidualPaths"/>, a <paramref name="residual"/> join reads its skip tile with an
    /// output tile's last step (FP) and writes the skip's gradient on the first output-channel tile's steps (BP),
    /// and a layer that <paramref name="gradAccumulate"/>s reads grad_in's tile back with its last step (BP).
    /// </summary>
    public static CycleCount Conv(int height, int width, int kernel, int inC, int outC, bool pool, EngineShape e, bool bp, DramTiming dram, ConvGrid? grid = null, bool depthwise = false,
        bool residual = false, bool gradAccumulate = false)
    {
        var c = new CycleCount();
        var g = grid ?? ConvGrid.Identity;
        bool decimated = !pool && !g.IsIdentity;
        int H = height, W = width, K = kernel, pad = (kernel - 1) / 2;
        int OH = pool ? H / 2 : g.Points(H, g.SkipTop, g.SkipBottom), OW = pool ? W / 2 : g.Points(W, g.SkipLeft, g.SkipRight), KK = K * K;
        int nOut = bp ? inC : outC, nIn = bp ? outC : inC;
        int tDw = Math.Min(e.TileCi, e.TileCo); // depthwise: one channel tile, in and out alike
        int tOut = depthwise ? tDw : bp ? e.TileCi : e.TileCo, tIn = depthwise ? tDw : bp ? e.TileCo : e.TileCi;
        int tc = Math.Max(e.TileCi, e.TileCo);
        int blocksH = e.TileH / e.NOh, blocksW = e.TileW / e.NOw;
        int bankH = (e.TileH + e.MaxKernel - 1 + e.NOh - 1) / e.NOh, bankW = (e.TileW + e.MaxKernel - 1 + e.NOw - 1) / e.NOw;
        c.Lanes = (long)e.NOh * e.NOw;
        c.Macs = (long)outC * (depthwise ? 1 : inC) * KK * (decimated ? (long)OH * OW : (long)H * W); // a grid's points only
        if (!bp)
        {
            c.Bias += outC;
            DramRead(c, outC, dram);
        }

        // Cycles of the pass so far (loop control included), to measure each step's two halves.
        long Spent() => c.Compute + c.Memory + c.Setup + (c.Control * OuterLoopIteration);
        long prevCompute = 0; // compute half of the previous step (0 before the first)

        // The residual paths' DRAM loops: channels x the tile's rows of the H x W map, a burst per row
        // segment, read (load_side_row) or written (store_skip_grad_row).
        void TileRows(int channels, int y0, int x0, bool write)
        {
            for (int ch = 0; ch < channels; ch++)
            {
                c.Control++;
                for (int r = 0; r < e.TileH && y0 + r < H; r++)
                {
                    c.Control++;
                    int n = Math.Min(W, x0 + e.TileW) - x0;
                    if (write)
                    {
                        c.Store += n;
                        DramWrite(c, n, dram);
                    }
                    else
                    {
                        c.Input += n;
                        DramRead(c, n, dram);
                    }
                }
            }
        }

        // The store of an output tile (after its last input-channel tile): row segments.
        void StoreTile(int nO, int y0, int x0)
        {
            for (int o = 0; o < nO; o++)
            {
                c.Control++; // store
                if (bp)
                {
                    for (int r = 0; r < e.TileH && y0 + r < H; r++)
                    {
                        c.Control++;
                        int n = Math.Min(W, x0 + e.TileW) - x0; // store_bp_row
                        c.Store += n;
                        DramWrite(c, n, dram);
                    }
                }
                else if (!pool)
                {
                    // store_fp_row: the output grid's points in the tile
                    int oyLo = g.First(y0, g.SkipTop), oyHi = Math.Min(OH, g.First(y0 + e.TileH, g.SkipTop));
                    int oxLo = g.First(x0, g.SkipLeft), oxHi = Math.Min(OW, g.First(Math.Min(W, x0 + e.TileW), g.SkipLeft));
                    for (int oy = oyLo; oy < oyHi; oy++)
                    {
                        c.Control++;
                        int n = Math.Max(oxHi - oxLo, 0);
                        c.Store += n;
                        DramWrite(c, n, dram);
                    }
                }
                else
                {
                    for (int pr = 0; pr < e.TileH / 2 && y0 / 2 + pr < OH; pr++)
                    {
                        c.Control++;
                        int n = Math.Max(Math.Min(OW, x0 / 2 + e.TileW / 2) - x0 / 2, 0); // store_fp_pooled_row
                        c.Store += n;
                        DramWrite(c, n, dram);
                    }
                }
            }
        }

        // The steps (output tile x input-channel tile), in conv_step_at's order.
        for (int o0 = 0; o0 < nOut; o0 += tOut)
        {
            int nO = Math.Min(nOut - o0, tOut);
            for (int y0 = 0; y0 < H; y0 += e.TileH)
            {
                for (int x0 = 0; x0 < W; x0 += e.TileW)
                {
                    int xLo = Math.Max(x0 - pad, 0), xHi = Math.Min(W, x0 + e.TileW + pad);
                    int rLo = y0 < pad ? pad - y0 : 0, rHi = Math.Min(e.TileH + K - 1, H + pad - y0); // rows_in_map
                    // Depthwise: one input-channel tile, the output tile's own channels.
                    for (int i0 = depthwise ? o0 : 0; i0 < (depthwise ? o0 + 1 : nIn); i0 += tIn)
                    {
                        c.Control++; // conv_steps_serial / conv_steps_overlapped
                        if (e.DoubleBuffer) c.Setup += DataflowStepHandshake;
                        long loadFrom = Spent();
                        int nI = depthwise ? nO : Math.Min(nIn - i0, tIn);
                        long clear = (long)tc * bankH * bankW;
                        c.Clear += clear;
                        c.Setup += PipelinedLoop(clear, OnChipLoopDepth);
                        for (int ch = 0; ch < nI; ch++)
                        {
                            c.Control++; // load_input (not pipelined)
                            if (!bp || (!pool && !decimated))
                            {
                                long span = (long)(rHi - rLo - 1) * W + (xHi - xLo); // load_input_span, one burst
                                c.Input += span;
                                DramRead(c, span, dram);
                                continue;
                            }

                            int yFirst = y0 + rLo - pad, yLast = y0 + rHi - 1 - pad;
                            if (decimated && g.Stride == 1)
                            {
                                // load_bp_cropped_span: one burst over the grid points of the halo
                                int gyLo = g.First(yFirst, g.SkipTop), gyHi = Math.Min(OH, g.First(yLast + 1, g.SkipTop));
                                int gxLo = g.First(xLo, g.SkipLeft), gxHi = Math.Min(OW, g.First(xHi, g.SkipLeft));
                                long cropped = gyHi > gyLo && gxHi > gxLo ? ((long)(gyHi - gyLo - 1) * OW) + (gxHi - gxLo) : 0;
                                c.Input += cropped;
                                DramRead(c, cropped, dram);
                                continue;
                            }

                            // load_bp_pooled_span (pooled_window_of, or the stride-2 grid's window): one burst over the rows the halo needs; then unpool
                            int pyLo = pool ? yFirst / 2 : g.First(yFirst, g.SkipTop), pyHi = Math.Min(OH, pool ? (yLast / 2) + 1 : g.First(yLast + 1, g.SkipTop));
                            int pxLo = pool ? xLo / 2 : g.First(xLo, g.SkipLeft), pxHi = Math.Min(OW, pool ? (xHi + 1) / 2 : g.First(xHi, g.SkipLeft));
                            long pooledSpan = pyHi > pyLo && pxHi > pxLo ? ((long)(pyHi - pyLo - 1) * OW) + (pxHi - pxLo) : 0; // pooled_span
                            c.Pooled += pooledSpan;
                            DramRead(c, pooledSpan, dram);
                            long unpool = (long)(rHi - rLo) * (xHi - xLo);
                            c.Unpool += unpool;
                            c.Setup += PipelinedLoop(unpool, OnChipLoopDepth);
                        }

                        bool last = depthwise || i0 + tIn >= nIn;
                        if (e.ResidualPaths && last && (bp ? gradAccumulate : residual))
                        {
                            TileRows(nO, y0, x0, write: false); // load_side: one burst per row segment
                        }

                        if (depthwise)
                        {
                            for (int o = 0; o < nO; o++)
                            {
                                c.Control++; // load_w_dw, one run of K*K each (load_w_dw_run)
                                c.Weights += KK;
                                DramRead(c, KK, dram);
                            }
                        }

                        for (int o = 0; !depthwise && o < nO; o++)
                        {
                            c.Control++; // load_weights (iterates in BP too, empty)
                            if (!bp)
                            {
                                c.Weights += (long)nI * KK; // load_w_fp: one run per output channel
                                DramRead(c, (long)nI * KK, dram);
                            }
                        }

                        if (bp && !depthwise)
                        {
                            for (int i = 0; i < nI; i++)
                            {
                                c.Control++; // load_w_bp, one run each (load_w_bp_run)
                                c.Weights += (long)nO * KK;
                                DramRead(c, (long)nO * KK, dram);
                            }
                        }

                        long computeFrom = Spent();
                        if (depthwise || i0 == 0)
                        {
                            // init_acc, on the output tile's first input-channel tile: one flattened pipeline.
                            long init = (long)nO * blocksH * blocksW;
                            c.Init += init;
                            c.Setup += PipelinedLoop(init, OnChipLoopDepth);
                        }

                        long core = (long)nO * (depthwise ? 1 : nI) * KK * blocksH * blocksW;
                        c.Core += core;
                        c.CoreCalls++;
                        c.Compute += PipelinedLoop(core, ConvCoreDepth);
                        if (e.ResidualPaths && bp && residual && (depthwise || o0 == 0))
                        {
                            TileRows(nI, y0, x0, write: true); // store_skip_grad: row segments
                        }

                        if (last) StoreTile(nO, y0, x0); // after the last input-channel tile

                        // Double-buffered, this step's loads ran beside the previous step's compute.
                        long loads = computeFrom - loadFrom, computes = Spent() - computeFrom;
                        if (e.DoubleBuffer) c.Overlapped += Math.Min(loads, prevCompute);
                        prevCompute = computes;
                    }
                }
            }
        }

        c.Setup += c.Control * OuterLoopIteration;
        return c;
    }

    /// <summary>
    /// dense_engine with <paramref name="tile"/> MACs for an <paramref name="inFeatures"/> x <paramref name="outFeatures"/> layer,
    /// its weight blocks read <paramref name="weightBeat"/> weights per iteration (the packed weight port, as written)
    /// or <paramref name="dram"/>'s elements per beat when that is more (the what-if of every port packed).
    /// </summary>
    public static CycleCount Dense(int inFeatures, int outFeatures, int tile, bool bp, DramTiming dram, int weightBeat = 1)
    {
        var c = new CycleCount();
        int nOuter = bp ? inFeatures : outFeatures, nInner = bp ? outFeatures : inFeatures;
        var wb = dram with { ElementsPerBeat = Math.Max(weightBeat, dram.ElementsPerBeat) };
        c.Lanes = tile;
        c.Macs = (long)inFeatures * outFeatures;
        for (int a0 = 0; a0 < nOuter; a0 += tile)
        {
            c.Control++;
            int nA = Math.Min(nOuter - a0, tile);
            if (!bp)
            {
                c.Bias += nA;
                DramRead(c, nA, dram);
            }
            else
            {
                c.Setup += 1; // the unrolled zeroing of the accumulators
            }

            for (int c0 = 0; c0 < nInner; c0 += tile)
            {
                c.Control++;
                int nC = Math.Min(nInner - c0, tile);
                c.Input += nC;
                DramRead(c, nC, dram);
                c.Weights += (long)nA * nC; // dense_load_w(b)_fp / _bp: the block, one contiguous run (DenseWeightOrder)
                DramRead(c, (long)nA * nC, wb);

                c.Core += nC;
                c.CoreCalls++;
                c.Compute += PipelinedLoop(nC, DenseCoreDepth);
            }

            c.Store += nA;
            DramWrite(c, nA, dram);
        }

        c.Setup += c.Control * OuterLoopIteration;
        return c;
    }

    /// <summary>
    /// pool_unit for a <paramref name="kernel"/> x <paramref name="kernel"/> max pool of a <paramref name="channels"/> x
    /// H x W map into OH x OW, per channel: the map's span, the window scan (one on-chip pipeline of OH * OW * K * K),
    /// then FP the pooled map's store; BP before the scan the gradient's span and grad_in cleared (or read back,
    /// <paramref name="gradAccumulate"/>), after it grad_in's store. No multipliers.
    /// </summary>
    public static CycleCount Pool(int channels, int height, int width, int outHeight, int outWidth, int kernel, bool bp, DramTiming dram, bool gradAccumulate = false)
    {
        var c = new CycleCount();
        long hw = (long)height * width, ohw = (long)outHeight * outWidth, scan = ohw * kernel * kernel;
        for (var ch = 0; ch < channels; ch++)
        {
            c.Control++;
            c.Input += hw;
            DramRead(c, hw, dram);
            if (bp)
            {
                c.Pooled += ohw;
                DramRead(c, ohw, dram);
                if (gradAccumulate)
                {
                    c.Input += hw;
                    DramRead(c, hw, dram);
                }
                else
                {
                    c.Clear += hw;
                    c.Setup += PipelinedLoop(hw, OnChipLoopDepth);
                }
            }

            c.Window += scan;
            c.Setup += PipelinedLoop(scan, OnChipLoopDepth);
            var stored = bp ? hw : ohw;
            c.Store += stored;
            DramWrite(c, stored, dram);
        }

        c.Setup += c.Control * OuterLoopIteration;
        return c;
    }

    /// <summary>
    /// network_run's loops whose trip counts the network fixes, as <see cref="NetworkIo"/> counts them: copy_image and
    /// copy_logits, and with BP copy_relevance. A csynth report schedules them with exactly these trips, so they are the
    /// loops whose cycles a report can be compared with one for one (the layer loops' trips depend on the descriptors).
    /// </summary>
    public static IReadOnlyList<ModelLoop> NetworkIoLoops(long inputSize, int classes, bool withBp, DramTiming? timing = null)
    {
        var dram = timing ?? DramTiming.AsWritten;
        var loops = new List<ModelLoop> { new("copy_image", inputSize, CopyLoop(inputSize, dram)), new("copy_logits", classes, CopyLoop(classes, dram)) };
        if (withBp)
        {
            loops.Add(new("copy_relevance", inputSize, CopyLoop(inputSize, dram)));
        }

        return loops;
    }

    /// <summary>network_run's own loops for one pass (image and logit copies and argmax in FP; seed and relevance copy in BP).</summary>
    public static CycleCount NetworkIo(int layers, long inputSize, int classes, bool bp, DramTiming? timing = null)
    {
        var dram = timing ?? DramTiming.AsWritten;
        var c = new CycleCount { Control = layers };
        if (!bp)
        {
            c.Copies += inputSize + classes;
            c.Memory += CopyLoop(inputSize, dram) + CopyLoop(classes, dram);
            c.DramLoops += 2;
            c.Setup += PipelinedLoop(classes - 1, OnChipLoopDepth);
        }
        else
        {
            c.Copies += classes + inputSize;
            c.Memory += WriteLoop(classes, dram) + CopyLoop(inputSize, dram);
            c.DramLoops += 2;
        }

        c.Setup += c.Control * OuterLoopIteration;
        return c;
    }
}
