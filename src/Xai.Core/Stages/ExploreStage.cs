using System.Globalization;
using Xai.Boards;
using Xai.DesignSpace;
using Xai.Diagnostics;
using Xai.IO;
using Xai.Planning;
using Xai.Projects;
using Xai.Reporting;
using Xai.Reporting.Model;

namespace Xai.Stages;

/// <summary>
/// Stage "Explore" (<c>dotnet build -t:Explore</c>): models every engine configuration of Generate's
/// network on the project's board at the clocks asked for, and writes explore.csv (every candidate)
/// and the Pareto set for report.json; the task makes the sibling builds from the section it returns.
/// </summary>
public static class ExploreStage
{
    /// <summary>The clocks of <c>XaiExploreClocksMHz</c> (';'-separated; empty = the project's clock), each checked against the board (XAI1111).</summary>
    public static IReadOnlyList<double> ParseClocks(string text, ProjectSettings settings)
    {
        if (string.IsNullOrWhiteSpace(text)) return [settings.ClockMHz];
        var range = settings.Board.PlClock;
        var clocks = new List<double>();
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!ClockRange.TryParse(part, range, out var mhz))
            {
                throw new XaiException(DiagnosticCatalog.BadExploreSetting,
                    string.Format(CultureInfo.InvariantCulture, "Property 'XaiExploreClocksMHz' has '{0}'; allowed: clocks in MHz from {1} to {2} separated by ';' (board '{3}', plClockMHz in {4}), or empty for XaiClockMHz.",
                        part, range.MinMHz, range.MaxMHz, settings.Board.Id, Path.GetFileName(settings.Board.SourceFile)),
                    settings.ProjectFile);
            }

            if (!clocks.Contains(mhz)) clocks.Add(mhz);
        }

        return clocks.Count > 0 ? clocks : [settings.ClockMHz];
    }

    public static ExploreSection Run(ProjectSettings settings, BuildLayout layout, IReadOnlyList<double> clocks)
    {
        var network = DesignPlanFile.Load(layout.NetworkPlanFile, layout.FloatWeights);
        var all = DesignSpaceExplorer.Enumerate(network.Layers, network.InputShape.ElementCount, network.Classes, settings.Board, clocks, network.ConvTileCi, network.ConvTileCo,
            [.. network.Methods.Select(network.ScheduleOf)], settings.Explanation?.PassSums ?? Attribution.PassSumsPlacement.Auto);
        var pareto = DesignSpaceExplorer.ParetoSet(all);
        var goal = PaperTableIv.GoalFpBpMs(settings.Board.Id);
        var clockForGoal = pareto.Count == 0 || double.IsNaN(goal) || pareto[0].Latency.FpBpMs <= goal
            ? null
            : DesignSpaceExplorer.ClockToMeet(network.Layers, network.InputShape.ElementCount, network.Classes, settings.Board, pareto[0], goal);
        var section = ExploreDocument.Build(settings.Board.Id, settings.Board.PlClock.MaxMHz, clockForGoal, network.NetworkName, clocks, all, pareto);
        Directory.CreateDirectory(layout.ResultsDirectory);
        AtomicFile.WriteAllTextIfChanged(layout.ExploreCsv, ExploreDocument.Csv(all, pareto));
        AtomicFile.WriteAllText(layout.ExploreJson, ReportJson.Serialize(section)); // its time says when it was explored (Load)
        return section;
    }

    /// <summary>The last exploration of this project's board and network, or null (none yet, made for other settings, older than the network plan, or unreadable: written by an older SDK).</summary>
    public static ExploreSection? Load(BuildLayout layout, ProjectSettings settings, string network)
    {
        // An exploration older than Generate's plan (rewritten only when the network or the tiles change) is stale.
        if (!File.Exists(layout.ExploreJson) || (File.Exists(layout.NetworkPlanFile) && File.GetLastWriteTimeUtc(layout.NetworkPlanFile) > File.GetLastWriteTimeUtc(layout.ExploreJson))) return null;
        ExploreSection section;
        try
        {
            section = ReportJson.Read<ExploreSection>(layout.ExploreJson, DiagnosticCatalog.PlanJsonUnreadable, "explore.json");
        }
        catch (XaiException)
        {
            // Written by an SDK whose section lacked a field this one requires: stale too, and not worth failing a build over.
            return null;
        }

        return section.Board == settings.Board.Id && section.Network == network ? section : null;
    }
}
