using System.Management.Automation;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json;
using Xai.Deployment;
using Xai.Diagnostics;

namespace Xai.PowerShell;

/// <summary>
/// One build as Get-XaiBuild returns it: the main facts of its report.json, the whole report as
/// <see cref="Report"/>, and the files a board needs. A thin reading of report.json (schema
/// xai-report/1) with Newtonsoft, kept in this one file until the core offers a typed report model.
/// </summary>
public sealed class XaiBuild
{
    /// <summary>The build output folder (holds report.json); named Path so it binds to -Path of the next cmdlet.</summary>
    public required string Path { get; init; }

    public string? ProjectFile { get; init; }

    public string? IntermediateDirectory { get; init; }

    public required string Board { get; init; }

    public required string Part { get; init; }

    public required string[] Methods { get; init; }

    public string? Numerics { get; init; }

    public int Images { get; init; }

    public double? Accuracy { get; init; }

    /// <summary>Stage name → what happened to it in the last build (<c>ran: …</c> or <c>skipped: …</c>).</summary>
    public required IReadOnlyDictionary<string, string> Stages { get; init; }

    /// <summary>Whether the vendor stages left hardware figures (report.json <c>hardware</c> is not null).</summary>
    public bool HasHardware { get; init; }

    public required string ReportPath { get; init; }

    /// <summary>The whole report.json, as ConvertFrom-Json would give it.</summary>
    public required PSObject Report { get; init; }

    /// <summary>The .bit the Bitstream stage copied into the output folder; null until that stage ran.</summary>
    public string? Bitstream { get; init; }

    /// <summary>The .hwh beside the .bit (PYNQ's Overlay needs both, same stem).</summary>
    public string? Hwh { get; init; }

    /// <summary>The accelerator's register map header x&lt;top&gt;_hw.h copied beside the .bit.</summary>
    public string? DriverHeader { get; init; }

    /// <summary>Every file the board needs besides .bit and .hwh (the build's board/ folder).</summary>
    public required string[] BoardFiles { get; init; }

    /// <summary>The weight images in the build's board/ folder (16-bit per numerics profile; float for the csim backend).</summary>
    public required string[] WeightImages { get; init; }

    /// <summary>The board-side runner generated into the build output; null when this build has none.</summary>
    public string? Runner { get; init; }

    /// <summary>The Slurm jobs the build ran (XaiExecutor=Slurm: vendor stages, fidelity run): id, stage, state, node, elapsed; empty for local runs.</summary>
    public required XaiSlurmJob[] SlurmJobs { get; init; }

    internal static XaiBuild Read(BuildLocation location)
    {
        JObject report;
        try
        {
            report = JObject.Parse(File.ReadAllText(location.ReportJson));
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            throw Bad(location, $"cannot be read as JSON: {e.Message}");
        }

        if ((string?)report["schema"] != "xai-report/1")
        {
            throw Bad(location, $"has schema '{report["schema"]}'; this module reads xai-report/1.");
        }

        string Text(string field) => report[field] is JValue { Type: JTokenType.String } v ? (string)v! : throw Bad(location, $"lacks the text field '{field}'.");

        var output = location.OutputDirectory;
        XaiSlurmJob[] jobs;
        try
        {
            jobs = XaiSlurmJob.Read(location.IntermediateDirectory, location.VendorDirectory);
        }
        catch (InvalidDataException e)
        {
            throw new XaiCmdletException(DiagnosticCatalog.BadBuildReport, e.Message, ErrorCategory.InvalidData, location.VendorDirectory);
        }

        // The board-side files as Xai.Deployment finds them; a build from before the runner existed has none.
        BuildArtifacts? artifacts = null;
        try
        {
            artifacts = BuildArtifacts.Locate(output);
        }
        catch (Diagnostics.XaiException e) when (e.Code == DiagnosticCatalog.RunnerMissing)
        {
        }

        return new XaiBuild
        {
            Path = output,
            ProjectFile = location.ProjectFile,
            IntermediateDirectory = location.IntermediateDirectory,
            Board = Text("board"),
            Part = Text("part"),
            Methods = (report["methods"] as JArray)?.Values<string>().OfType<string>().ToArray() ?? [],
            Numerics = (string?)report["numerics"],
            Images = (int?)(report["csim"] as JObject)?["images"] ?? 0,
            Accuracy = (double?)(report["csim"] as JObject)?["accuracy"],
            Stages = (report["stages"] as JObject)?.Properties().ToDictionary(p => p.Name, p => (string?)p.Value ?? "") ?? [],
            HasHardware = report["hardware"] is JObject,
            ReportPath = location.ReportJson,
            Report = (PSObject)JsonToPSObject.Convert(report)!,
            Bitstream = artifacts?.Bitstream,
            Hwh = artifacts?.Hwh,
            DriverHeader = artifacts?.DriverHeader,
            WeightImages = artifacts?.BoardFiles.Where(f => System.IO.Path.GetFileName(f).StartsWith("weights.", StringComparison.Ordinal)).ToArray() ?? [],
            Runner = artifacts?.Runner,
            BoardFiles = artifacts?.BoardFiles.ToArray() ?? [],
            SlurmJobs = jobs,
        };
    }

    private static XaiCmdletException Bad(BuildLocation location, string what) =>
        new(DiagnosticCatalog.BadBuildReport, $"'{location.ReportJson}' {what}", ErrorCategory.InvalidData, location.ReportJson);
}
