using Xai.Diagnostics;
using Xai.IO;

namespace Xai.Amd.Reports;

/// <summary>
/// Finds and reads the reports of a build and merges them into a <see cref="HardwareReport"/>.
/// Accepts one report file (any kind, recognised by content) or a directory, searched for the Vitis/Vivado
/// HLS classic layout (<c>&lt;proj&gt;/&lt;solution&gt;/syn/report/csynth.xml</c>, <c>sim/report/*_cosim.rpt</c>,
/// <c>impl/report/{verilog,vhdl}/*</c>, logs), the unified-flow layout (the same under
/// <c>&lt;work_dir&gt;/hls/</c>), and Vivado run reports (<c>*_utilization_placed.rpt</c>,
/// <c>*_timing_summary_routed.rpt</c>).
/// </summary>
public static class HardwareReportCollector
{
    // Deep enough for <dir>/<proj>.runs/impl_1/x.rpt and <dir>/<proj>/<solution>/impl/report/verilog/x.xml.
    private const int MaxDepth = 8;

    // Tool scratch trees: large, and never hold the summary reports.
    private static readonly HashSet<string> SkippedDirectories = new(StringComparer.OrdinalIgnoreCase)
    {
        ".git", ".autopilot", ".Xil", "node_modules", ".ip_user_files", ".cache", ".gen", ".srcs", ".sim", ".hw",
    };

    public static HardwareReport Collect(string path)
    {
        if (Directory.Exists(path))
        {
            return CollectDirectory(path);
        }

        if (File.Exists(path))
        {
            return CollectFile(path);
        }

        throw new XaiException(DiagnosticCatalog.ReportFileNotFound, "no such file or directory; expected a report file or a build directory.", path);
    }

    public static HardwareReport CollectFile(string path)
    {
        var text = ReportText.Load(path, "report");
        var kind = ReportKindDetector.Detect(text)
            ?? throw new XaiException(
                DiagnosticCatalog.UnknownReportKind,
                "not a report this SDK reads; expected csynth.xml or csynth.rpt, <top>_cosim.rpt, an HLS export report (.rpt/.xml), "
                + "a Vivado report_utilization or report_timing_summary output, or an HLS log.",
                path);
        var set = new ReportSet();
        set.Add(kind, text);
        return HardwareReportMerger.Merge(set);
    }

    public static HardwareReport CollectDirectory(string directory) => CollectDirectories([directory]);

    /// <summary>
    /// Reads the reports of several directories into one report, e.g. an HLS project and the Vivado
    /// project built on its IP. Each kind of report must come from one directory only.
    /// </summary>
    public static HardwareReport CollectDirectories(IReadOnlyList<string> directories)
    {
        var set = new ReportSet();
        foreach (var directory in directories)
        {
            AddDirectory(set, directory);
        }

        if (set.Files.Count == 0)
        {
            throw new XaiException(
                DiagnosticCatalog.NoReportsFound,
                "no reports found; expected <solution>/syn/report/csynth.xml, <solution>/sim/report/<top>_cosim.rpt, "
                + "<solution>/impl/report/{verilog,vhdl}/*, <work_dir>/hls/… (unified flow), *_utilization_placed.rpt or *_timing_summary_routed.rpt "
                + $"within {MaxDepth} directory levels.",
                string.Join(", ", directories));
        }

        return HardwareReportMerger.Merge(set);
    }

    private static void AddDirectory(ReportSet set, string directory)
    {
        var found = Scan(directory);

        var csynth = PickCsynth(directory, found);
        if (csynth is not null)
        {
            Add(set, csynth.Value.Kind, csynth.Value.Path);
        }

        if (Single(directory, found.Where(f => f.Rel.Contains("/sim/report/", StringComparison.OrdinalIgnoreCase) && f.Name.EndsWith("_cosim.rpt", StringComparison.OrdinalIgnoreCase)), "cosim report") is { } cosim)
        {
            Add(set, ReportKind.Cosim, cosim);
        }

        PickExport(directory, found, set);

        var vivado = found.Where(f => !IsHlsOutOfContext(f.Rel)).ToList();
        if (Best(directory, vivado, "Vivado utilization report", f => Rank(f.Name, ("_utilization_routed.rpt", 3), ("_utilization_placed.rpt", 2), ("_utilization_synth.rpt", 1))) is { } utilization)
        {
            Add(set, ReportKind.VivadoUtilization, utilization);
        }

        if (Best(directory, vivado, "Vivado timing summary", f => Rank(f.Name, ("_timing_summary_routed.rpt", 3), ("_timing_summary_postroute_physopted.rpt", 3), ("_timing_summary_placed.rpt", 2), ("_timing_summary_synth.rpt", 1))) is { } timing)
        {
            Add(set, ReportKind.VivadoTimingSummary, timing);
        }

        foreach (var log in found.Where(IsHlsLog))
        {
            Add(set, ReportKind.HlsLog, log.Path);
        }
    }

    private sealed record FoundFile(string Path, string Rel, string Name);

    private static void Add(ReportSet set, ReportKind kind, string path) =>
        set.Add(kind, ReportText.Load(path, KindName(kind)));

    private static string KindName(ReportKind kind) => kind switch
    {
        ReportKind.CsynthXml => "csynth.xml",
        ReportKind.CsynthText => "text csynth report",
        ReportKind.Cosim => "cosim report",
        ReportKind.HlsExportText or ReportKind.HlsExportXml => "HLS export report",
        ReportKind.VivadoUtilization => "Vivado utilization report",
        ReportKind.VivadoTimingSummary => "Vivado timing summary",
        _ => "HLS log",
    };

    private static List<FoundFile> Scan(string root)
    {
        var result = new List<FoundFile>();
        // Symbolic links are followed (a build tree may link its solution in), but each directory is
        // entered once, by its device and inode: a link loop would otherwise multiply the walk by
        // the number of links at every level.
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<(string Dir, int Depth)>();
        pending.Push((root, 0));
        while (pending.Count > 0)
        {
            var (dir, depth) = pending.Pop();
            var identity = FileStatus.Of(dir);
            if (identity.Kind != FileKind.Directory || !visited.Add(identity.Identity))
            {
                continue;
            }

            try
            {
                foreach (var file in Directory.EnumerateFiles(dir))
                {
                    var rel = "/" + Path.GetRelativePath(root, file).Replace('\\', '/');
                    result.Add(new FoundFile(file, rel, Path.GetFileName(file)));
                }

                if (depth < MaxDepth)
                {
                    foreach (var sub in Directory.EnumerateDirectories(dir))
                    {
                        var name = Path.GetFileName(sub);
                        if (!SkippedDirectories.Contains(name) && !SkippedDirectories.Contains(Path.GetExtension(name)))
                        {
                            pending.Push((sub, depth + 1));
                        }
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // An unreadable corner of a build tree does not stop the others from being read.
            }
        }

        result.Sort((a, b) => string.CompareOrdinal(a.Rel, b.Rel));
        return result;
    }

    private static (ReportKind Kind, string Path)? PickCsynth(string directory, List<FoundFile> found)
    {
        var inSynReport = found.Where(f => f.Rel.Contains("/syn/report/", StringComparison.OrdinalIgnoreCase)).ToList();
        if (Single(directory, inSynReport.Where(f => f.Name.Equals("csynth.xml", StringComparison.OrdinalIgnoreCase)), "csynth.xml") is { } xml)
        {
            return (ReportKind.CsynthXml, xml);
        }

        // No csynth.xml: one <top>_csynth.xml per module. The top is the one the cosim report is named after,
        // or the only one.
        var perModule = inSynReport.Where(f => f.Name.EndsWith("_csynth.xml", StringComparison.OrdinalIgnoreCase)).ToList();
        if (perModule.Count > 0)
        {
            var cosimTops = found.Where(f => f.Name.EndsWith("_cosim.rpt", StringComparison.OrdinalIgnoreCase))
                .Select(f => f.Name[..^"_cosim.rpt".Length]).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var top = perModule.Count == 1 ? perModule : perModule.Where(f => cosimTops.Contains(f.Name[..^"_csynth.xml".Length])).ToList();
            if (top.Count != 1)
            {
                throw new XaiException(
                    DiagnosticCatalog.AmbiguousReports,
                    $"no csynth.xml and {perModule.Count} per-module *_csynth.xml files ({string.Join(", ", perModule.Take(5).Select(f => f.Rel.TrimStart('/')))}); pass the top module's file.",
                    directory);
            }

            return (ReportKind.CsynthXml, top[0].Path);
        }

        return Single(directory, inSynReport.Where(f => f.Name.Equals("csynth.rpt", StringComparison.OrdinalIgnoreCase)), "csynth.rpt") is { } rpt
            ? (ReportKind.CsynthText, rpt)
            : null;
    }

    private static void PickExport(string directory, List<FoundFile> found, ReportSet set)
    {
        var candidates = found.Where(f =>
            f.Rel.Contains("/impl/report/verilog/", StringComparison.OrdinalIgnoreCase)
            || f.Rel.Contains("/impl/report/vhdl/", StringComparison.OrdinalIgnoreCase)).ToList();

        // Prefer the implementation run over synthesis-only, xml over text, Verilog over VHDL.
        int Score(FoundFile f)
        {
            var stem = Path.GetFileNameWithoutExtension(f.Name);
            var stage = stem.Equals("export_impl", StringComparison.OrdinalIgnoreCase) ? 3
                : stem.EndsWith("_export", StringComparison.OrdinalIgnoreCase) ? 2
                : stem.Equals("export_syn", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
            if (stage == 0)
            {
                return 0;
            }

            var xml = f.Name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) ? 2 : f.Name.EndsWith(".rpt", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
            var language = f.Rel.Contains("/verilog/", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
            return xml == 0 ? 0 : stage * 10 + xml * 2 + language;
        }

        var best = Best(directory, candidates, "HLS export report", Score);
        if (best is null)
        {
            return;
        }

        var isXml = best.EndsWith(".xml", StringComparison.OrdinalIgnoreCase);
        Add(set, isXml ? ReportKind.HlsExportXml : ReportKind.HlsExportText, best);
        var companion = Path.ChangeExtension(best, ".rpt");
        if (isXml && File.Exists(companion))
        {
            Add(set, ReportKind.HlsExportText, companion);
        }
    }

    /// <summary>Classic-flow tool logs, per-step csim logs, and the unified flow's <c>&lt;work_dir&gt;/logs/hls_*.log</c>.</summary>
    private static bool IsHlsLog(FoundFile f) =>
        f.Name.Equals("vitis_hls.log", StringComparison.OrdinalIgnoreCase)
        || f.Name.Equals("vivado_hls.log", StringComparison.OrdinalIgnoreCase)
        || (f.Rel.Contains("/csim/report/", StringComparison.OrdinalIgnoreCase) && f.Name.EndsWith("_csim.log", StringComparison.OrdinalIgnoreCase))
        || (f.Rel.Contains("/logs/", StringComparison.OrdinalIgnoreCase) && f.Name.StartsWith("hls_", StringComparison.OrdinalIgnoreCase) && f.Name.EndsWith(".log", StringComparison.OrdinalIgnoreCase));

    private static bool IsHlsOutOfContext(string rel) =>
        rel.Contains("/impl/verilog/", StringComparison.OrdinalIgnoreCase) || rel.Contains("/impl/vhdl/", StringComparison.OrdinalIgnoreCase);

    private static int Rank(string name, params (string Suffix, int Rank)[] ranks)
    {
        foreach (var (suffix, rank) in ranks)
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return rank;
            }
        }

        return 0;
    }

    /// <summary>The single highest-ranked file (rank &gt; 0), or null; several at the top rank are ambiguous.</summary>
    private static string? Best(string directory, IEnumerable<FoundFile> files, string what, Func<FoundFile, int> rank)
    {
        var ranked = files.Select(f => (File: f, Rank: rank(f))).Where(x => x.Rank > 0).ToList();
        if (ranked.Count == 0)
        {
            return null;
        }

        var top = ranked.Max(x => x.Rank);
        return Single(directory, ranked.Where(x => x.Rank == top).Select(x => x.File), what);
    }

    private static string? Single(string directory, IEnumerable<FoundFile> files, string what)
    {
        var list = files.ToList();
        return list.Count switch
        {
            0 => null,
            1 => list[0].Path,
            _ => throw new XaiException(
                DiagnosticCatalog.AmbiguousReports,
                $"{list.Count} candidates for the {what} ({string.Join(", ", list.Take(5).Select(f => f.Rel.TrimStart('/')))}); the directory holds several solutions or runs — pass one solution or run directory, or the file itself.",
                directory),
        };
    }
}
