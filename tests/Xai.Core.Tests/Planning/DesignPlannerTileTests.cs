using Xai.Planning;

namespace Xai.Core.Tests.Planning;

/// <summary>The convolution tiles the planner picks for every unroll factor the validator allows.</summary>
public class DesignPlannerTileTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(8)]
    [InlineData(16)]
    [InlineData(32)]
    public void ConvTiles_are_even_multiples_of_the_unroll_with_two_MAC_blocks_or_more(int unroll)
    {
        var tile = DesignPlanner.ConvTile(unroll);
        Assert.Equal(0, tile % unroll);
        Assert.Equal(0, tile % 2);
        Assert.True(tile / unroll >= 2, $"tile {tile} holds {tile / unroll} blocks of {unroll}");
    }
}
