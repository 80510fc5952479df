namespace Xai.Amd.Reports;

/// <summary>
/// The hardware figures of one build, normalised across HLS and Vivado versions: resources, latency,
/// clock, timing slack, tools, part, plus which file gave each number. Serialised (camelCase, nulls
/// left out) as <c>hardware.fpbp.report</c> and <c>hardware.fp.report</c> of the build's <c>report.json</c>.
/// </summary>
public sealed class HardwareReport
{
    /// <summary>HLS top function, or the Vivado design name when no HLS report was found.</summary>
    public string? TopModule { get; set; }

    /// <summary>Target part as the first report that named it wrote it.</summary>
    public string? Part { get; set; }

    /// <summary>The tools that wrote the reports, e.g. Vitis HLS 2022.1 and Vivado 2023.2.</summary>
    public List<ToolRelease> Tools { get; } = [];

    /// <summary>The most final resource count found (Vivado placed over HLS export over HLS estimate).</summary>
    public HardwareResources? Resources { get; set; }

    /// <summary>The HLS estimate for the top, when <see cref="Resources"/> comes from a later stage (null otherwise: it would repeat them).</summary>
    public HardwareResources? HlsEstimate { get; set; }

    public HardwareLatency? Latency { get; set; }

    /// <summary>Initiation interval in cycles (cosim when it measured one, else csynth).</summary>
    public CycleRange? Interval { get; set; }

    public HardwareClock? Clock { get; set; }

    public HardwareTiming? Timing { get; set; }

    /// <summary>The top's loops as csynth scheduled them (csynth.xml's <c>SummaryOfLoopLatency</c>), when it lists any.</summary>
    public IReadOnlyList<CsynthLoop>? Loops { get; set; }

    /// <summary>Per-RTL-language cosim outcome, when a cosim report was found.</summary>
    public IReadOnlyList<CosimResult>? Cosim { get; set; }

    /// <summary>ERROR messages from the HLS logs found.</summary>
    public List<ToolMessage> Errors { get; } = [];

    /// <summary>Fields the parsers could not read and left unknown (e.g. XAI5113), so a reader sees what is missing and why.</summary>
    public List<Xai.Diagnostics.XaiDiagnostic> Warnings { get; } = [];

    /// <summary>Newtonsoft convention: <c>warnings</c> appears in the JSON only when there are some.</summary>
    public bool ShouldSerializeWarnings() => Warnings.Count > 0;

    /// <summary>Which file and field gave each value, keyed by the JSON path of the value.</summary>
    public SortedDictionary<string, ValueSource> Sources { get; } = new(StringComparer.Ordinal);

    /// <summary>Every report file read.</summary>
    public List<ReportSourceFile> Files { get; } = [];

    /// <summary>The report as <c>xai report</c> prints it and report.json embeds it (<see cref="Reporting.ReportJson"/>).</summary>
    public string ToJson() => Reporting.ReportJson.Serialize(this);
}
