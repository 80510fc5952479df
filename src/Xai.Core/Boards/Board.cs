namespace Xai.Boards;

/// <summary>One FPGA board the SDK can target, as described by a file in <c>boards/</c>.</summary>
/// <param name="Id">Short name used in projects and cmdlets, e.g. <c>pynq-z2</c>.</param>
/// <param name="DisplayName">Name as the vendor writes it.</param>
/// <param name="Part">Vivado part, e.g. <c>xc7z020clg400-1</c>.</param>
/// <param name="BoardPart">Vivado board part, e.g. <c>tul.com.tw:pynq-z2:part0:1.0</c>.</param>
/// <param name="Family"><c>zynq</c> (Zynq-7000) or <c>zynquplus</c> (Zynq UltraScale+).</param>
/// <param name="ProcessingSystem">The PS IP and the ports the accelerator connects to.</param>
/// <param name="Resources">Resources available to the programmable logic.</param>
/// <param name="Defaults">Design defaults for this board (the paper's Table IV configuration).</param>
/// <param name="Jtag">JTAG facts for programming the board.</param>
/// <param name="PlClock">The accelerator clocks the board's PS can give the PL (<c>plClockMHz</c>), which
/// <c>XaiClockMHz</c> must lie in.</param>
/// <param name="SourceFile">The board file this came from.</param>
public sealed record Board(
    string Id,
    string DisplayName,
    string Part,
    string BoardPart,
    string Family,
    ProcessingSystem ProcessingSystem,
    BoardResources Resources,
    BoardDefaults Defaults,
    JtagFacts Jtag,
    ClockRange PlClock,
    string SourceFile);

/// <param name="Ip">Vivado IP name: <c>processing_system7</c> or <c>zynq_ultra_ps_e</c>.</param>
/// <param name="SlavePort">High-performance slave port the accelerator's m_axi masters use.</param>
/// <param name="MasterPort">General-purpose master port that drives the accelerator's s_axilite control.</param>
/// <param name="SlavePortDataWidth">Data width in bits of <paramref name="SlavePort"/> as the block design leaves
/// it (<c>ps.slavePortDataWidth</c>): 64 for the Zynq-7000 S_AXI_HP ports, 128 for the Zynq UltraScale+
/// S_AXI_HP*_FPD ports. The HLS m_axi ports are widened up to it.</param>
public sealed record ProcessingSystem(string Ip, string SlavePort, string MasterPort, int SlavePortDataWidth);

/// <summary>Resources available on the part, in the units Vitis HLS reports them.</summary>
public sealed record BoardResources(int Bram18K, int Dsp, int FlipFlops, int Luts, int Uram);

/// <param name="ClockMHz">Default accelerator clock.</param>
/// <param name="ConvParallelism">Default convolution unroll, <c>N_OHxN_OW</c>.</param>
/// <param name="FcTile">Default vector-matrix tile (16 or 32).</param>
public sealed record BoardDefaults(double ClockMHz, string ConvParallelism, int FcTile);

/// <summary>A closed range of clock frequencies in MHz.</summary>
public sealed record ClockRange(double MinMHz, double MaxMHz)
{
    public bool Contains(double mhz) => mhz >= MinMHz && mhz <= MaxMHz;

    /// <summary>A clock in MHz as projects write it (invariant culture, finite, above 0) and, with a <paramref name="range"/>, within it.</summary>
    public static bool TryParse(string text, ClockRange? range, out double mhz) =>
        double.TryParse(text.Trim(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out mhz)
        && double.IsFinite(mhz) && mhz > 0 && (range is null || range.Contains(mhz));
}

/// <param name="Device">Device name in Vivado's hardware manager.</param>
/// <param name="OpenFpgaLoaderBoard">openFPGALoader board alias, when it has one.</param>
public sealed record JtagFacts(string Device, string? OpenFpgaLoaderBoard);
