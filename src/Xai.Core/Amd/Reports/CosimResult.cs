namespace Xai.Amd.Reports;

/// <summary>One RTL language's row of a cosim report.</summary>
/// <param name="Rtl"><c>Verilog</c> or <c>VHDL</c> as printed.</param>
/// <param name="Status">Pass, Fail, or NA when this language was not simulated.</param>
/// <param name="Latency">Measured latency over the test bench's transactions, in cycles.</param>
/// <param name="Interval">Measured initiation interval; <c>NA</c> (null) when only one transaction ran.</param>
/// <param name="TotalExecutionCycles">Total Execution Time column (Vitis HLS 2020.1 and later), in cycles.</param>
public sealed record CosimResult(
    string Rtl,
    CosimStatus Status,
    CycleRange Latency,
    CycleRange Interval,
    long? TotalExecutionCycles);
