using System.Management.Automation;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

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

    /// <summary>The 16-bit DRAM weight images the plan wrote (one per numerics profile).</summary>
    public required string[] WeightImages { get; init; }

    /// <summary>The board-side runner generated into the build output; null when this build has none.</summary>
    public string? Runner { get; init; }

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
        var bits = Directory.GetFiles(output, "*.bit");
        var bit = bits.Length == 1 ? bits[0] : null;
        var hwh = bit is null ? null : System.IO.Path.ChangeExtension(bit, ".hwh");
        var header = Directory.GetFiles(output, "x*_hw.h").Order(StringComparer.Ordinal).FirstOrDefault();
        var weights = location.IntermediateDirectory is { } obj && Directory.Exists(System.IO.Path.Combine(obj, "hls"))
            ? Directory.GetFiles(System.IO.Path.Combine(obj, "hls"), "weights.*.bin").Order(StringComparer.Ordinal).ToArray()
            : [];
        var runner = System.IO.Path.Combine(output, "runner", "xai_runner.py");

        return new XaiBuild
        {
            Path = output,
            ProjectFile = location.ProjectFile,
            IntermediateDirectory = location.IntermediateDirectory,
            Board = Text("board"),
            Part = Text("part"),
            Methods = (report["methods"] as JArray)?.Values<string>().OfType<string>().ToArray() ?? [],
            Numerics = (string?)report["numerics"],
            Images = (int?)report["csim"]?["images"] ?? 0,
            Accuracy = (double?)report["csim"]?["accuracy"],
            Stages = (report["stages"] as JObject)?.Properties().ToDictionary(p => p.Name, p => (string?)p.Value ?? "") ?? [],
            HasHardware = report["hardware"] is JObject,
            ReportPath = location.ReportJson,
            Report = (PSObject)JsonToPSObject.Convert(report)!,
            Bitstream = bit,
            Hwh = hwh is not null && File.Exists(hwh) ? hwh : null,
            DriverHeader = header,
            WeightImages = weights,
            Runner = File.Exists(runner) ? runner : null,
        };
    }

    private static XaiCmdletException Bad(BuildLocation location, string what) =>
        new(CmdletErrorIds.BadBuildReport, $"'{location.ReportJson}' {what}", ErrorCategory.InvalidData, location.ReportJson);
}
