namespace Xai.FpgaResources;

/// <summary>
/// The engine configurations the SDK accepts (<c>XaiConvParallelism</c>, <c>XaiFcTile</c>): what the
/// validator allows, the fit check searches and the design-space exploration enumerates.
/// </summary>
public static class EngineChoices
{
    /// <summary>Each factor of N_OHxN_OW: a power of two from 1 to 32 (the banked buffers index by bit fields).</summary>
    public static IReadOnlyList<int> Unrolls { get; } = [1, 2, 4, 8, 16, 32];

    /// <summary>The vector-matrix engine's MACs.</summary>
    public static IReadOnlyList<int> FcTiles { get; } = [16, 32];

    /// <summary>Every accepted configuration's engines for <paramref name="layers"/>, tiles as the planner sets them (<see cref="Planning.DesignPlanner.ConvTile"/>).</summary>
    public static IEnumerable<EngineShape> Shapes(IReadOnlyList<Planning.HardwareLayer> layers, int tileCi, int tileCo) =>
        from oh in Unrolls
        from ow in Unrolls
        from fc in FcTiles
        select EngineShape.For(layers, oh, ow, Planning.DesignPlanner.ConvTile(oh), Planning.DesignPlanner.ConvTile(ow), tileCi, tileCo, fc);
}
