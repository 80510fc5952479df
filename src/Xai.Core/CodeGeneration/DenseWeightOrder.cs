namespace Xai.CodeGeneration;

/// <summary>
/// Where the vector-matrix engine finds W[o][i] of a dense layer in the DRAM weight image: in
/// tile x tile blocks, each one contiguous run (one AXI burst in FP and in BP), the rows of an
/// output tile together and, inside them, the blocks by input tile. hls-lib's
/// <c>xai/dense_weight_order.h</c> is the same arithmetic; the generated testbench, which reads
/// this image and must reproduce the C simulation (which reorders with hls-lib's), checks that
/// the two agree.
/// </summary>
public static class DenseWeightOrder
{
    /// <summary>Offset of the block of output rows from <paramref name="o0"/> (<paramref name="rows"/> of them) and input columns from <paramref name="i0"/>.</summary>
    public static int BlockOffset(int o0, int i0, int rows, int nIn) => o0 * nIn + rows * i0;

    /// <summary>Offset of W[o][i] inside the layer's parameter block.</summary>
    public static int Offset(int o, int i, int nOut, int nIn, int tile)
    {
        int o0 = o / tile * tile, i0 = i / tile * tile;
        int rows = Math.Min(tile, nOut - o0), cols = Math.Min(tile, nIn - i0);
        return BlockOffset(o0, i0, rows, nIn) + (o - o0) * cols + (i - i0);
    }
}
