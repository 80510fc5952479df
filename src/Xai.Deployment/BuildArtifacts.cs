using Newtonsoft.Json.Linq;
using Xai.CodeGeneration;
using Xai.Diagnostics;

namespace Xai.Deployment;

/// <summary>
/// What a build left for a board: the output directory's report.json, .bit and .hwh (Bitstream
/// stage), driver header and JTAG script, and the board folder the CSim stage writes
/// (<see cref="BoardRunnerLayout"/>: runner, its config, weight images, the C-simulation program
/// and the reference outputs).
/// </summary>
public sealed record BuildArtifacts(
    string OutputDirectory,
    string? ReportJson,
    string? Bitstream,
    string? Hwh,
    string? DriverHeader,
    string? JtagScript,
    string BoardDirectory,
    string Runner,
    string RunnerConfig,
    IReadOnlyList<string> BoardFiles,
    string BoardId,
    string HardwareMethod)
{
    /// <param name="projectOrOutputDir">A build output directory, a project directory or a .xaiproj file (then bin/Release or bin/Debug, whichever was built last).</param>
    /// <exception cref="XaiException">XAI7200 no build output; XAI7203 no runner (run the CSim stage).</exception>
    public static BuildArtifacts Locate(string projectOrOutputDir)
    {
        var output = OutputDirectoryOf(projectOrOutputDir);
        var board = Path.Combine(output, BoardRunnerLayout.DirectoryName);
        var runner = Path.Combine(board, BoardRunnerLayout.ScriptName);
        var config = Path.Combine(board, BoardRunnerLayout.ConfigName);
        if (!File.Exists(runner) || !File.Exists(config))
        {
            throw new XaiException(DiagnosticCatalog.RunnerMissing,
                $"The build output has no board-side runner ({BoardRunnerLayout.DirectoryName}/{BoardRunnerLayout.ScriptName}): build the project (the CSim stage writes it: dotnet build).", output);
        }

        JObject json;
        try
        {
            json = JObject.Parse(File.ReadAllText(config));
        }
        catch (Newtonsoft.Json.JsonException e)
        {
            throw new XaiException(DiagnosticCatalog.RunnerMissing, $"The runner config is not JSON ({e.Message}): rebuild the project.", config, inner: e);
        }

        var bits = Directory.EnumerateFiles(output, "*.bit").OrderByDescending(File.GetLastWriteTimeUtc).ToList();
        var bit = bits.FirstOrDefault();
        var hwh = bit is null ? null : Path.ChangeExtension(bit, ".hwh");
        string? Optional(string path) => File.Exists(path) ? path : null;
        var top = (string?)(json["fpga"] as JObject)?["tops"]?[0]?["name"] ?? "xai_top";
        return new BuildArtifacts(
            output,
            Optional(Path.Combine(output, "report.json")),
            bit,
            hwh is null ? null : Optional(hwh),
            Optional(Path.Combine(output, $"x{top}_hw.h")),
            Directory.EnumerateFiles(output, "program_*.tcl").FirstOrDefault(),
            board,
            runner,
            config,
            Directory.EnumerateFiles(board).OrderBy(f => f, StringComparer.Ordinal).ToList(),
            (string?)json["board"] ?? "",
            (string?)json["hardwareMethod"] ?? (string?)json["methods"]?[0] ?? "");
    }

    /// <summary>The .bit and .hwh, or the coded error that says which stage makes them.</summary>
    /// <exception cref="XaiException">XAI7201 no bitstream (run the Bitstream stage); XAI7202 no .hwh beside it.</exception>
    public (string Bit, string Hwh) RequireBitstream()
    {
        if (Bitstream is null)
        {
            throw new XaiException(DiagnosticCatalog.BitstreamMissing,
                "The build has no bitstream (.bit): run the Bitstream stage (dotnet build -t:Bitstream, which needs Vitis HLS and Vivado), then install again.", OutputDirectory);
        }

        if (Hwh is null)
        {
            throw new XaiException(DiagnosticCatalog.HwhMissing,
                $"{Path.GetFileName(Bitstream)} has no hardware handoff beside it ({Path.GetFileNameWithoutExtension(Bitstream)}.hwh); PYNQ's Overlay needs it: run the Bitstream stage again.", Bitstream);
        }

        return (Bitstream, Hwh);
    }

    private static string OutputDirectoryOf(string path)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(full) && full.EndsWith(".xaiproj", StringComparison.OrdinalIgnoreCase))
        {
            full = Path.GetDirectoryName(full)!;
        }

        if (!Directory.Exists(full))
        {
            throw new XaiException(DiagnosticCatalog.BuildOutputMissing, "No such project or build output directory.", full);
        }

        if (Directory.Exists(Path.Combine(full, BoardRunnerLayout.DirectoryName)) || File.Exists(Path.Combine(full, "report.json")))
        {
            return full;
        }

        var built = new[] { "bin/Release", "bin/Debug" }
            .Select(d => Path.Combine(full, d))
            .Where(d => File.Exists(Path.Combine(d, "report.json")) || Directory.Exists(Path.Combine(d, BoardRunnerLayout.DirectoryName)))
            .OrderByDescending(Directory.GetLastWriteTimeUtc)
            .FirstOrDefault();
        return built ?? throw new XaiException(DiagnosticCatalog.BuildOutputMissing,
            "Neither this directory nor its bin/Release or bin/Debug holds a build (report.json or board/): build the project first (dotnet build).", full);
    }
}
