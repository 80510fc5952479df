namespace Xai.Amd.Reports;

/// <summary>
/// Builds one <see cref="HardwareReport"/> from a <see cref="ReportSet"/>. Later flow stages win over
/// earlier ones (Vivado placed/routed over the HLS export run over the HLS estimate; cosim measurement
/// over the csynth estimate), and every value records the file and field it came from.
/// </summary>
public static class HardwareReportMerger
{
    public static HardwareReport Merge(ReportSet set)
    {
        var report = new HardwareReport();
        report.Files.AddRange(set.Files);
        Identity(set, report);
        Resources(set, report);
        Clock(set, report);
        Latency(set, report);
        Timing(set, report);
        foreach (var log in set.Logs)
        {
            report.Errors.AddRange(log.Errors);
            if (log.Errors.Any())
            {
                report.Sources["errors"] = new ValueSource(log.Source, "ERROR: lines");
            }
        }

        return report;
    }

    private static void Identity(ReportSet set, HardwareReport report)
    {
        void Tool(ToolRelease? tool, string file, string field)
        {
            if (tool is not null && !report.Tools.Contains(tool))
            {
                report.Sources[$"tools[{report.Tools.Count}]"] = new ValueSource(file, field);
                report.Tools.Add(tool);
            }
        }

        void Set(string key, string? value, string file, string field, Action<string> assign)
        {
            if (value is not null && !report.Sources.ContainsKey(key))
            {
                assign(value);
                report.Sources[key] = new ValueSource(file, field);
            }
        }

        if (set.Csynth is { } c)
        {
            report.Warnings.AddRange(c.Warnings);
            Tool(ToolRelease.Of(c.ToolName, c.ToolVersion), c.Source, "/profile/ReportVersion/Version");
            Set("topModule", c.TopModule, c.Source, "/profile/UserAssignments/TopModelName", v => report.TopModule = v);
            Set("part", c.Part, c.Source, "/profile/UserAssignments/Part", v => report.Part = v);
            if (c.Loops.Count > 0)
            {
                report.Loops = c.Loops;
                report.Sources["loops"] = new ValueSource(c.Source, "/profile/PerformanceEstimates/SummaryOfLoopLatency");
            }
        }

        if (set.CsynthText is { } t)
        {
            Tool(t.Tool, t.Source, "* Version:");
            Set("topModule", t.TopModule, t.Source, "HLS Report for '…'", v => report.TopModule = v);
            Set("part", t.Part, t.Source, "* Target device:", v => report.Part = v);
        }

        foreach (var e in new[] { set.Export, set.ExportCompanion })
        {
            if (e is not null)
            {
                Tool(e.Tool, e.Source, "Implementation tool:");
                Set("part", e.Part, e.Source, "Device target:", v => report.Part = v);
            }
        }

        if (set.Utilization is { } u)
        {
            Tool(u.Tool, u.Source, "| Tool Version :");
            Set("topModule", u.Design, u.Source, "| Design :", v => report.TopModule = v);
            Set("part", u.Device, u.Source, "| Device :", v => report.Part = v);
        }

        if (set.Timing is { } s)
        {
            Tool(s.Tool, s.Source, "| Tool Version :");
            Set("topModule", s.Design, s.Source, "| Design :", v => report.TopModule = v);
            Set("part", s.Device, s.Source, "| Device :", v => report.Part = v);
        }
    }

    private sealed record Candidate(string Stage, string Scope, ResourceCounts Used, ResourceCounts? Available, string File, Func<string, string> Field);

    private static void Resources(ReportSet set, HardwareReport report)
    {
        var candidates = new List<Candidate>();
        if (set.Utilization is { } u)
        {
            var stage = u.DesignState switch
            {
                { } s when s.Contains("Routed", StringComparison.OrdinalIgnoreCase) => "vivado-routed",
                { } s when s.Contains("Placed", StringComparison.OrdinalIgnoreCase) => "vivado-placed",
                _ => "vivado-synthesized",
            };
            var prefix = u.IsUltraScale ? "CLB" : "Slice";
            candidates.Add(new Candidate(stage, "design", u.Used, u.Available, u.Source, name => name switch
            {
                "lut" => $"{prefix} LUTs",
                "ff" => $"{prefix} Registers",
                "bram18k" => "Block RAM Tile × 2",
                "dsp" => "DSPs",
                _ => "URAM",
            }));
        }

        if (set.Export is { } e)
        {
            candidates.Add(new Candidate($"hls-export-{e.Stage}", "hls-top", e.Used, e.Available, e.Source, name => e.IsXml
                ? $"/profile/AreaReport/Resources/{XmlName(name)}"
                : $"{XmlName(name)}:"));
        }

        Candidate? estimate = null;
        if (set.Csynth is { } c)
        {
            estimate = new Candidate("hls-estimate", "hls-top", c.Resources, c.Available, c.Source, name => $"/profile/AreaEstimates/Resources/{CsynthName(name, c.DspElementName)}");
        }
        else if (set.CsynthText is { } t)
        {
            estimate = new Candidate("hls-estimate", "hls-top", t.Resources, t.Available, t.Source, name => $"Utilization Estimates, Total, {CsynthName(name, "DSP")}");
        }

        if (estimate is not null)
        {
            // Kept apart only when a later stage supplies the main figures; otherwise it would repeat them.
            if (candidates.Count > 0)
            {
                report.HlsEstimate = new HardwareResources(estimate.Stage, estimate.Scope, estimate.Used, estimate.Available ?? Empty);
                RecordCounts(report, "hlsEstimate.used", estimate.Used, estimate.File, estimate.Field);
                if (estimate.Available is { } a)
                {
                    RecordCounts(report, "hlsEstimate.available", a, estimate.File, name => estimate.Field(name).Replace("/Resources/", "/AvailableResources/").Replace("Total", "Available"));
                }
            }

            candidates.Add(estimate);
        }

        if (candidates.Count == 0)
        {
            return;
        }

        var best = candidates[0];
        RecordCounts(report, "resources.used", best.Used, best.File, best.Field);

        // Device totals: from the same report when it has them, else per field from the HLS estimate (same device).
        long? Available(string name, Func<ResourceCounts, long?> pick)
        {
            foreach (var candidate in candidates)
            {
                if (candidate.Available is { } a && pick(a) is { } value)
                {
                    var field = candidate.Field(name);
                    report.Sources[$"resources.available.{name}"] = new ValueSource(candidate.File, candidate.File.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)
                        ? field.Replace("/Resources/", "/AvailableResources/")
                        : candidate.Stage.StartsWith("vivado", StringComparison.Ordinal) ? $"{field}: Available" : field.Replace("Total", "Available"));
                    return value;
                }
            }

            return null;
        }

        var available = new ResourceCounts(
            Available("lut", r => r.Lut),
            Available("ff", r => r.Ff),
            Available("bram18k", r => r.Bram18K),
            Available("dsp", r => r.Dsp),
            Available("uram", r => r.Uram));
        report.Resources = new HardwareResources(best.Stage, best.Scope, best.Used, available);
    }

    private static readonly ResourceCounts Empty = new(null, null, null, null, null);

    private static void RecordCounts(HardwareReport report, string prefix, ResourceCounts counts, string file, Func<string, string> field)
    {
        void One(string name, long? value)
        {
            if (value is not null)
            {
                report.Sources[$"{prefix}.{name}"] = new ValueSource(file, field(name));
            }
        }

        One("lut", counts.Lut);
        One("ff", counts.Ff);
        One("bram18k", counts.Bram18K);
        One("dsp", counts.Dsp);
        One("uram", counts.Uram);
    }

    private static string XmlName(string name) => name switch
    {
        "bram18k" => "BRAM",
        _ => name.ToUpperInvariant(),
    };

    private static string CsynthName(string name, string dsp) => name switch
    {
        "bram18k" => "BRAM_18K",
        "dsp" => dsp,
        _ => name.ToUpperInvariant(),
    };

    private static void Clock(ReportSet set, HardwareReport report)
    {
        double? target = null, estimated = null, achieved = null;
        if (set.Csynth is { } c)
        {
            target = c.TargetClockPeriodNs;
            estimated = c.EstimatedClockPeriodNs;
            report.Sources["clock.targetPeriodNs"] = new ValueSource(c.Source, "/profile/UserAssignments/TargetClockPeriod");
            report.Sources["clock.estimatedPeriodNs"] = new ValueSource(c.Source, "/profile/PerformanceEstimates/SummaryOfTimingAnalysis/EstimatedClockPeriod");
        }
        else if (set.CsynthText is { } t)
        {
            target = t.TargetClockPeriodNs;
            estimated = t.EstimatedClockPeriodNs;
            report.Sources["clock.targetPeriodNs"] = new ValueSource(t.Source, "Timing summary, Target");
            report.Sources["clock.estimatedPeriodNs"] = new ValueSource(t.Source, "Timing summary, Estimated");
        }

        if (set.Export is { } e)
        {
            achieved = e.AchievedClockPeriodNs;
            report.Sources["clock.achievedPeriodNs"] = new ValueSource(e.Source, e.IsXml ? "/profile/TimingReport/AchievedClockPeriod" : $"CP achieved post-{e.Stage}");
            if (target is null)
            {
                target = e.TargetClockPeriodNs;
                report.Sources["clock.targetPeriodNs"] = new ValueSource(e.Source, e.IsXml ? "/profile/TimingReport/TargetClockPeriod" : "CP required");
            }
        }

        if (target is not null || estimated is not null || achieved is not null)
        {
            report.Clock = new HardwareClock(target, estimated, achieved);
        }
    }

    private static void Latency(ReportSet set, HardwareReport report)
    {
        if (set.Cosim is { } cosim)
        {
            report.Cosim = cosim.Results;
            report.Sources["cosim"] = new ValueSource(cosim.Source, "RTL/Status table");
        }

        // A passing RTL simulation measured the real schedule; prefer it to the scheduler's estimate.
        var measured = set.Cosim?.Results.FirstOrDefault(r => r.Status == CosimStatus.Pass && r.Latency.IsKnown);
        string basis, file, field;
        CycleRange? latency, interval;
        if (measured is not null)
        {
            (basis, file, field, latency) = ("cosim", set.Cosim!.Source, $"{measured.Rtl} Latency min/avg/max", measured.Latency);
            interval = measured.Interval.IsKnown ? measured.Interval : null;
            if (interval is not null)
            {
                report.Sources["interval"] = new ValueSource(file, $"{measured.Rtl} Interval min/avg/max");
            }
        }
        else if (set.Csynth is { } c)
        {
            (basis, file, field, latency) = ("csynth", c.Source, "/profile/PerformanceEstimates/SummaryOfOverallLatency/{Best,Average,Worst}-caseLatency", c.Latency);
            interval = null;
        }
        else if (set.CsynthText is { } t)
        {
            (basis, file, field, latency) = ("csynth", t.Source, "Latency summary, min/max (cycles)", t.Latency);
            interval = null;
        }
        else
        {
            return;
        }

        if (interval is null)
        {
            if (set.Csynth is { } c2)
            {
                interval = c2.Interval;
                report.Sources["interval"] = new ValueSource(c2.Source, "/profile/PerformanceEstimates/SummaryOfOverallLatency/Interval-{min,max}");
            }
            else if (set.CsynthText is { } t2)
            {
                interval = t2.Interval;
                report.Sources["interval"] = new ValueSource(t2.Source, "Latency summary, Interval min/max");
            }
        }

        report.Interval = interval is { IsKnown: true } ? interval : null;
        if (report.Interval is null)
        {
            report.Sources.Remove("interval");
        }

        // Milliseconds at the achieved clock when Vivado gave one, else at the HLS estimate.
        var (period, clockBasis) = report.Clock switch
        {
            { AchievedPeriodNs: > 0 } k => (k.AchievedPeriodNs, "achieved"),
            { EstimatedPeriodNs: > 0 } k => (k.EstimatedPeriodNs, "estimated"),
            _ => ((double?)null, (string?)null),
        };
        double? Ms(long? cycles) => cycles is { } n && period is { } p ? Math.Round(n * p / 1e6, 9) : null;

        report.Latency = new HardwareLatency
        {
            Basis = basis,
            MinCycles = latency.Min,
            AvgCycles = latency.Avg,
            MaxCycles = latency.Max,
            MinMs = Ms(latency.Min),
            AvgMs = Ms(latency.Avg),
            MaxMs = Ms(latency.Max),
            ClockPeriodNs = period,
            ClockBasis = clockBasis,
        };
        report.Sources["latency"] = new ValueSource(file, field);
    }

    private static void Timing(ReportSet set, HardwareReport report)
    {
        if (set.Timing is { } t)
        {
            report.Timing = new HardwareTiming(t.WnsNs, t.TnsNs, t.WhsNs, t.ConstraintsMet);
            report.Sources["timing"] = new ValueSource(t.Source, "Design Timing Summary: WNS(ns), TNS(ns), WHS(ns)" + (t.Verdict is null ? "" : $"; '{t.Verdict}'"));
        }
        else if (set.Export is { } e)
        {
            // The export run gives periods, not slack: WNS = required − achieved.
            report.Timing = new HardwareTiming(e.SlackNs, null, null, e.TimingMet);
            report.Sources["timing"] = new ValueSource(e.Source, e.IsXml ? "TargetClockPeriod − AchievedClockPeriod" : $"CP required − CP achieved post-{e.Stage}");
        }
    }
}
