namespace Xai.Amd.Scripts;

/// <summary>
/// Global m_axi defaults written as <c>config_interface</c> options (classic Tcl) or
/// <c>syn.interface.*</c> keys (hls_config.cfg), all documented in UG1399 since Vitis HLS 2020.1/2020.2
/// (config_interface, "Automatic Port Width Resizing", "Options for Controlling AXI4 Burst Behavior").
/// In the Vivado IP flow the tool leaves port widening off (<c>m_axi_max_widen_bitwidth</c> 0,
/// alignment 1 byte); these settings turn it on up to the width of the PS port the masters reach.
/// </summary>
/// <param name="MaxWidenBitwidth"><c>m_axi_max_widen_bitwidth</c>: ports may be widened up to this many bits
/// (0 or a power of two up to 1024).</param>
/// <param name="AlignmentByteSize"><c>m_axi_alignment_byte_size</c>: the alignment in bytes the tool may assume
/// for every m_axi pointer (a power of two). Each array is its own buffer allocated by the runtime
/// (pynq.allocate, page aligned), so the bus width in bytes holds.</param>
/// <param name="Latency"><c>m_axi_latency</c>: expected read latency in cycles, so requests go out that early.</param>
/// <param name="MaxReadBurstLength"><c>m_axi_max_read_burst_length</c>: beats per read burst (1 to 256).</param>
/// <param name="NumReadOutstanding"><c>m_axi_num_read_outstanding</c>: read requests in flight before the design stalls;
/// the adapter buffers NumReadOutstanding × MaxReadBurstLength beats.</param>
public sealed record HlsMAxiSettings(int MaxWidenBitwidth, int AlignmentByteSize, int Latency, int MaxReadBurstLength, int NumReadOutstanding)
{
    /// <summary>
    /// Settings for masters that reach a PS slave port <paramref name="busBits"/> wide (64 on the
    /// Zynq-7000 S_AXI_HP ports, 128 on the Zynq UltraScale+ S_AXI_HP*_FPD ports): widen to the bus,
    /// assume bus alignment, latency 64 (UG1399's Vitis-flow default), and 16-beat bursts with 16
    /// outstanding reads (the tool's defaults; 16 beats is also the AXI3 burst limit of the Zynq-7000
    /// HP ports), stated so that the adapter's buffer does not change with a release's defaults.
    /// </summary>
    public static HlsMAxiSettings ForBus(int busBits) => new(busBits, busBits / 8, 64, 16, 16);

    /// <summary>The options as (name without the leading '-', value) pairs in a stable order.</summary>
    public IReadOnlyList<(string Name, int Value)> Options =>
    [
        ("m_axi_max_widen_bitwidth", MaxWidenBitwidth),
        ("m_axi_alignment_byte_size", AlignmentByteSize),
        ("m_axi_latency", Latency),
        ("m_axi_max_read_burst_length", MaxReadBurstLength),
        ("m_axi_num_read_outstanding", NumReadOutstanding),
    ];
}
