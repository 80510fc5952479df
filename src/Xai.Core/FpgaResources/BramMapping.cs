namespace Xai.FpgaResources;

/// <summary>
/// How many BRAM_18K blocks one on-chip memory of <c>depth</c> words of <c>width</c> bits takes,
/// the way Vitis HLS maps arrays: a block is 18 Kib configurable as 16K x 1, 8K x 2, 4K x 4, 2K x 9,
/// 1K x 18 or 512 x 36 (UG473 / UG573, RAMB18E1 / RAMB18E2); the memory takes the configuration
/// that needs the fewest blocks, side by side for width and stacked for depth. Memories of at most
/// <see cref="LutRamBits"/> bits are left to LUTs or registers (an assumption: Vitis's automatic
/// choice for small arrays, not a documented threshold).
/// </summary>
public static class BramMapping
{
    /// <summary>Memories this small (bits) are assumed to become LUTRAM or registers, not BRAM.</summary>
    public const long LutRamBits = 1024;

    private static readonly (int Depth, int Width)[] Aspects = [(16384, 1), (8192, 2), (4096, 4), (2048, 9), (1024, 18), (512, 36)];

    public static long Blocks(long depth, int width)
    {
        if (depth <= 0 || width <= 0 || depth * width <= LutRamBits)
        {
            return 0;
        }

        return Aspects.Min(a => Ceiling(depth, a.Depth) * Ceiling(width, a.Width));
    }

    private static long Ceiling(long a, long b) => (a + b - 1) / b;
}
