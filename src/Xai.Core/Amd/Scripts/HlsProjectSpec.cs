namespace Xai.Amd.Scripts;

/// <summary>
/// Everything needed to write the HLS script (classic Tcl) or config (unified flow) for one
/// accelerator. Relative paths are relative to the directory the tool runs in
/// (<see cref="Toolchain.ToolInvocation.WorkingDirectory"/>).
/// </summary>
public sealed record HlsProjectSpec
{
    /// <summary>Project directory name (classic flow) / component name (unified flow), created in the working directory.</summary>
    public required string ProjectName { get; init; }

    /// <summary>Solution name (classic flow only; the unified flow always uses <c>hls</c>).</summary>
    public string SolutionName { get; init; } = "solution1";

    /// <summary>Top function: a C identifier.</summary>
    public required string TopFunction { get; init; }

    /// <summary>Design sources (synthesized).</summary>
    public required IReadOnlyList<string> SourceFiles { get; init; }

    /// <summary>Testbench sources and the data files they read (simulation only).</summary>
    public IReadOnlyList<string> TestbenchFiles { get; init; } = [];

    /// <summary>Header directories, passed as <c>-I</c> to every file.</summary>
    public IReadOnlyList<string> IncludeDirectories { get; init; } = [];

    /// <summary>Extra compiler flags, one flag per element (e.g. <c>-std=c++14</c>, <c>-DXAI_USE_AP_FIXED</c>); the same for design and testbench files, so
    /// C simulation, co-simulation and synthesis compile the same code.</summary>
    public IReadOnlyList<string> CompilerFlags { get; init; } = [];

    /// <summary>Arguments passed to the testbench's <c>main</c> in C and co-simulation.</summary>
    public IReadOnlyList<string> TestbenchArguments { get; init; } = [];

    /// <summary>Target part, e.g. <c>xc7z020clg400-1</c> (from the board).</summary>
    public required string Part { get; init; }

    /// <summary>Clock period in nanoseconds (10 for 100 MHz).</summary>
    public required double ClockPeriodNs { get; init; }

    /// <summary>Which steps to run.</summary>
    public HlsSteps Steps { get; init; } = HlsSteps.All;

    /// <summary>
    /// 64-bit m_axi addresses: null keeps the tool default (64-bit in the releases seen), false makes
    /// 32-bit pointer registers, which suits the 32-bit Zynq-7000 PS.
    /// </summary>
    public bool? MAxiAddress64 { get; init; }

    /// <summary>Global m_axi port widening and burst settings; null keeps the tool's defaults.</summary>
    public HlsMAxiSettings? MAxi { get; init; }

    /// <summary>The packaged IP's VLNV; null for the tool default <c>xilinx.com:hls:&lt;top&gt;:1.0</c>.</summary>
    public HlsIpIdentity? Ip { get; init; }

    /// <summary>IP display name shown in Vivado's catalog (free text).</summary>
    public string? IpDisplayName { get; init; }

    /// <summary>IP description (free text).</summary>
    public string? IpDescription { get; init; }

    /// <summary>The effective IP identity.</summary>
    public HlsIpIdentity EffectiveIp => Ip ?? HlsIpIdentity.DefaultFor(TopFunction);
}
