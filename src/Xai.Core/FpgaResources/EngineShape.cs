using Xai.Planning;

namespace Xai.FpgaResources;

/// <summary>
/// The two engines the generated top instantiates and the on-chip stores it declares, in the
/// terms of hls-lib (<c>conv_engine.h</c>, <c>dense_engine.h</c>, <c>network.h</c>): what the
/// resource model counts. <see cref="CodeGeneration.NetworkHeaderWriter"/> writes the same
/// figures into <c>xai_network.h</c>.
/// </summary>
/// <param name="NOh">Convolution MACs along output rows (<c>n_oh</c>).</param>
/// <param name="NOw">Convolution MACs along output columns (<c>n_ow</c>).</param>
/// <param name="TileH">Output tile rows (<c>tile_h</c>).</param>
/// <param name="TileW">Output tile columns (<c>tile_w</c>).</param>
/// <param name="TileCi">FP input channels per tile (<c>tile_ci</c>).</param>
/// <param name="TileCo">FP output channels per tile (<c>tile_co</c>).</param>
/// <param name="MaxKernel">Largest kernel of any convolution (<c>max_kernel</c>; 1 without convolutions).</param>
/// <param name="MaxOutC">Largest output channel count of any convolution (<c>max_out_c</c>, the bias buffer).</param>
/// <param name="FcTile">Vector-matrix MACs (<c>tile</c>).</param>
/// <param name="AccumulatorBits">Width of the accumulator word (the wider of the FP and BP accumulators).</param>
/// <param name="PoolIndexEntries">2-bit pool indices of the network (the index store).</param>
/// <param name="MaskBits">ReLU mask bits kept on chip (the mask store).</param>
/// <param name="DoubleBuffer">The conv engine's step loop is a DATAFLOW region whose operand tiles
/// (input and weights) are a ping-pong channel: loads overlap the core, the two tiles are held twice
/// (<c>double_buffer</c>).</param>
/// <param name="StridedConvs">A convolution has stride 2: its BP reads the gradient through the same on-chip
/// window as BP through a fused pool.</param>
/// <param name="ResidualPaths">The network forks and joins (a residual join): the conv engine has the side
/// tile (<c>residual_paths</c>) that a join's store adds and a fork's BP reads back, held twice when double-buffered.</param>
/// <param name="PoolUnitMaxH">Rows of the largest map a pool-unit layer reads (<c>pool_unit_config::max_h</c>); 0: no pool unit.</param>
/// <param name="PoolUnitMaxW">Columns of that map (<c>max_w</c>); 0: no pool unit.</param>
/// <param name="DenseWeightBeat">Weights the dense engine reads per cycle (<c>weight_beat</c>): 1, or the packed
/// weight port's beat (<see cref="Planning.DenseWeightBeat"/>).</param>
public sealed record EngineShape(
    int NOh, int NOw, int TileH, int TileW, int TileCi, int TileCo, int MaxKernel, int MaxOutC, int FcTile,
    int AccumulatorBits, long PoolIndexEntries, long MaskBits, bool DoubleBuffer = false, bool StridedConvs = false,
    bool ResidualPaths = false, int PoolUnitMaxH = 0, int PoolUnitMaxW = 0, int DenseWeightBeat = 1)
{
    /// <summary>The engines of <paramref name="plan"/> as planned.</summary>
    public static EngineShape For(DesignPlan plan) =>
        For(plan.Layers, plan.ConvParallelismH, plan.ConvParallelismW, plan.ConvTileH, plan.ConvTileW, plan.ConvTileCi, plan.ConvTileCo, plan.FcTile, plan.DoubleBuffer, plan.DenseWeightBeat);

    /// <summary>The engines for <paramref name="layers"/> at another parallelism (design-space questions).</summary>
    public static EngineShape For(IReadOnlyList<HardwareLayer> layers, int nOh, int nOw, int tileH, int tileW, int tileCi, int tileCo, int fcTile, bool doubleBuffer = false, int denseWeightBeat = 1)
    {
        var convs = layers.OfType<ConvBlockLayer>().ToList();
        var pools = layers.Where(l => l is ConvBlockLayer { Pool: true }).Sum(l => (long)l.OutputShape.ElementCount);
        var masks = layers.Where(l => l is DenseBlockLayer { Relu: true }).Sum(l => (long)l.OutputShape.ElementCount);
        var poolUnit = layers.OfType<PoolBlockLayer>().ToList();
        return new EngineShape(
            nOh, nOw, tileH, tileW, tileCi, tileCo,
            convs.Count == 0 ? 1 : convs.Max(c => c.Conv.KernelSize),
            convs.Count == 0 ? 1 : convs.Max(c => c.Conv.OutChannels),
            fcTile, DesignPlanner.AccumulatorBits, pools, masks, doubleBuffer, convs.Any(c => c.Conv.Stride == 2),
            convs.Any(c => c.ResidualFrom is not null),
            poolUnit.Count == 0 ? 0 : poolUnit.Max(p => p.InputShape.Height),
            poolUnit.Count == 0 ? 0 : poolUnit.Max(p => p.InputShape.Width),
            denseWeightBeat);
    }

    /// <summary>Whether the top has the pool unit (a max pool the convolution store cannot fuse).</summary>
    public bool HasPoolUnit => PoolUnitMaxH > 0 && PoolUnitMaxW > 0;

    /// <summary>Channels a conv buffer holds: FP uses tile_ci in / tile_co out, BP the reverse.</summary>
    public int BufferChannels => Math.Max(TileCi, TileCo);
}
