namespace Xai.Planning;

/// <summary>
/// How many weights the dense engine reads per cycle when its weight port is packed
/// (<c>XaiPackDenseWeights</c>; hls-lib's <c>weight_beat</c>, <c>xai/weight_beat.h</c>): as many 16-bit
/// weights as the board's HP port carries per beat (4 on the Zynq-7000's 64-bit S_AXI_HP, 8 on the
/// Zynq UltraScale+'s 128-bit S_AXI_HP*_FPD), at most the dense tile, and halved until every dense
/// layer's input length and weight offset in the image are multiples of it (a block then starts on a
/// beat and is whole beats long; the image keeps its layout). 1 = one weight per cycle.
/// </summary>
public static class DenseWeightBeat
{
    /// <summary>The beat for <paramref name="layers"/> on a <paramref name="slavePortBits"/>-bit HP port with the dense tile <paramref name="fcTile"/>.</summary>
    public static int For(IReadOnlyList<HardwareLayer> layers, int slavePortBits, int fcTile)
    {
        var beat = PortWidth(slavePortBits, fcTile);
        while (beat > 1 && !Fits(layers, beat))
        {
            beat /= 2;
        }

        return beat;
    }

    /// <summary>The widest beat: the 16-bit weights one HP port beat carries, at most the dense tile.</summary>
    private static int PortWidth(int slavePortBits, int fcTile) => Math.Min(Math.Max(slavePortBits / DesignPlanner.DatapathBits, 1), fcTile);

    /// <summary>Whether every dense layer's blocks start on a beat of <paramref name="beat"/> weights (hls-lib's <c>dense_beats_fit</c>).</summary>
    public static bool Fits(IReadOnlyList<HardwareLayer> layers, int beat) => FirstMisfit(layers, beat) is null;

    /// <summary>
    /// Warning XAI3003 when packing was asked for and the beat came out narrower than the port (or 1): which layer
    /// stopped the full width, and why; null when the port's full width is used.
    /// </summary>
    public static Diagnostics.XaiDiagnostic? NarrowerThanThePort(IReadOnlyList<HardwareLayer> layers, int slavePortBits, int fcTile, string projectFile)
    {
        var full = PortWidth(slavePortBits, fcTile);
        var beat = For(layers, slavePortBits, fcTile);
        if (beat == full || FirstMisfit(layers, full) is not var (layer, offset))
        {
            return null;
        }

        return Diagnostics.XaiDiagnostic.Warning(Diagnostics.DiagnosticCatalog.DenseWeightsPackedNarrower,
            $"XaiPackDenseWeights: the dense weights are read {beat} per cycle, not the {full} a {slavePortBits}-bit port carries: dense layer '{layer.Name}' " +
            $"has {layer.Dense.InFeatures} inputs and starts at weight offset {offset}; both must be multiples of {full}." +
            (beat == 1 ? " Nothing is packed." : ""), projectFile);
    }

    private static (DenseBlockLayer Layer, long Offset)? FirstMisfit(IReadOnlyList<HardwareLayer> layers, int beat)
    {
        long offset = 0;
        foreach (var layer in layers)
        {
            if (layer is DenseBlockLayer d && (offset % beat != 0 || d.Dense.InFeatures % beat != 0))
            {
                return (d, offset);
            }

            offset += layer.ParameterCount;
        }

        return null;
    }
}
