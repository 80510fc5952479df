using Xai.CodeGeneration;

namespace Xai.Core.Tests.CodeGeneration;

/// <summary>
/// The dense block order: a permutation of a layer's weights in which every tile x tile block,
/// edge blocks included, is one contiguous run, row-major inside (what lets the engine read it
/// in one burst). That it is hls-lib's order too is checked by the testbench, which reads the
/// image this order writes and must reproduce the C simulation bit for bit.
/// </summary>
public sealed class DenseWeightOrderTests
{
    [Theory]
    [InlineData(37, 70, 16)]
    [InlineData(128, 4096, 32)]
    [InlineData(9, 42, 16)]
    [InlineData(10, 128, 16)]
    public void Every_block_is_one_contiguous_run_and_no_weight_is_lost(int nOut, int nIn, int tile)
    {
        var seen = new int[nOut * nIn];
        for (var o0 = 0; o0 < nOut; o0 += tile)
        {
            for (var i0 = 0; i0 < nIn; i0 += tile)
            {
                int rows = Math.Min(tile, nOut - o0), cols = Math.Min(tile, nIn - i0);
                var start = DenseWeightOrder.BlockOffset(o0, i0, rows, nIn);
                for (var q = 0; q < rows; q++)
                {
                    for (var t = 0; t < cols; t++)
                    {
                        var at = DenseWeightOrder.Offset(o0 + q, i0 + t, nOut, nIn, tile);
                        Assert.Equal(start + (q * cols) + t, at);
                        seen[at]++;
                    }
                }
            }
        }

        Assert.All(seen, n => Assert.Equal(1, n));
    }

    [Fact]
    public void A_layer_no_wider_than_the_tile_keeps_PyTorch_order()
    {
        for (var o = 0; o < 10; o++)
        {
            for (var i = 0; i < 16; i++)
            {
                Assert.Equal((o * 16) + i, DenseWeightOrder.Offset(o, i, 10, 16, 16));
            }
        }
    }
}
