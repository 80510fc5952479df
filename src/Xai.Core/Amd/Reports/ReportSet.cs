namespace Xai.Amd.Reports;

/// <summary>The parsed reports of one build, at most one of each kind (logs excepted), before merging.</summary>
public sealed class ReportSet
{
    public CsynthReport? Csynth { get; set; }

    public CsynthTextReport? CsynthText { get; set; }

    public CosimReport? Cosim { get; set; }

    /// <summary>The export report; when both forms exist the xml is kept here and the text in <see cref="ExportCompanion"/>.</summary>
    public HlsExportReport? Export { get; set; }

    /// <summary>The text export report beside the xml, read for the tool version and part the xml lacks.</summary>
    public HlsExportReport? ExportCompanion { get; set; }

    public VivadoUtilizationReport? Utilization { get; set; }

    public TimingSummaryReport? Timing { get; set; }

    public List<HlsLogReport> Logs { get; } = [];

    public List<ReportSourceFile> Files { get; } = [];

    /// <summary>Parses <paramref name="report"/> as <paramref name="kind"/> and stores it.</summary>
    public void Add(ReportKind kind, ReportText report)
    {
        switch (kind)
        {
            case ReportKind.CsynthXml: Csynth = CsynthReport.Parse(report); break;
            case ReportKind.CsynthText: CsynthText = CsynthTextReport.Parse(report); break;
            case ReportKind.Cosim: Cosim = CosimReport.Parse(report); break;
            case ReportKind.HlsExportXml:
                ExportCompanion ??= Export is { IsXml: false } ? Export : null;
                Export = HlsExportReport.ParseXml(report);
                break;
            case ReportKind.HlsExportText:
                if (Export is { IsXml: true })
                {
                    ExportCompanion = HlsExportReport.ParseText(report);
                }
                else
                {
                    Export = HlsExportReport.ParseText(report);
                }

                break;
            case ReportKind.VivadoUtilization: Utilization = VivadoUtilizationReport.Parse(report); break;
            case ReportKind.VivadoTimingSummary: Timing = TimingSummaryReport.Parse(report); break;
            case ReportKind.HlsLog: Logs.Add(HlsLogReport.Parse(report)); break;
            default: throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }

        Files.Add(new ReportSourceFile(report.Source, kind));
    }
}
