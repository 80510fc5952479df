using System.Management.Automation;
using Newtonsoft.Json.Linq;
using Xai.Amd.Reports;
using Xai.Boards;
using Xai.Diagnostics;

namespace Xai.PowerShell;

/// <summary>
/// Get-XaiUtilization: resources, latency and timing slack from the reports the vendor stages leave,
/// read with the core's parsers. A build gives one row per accelerator variant it synthesized (FP+BP
/// and, when built, FP only) so the two stand side by side; a report file or a folder of reports gives one row.
/// </summary>
[Cmdlet(VerbsCommon.Get, "XaiUtilization")]
[OutputType(typeof(XaiUtilization))]
public sealed class GetXaiUtilizationCommand : XaiCmdlet
{
    // The tops the HLS stages build (Xai.Stages.HlsSourcesStage), in the order the table shows them.
    private static readonly (string Top, string Variant)[] Variants = [("xai_top_fp", "FP"), ("xai_top", "FP+BP")];

    /// <summary>A build (.xaiproj, its folder, or its output folder), a vendor report file, or a folder of reports.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    public string[] Path { get; set; } = [];

    /// <summary>The board whose resources the percentages refer to; a build's own board by default.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(BoardNameCompleter))]
    public string? Board { get; set; }

    /// <summary>The configuration when a project is built in several.</summary>
    [Parameter]
    public string? Configuration { get; set; }

    protected override void ProcessRecord()
    {
        Board? board = null;
        if (Board is not null)
        {
            try
            {
                board = ModuleBoards.Get(Board);
            }
            catch (Exception e) when (IsReportable(e))
            {
                ThrowXaiError(e, Board);
            }
        }

        foreach (var path in Path)
        {
            try
            {
                foreach (var full in ResolvePaths(path))
                {
                    WriteFor(full, board);
                }
            }
            catch (Exception e) when (IsReportable(e))
            {
                WriteXaiError(e, path);
            }
        }
    }

    private void WriteFor(string full, Board? board)
    {
        if (!File.Exists(full) && !Directory.Exists(full))
        {
            throw new XaiCmdletException(DiagnosticCatalog.PathNotFound, $"'{full}' does not exist; expected a build, a vendor report file or a folder of reports.", ErrorCategory.ObjectNotFound, full);
        }

        if (IsBuild(full))
        {
            WriteBuild(BuildLocation.Resolve(full, Configuration), board);
        }
        else
        {
            var report = HardwareReportCollector.Collect(full);
            WriteObject(XaiUtilization.From(VariantOf(report.TopModule), report, board, matchesDesign: true));
        }
    }

    private static bool IsBuild(string path) =>
        path.EndsWith(".xaiproj", StringComparison.OrdinalIgnoreCase)
        || (Directory.Exists(path) && (File.Exists(System.IO.Path.Combine(path, "report.json")) || Directory.GetFiles(path, "*.xaiproj").Length == 1));

    private void WriteBuild(BuildLocation location, Board? board)
    {
        var build = XaiBuild.Read(location);
        board ??= ModuleBoards.Catalog.TryGet(build.Board, out var own) ? own : null;
        var vendor = location.VendorDirectory;
        // What each HLS/Vivado stage collected last time (Xai.Stages.HardwareCollection): the folders
        // its reports came from, read again here with the same parsers.
        var records = vendor is null
            ? []
            : Variants.Select(v => (v.Variant, File: System.IO.Path.Combine(vendor, $"hardware.{v.Top}.json"))).Where(v => File.Exists(v.File)).ToList();
        if (records.Count == 0)
        {
            throw new XaiCmdletException(DiagnosticCatalog.NoVendorReports,
                $"The build in '{location.OutputDirectory}' has no vendor reports ({(vendor is null ? "no obj/<Configuration>/xai folder beside the project" : $"no hardware.xai_top.json in {vendor}")}); "
                + $"run the vendor stages: dotnet build \"{location.ProjectFile ?? location.OutputDirectory}\" -t:Synthesize (needs Vitis HLS), or pass the report files themselves.",
                ErrorCategory.ObjectNotFound, location.OutputDirectory);
        }

        for (var i = 0; i < records.Count; i++)
        {
            var (variant, file) = records[i];
            WriteProgress(new ProgressRecord(0, "Get-XaiUtilization", $"Reading the {variant} reports") { PercentComplete = 100 * i / records.Count });
            var record = JObject.Parse(File.ReadAllText(file));
            var folders = (record["collectedFrom"] as JArray)?.Values<string>().OfType<string>().ToList() ?? [];
            var matches = (bool?)record["matchesDesign"] ?? false;
            if (!matches)
            {
                WriteWarning($"{variant}: the build flagged these reports as not this design's ({(string?)record["mismatch"] ?? (string?)record["error"]}); see {file}.");
            }

            WriteObject(XaiUtilization.From(variant, HardwareReportCollector.CollectDirectories(folders), board, matches));
        }

        WriteProgress(new ProgressRecord(0, "Get-XaiUtilization", "Done") { RecordType = ProgressRecordType.Completed });
    }

    private static string VariantOf(string? top) =>
        Variants.FirstOrDefault(v => string.Equals(v.Top, top, StringComparison.Ordinal)).Variant ?? top ?? "-";
}
