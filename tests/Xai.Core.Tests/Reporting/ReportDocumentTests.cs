using System.Text.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;
using Xai.Amd.Reports;
using Xai.Amd.Toolchain;
using Xai.Attribution;
using Xai.Core.Tests.Amd.Reports;
using Xai.Core.Tests.CodeGeneration;
using Xai.Diagnostics;
using Xai.Reporting;
using Xai.Reporting.Model;
using Xai.Stages;
using Xai.Tests;

namespace Xai.Core.Tests.Reporting;

/// <summary>
/// report.json and plan.json as one typed model: what the stages write fits the published schemas
/// (schemas/), reads back through <see cref="ReportDocument"/> to the same text, and a file that does
/// not fit is a coded error naming it. The schemas' <c>$defs</c> are checked against the types.
/// </summary>
public sealed class ReportDocumentTests(OddNetworkBuild build) : IClassFixture<OddNetworkBuild>
{
    private static readonly ReportSchemas Schemas = ReportSchemas.In(RepositoryLayout.Root);

    private static readonly Dictionary<string, string> NoVendorStage = new()
    {
        ["Synthesize"] = "skipped: vitis_hls not found",
        ["CSim"] = "ran: bit-accurate C simulation with g++",
    };

    [Fact]
    public void The_report_of_a_build_without_vendor_tools_fits_the_schema_and_reads_back_to_the_same_text()
    {
        var layout = Copy("plain");
        var written = ReportStage.Run(build.Settings, layout, ["circle", "square", "triangle", "star"], NoVendorStage);
        var text = File.ReadAllText(layout.ReportJson);

        Schemas.AssertReport(text, "report.json");
        Schemas.AssertPlan(File.ReadAllText(layout.PlanFile), "plan.json");
        var read = ReportDocument.Read(layout.ReportJson);
        Assert.Equal(text, ReportDocument.Serialize(read));
        Assert.Equal(written.Csim!.PerImage.Count, read.Csim!.PerImage.Count);
        Assert.Null(read.Hardware);
        Assert.Equal(JTokenType.Null, JObject.Parse(text)["hardware"]!.Type);
        // The keys report.json has always had, in the same order.
        Assert.Equal(
            ["schema", "project", "board", "part", "boardPart", "methods", "numerics", "classNames", "memory", "plan", "csim", "stages", "hardware", "explore", "sanityCheck"],
            JObject.Parse(text).Properties().Select(p => p.Name));
        Assert.Equal(["Saliency", "DeconvNet", "GuidedBackprop", "autogradBits"], ((JObject)JObject.Parse(text)["memory"]!).Properties().Select(p => p.Name));
    }

    [Fact]
    public void A_report_with_every_optional_part_fits_the_schema_and_survives_a_round_trip()
    {
        var layout = Copy("full");
        var vendor = VendorLayout.For(layout);
        HlsSourcesStage.Run(build.Plan, AttributionMethod.Saliency, inferenceVariant: true, null, layout, vendor);
        new VendorToolSet(
            new HlsToolchain(HlsFlow.Classic, new ToolVersion(2023, 2), Location(VendorTool.VitisHls, "/opt/Xilinx/Vitis_HLS/2023.2/bin/vitis_hls"), null, null, []),
            null, null, "vivado was not found; set XaiVivadoPath").Save(vendor);
        // Real csynth.xml files stand for the two tops; they name another design, so the records are taken as this design's here to get an overhead.
        foreach (var (top, fixture) in new[] { ("xai_top", "fastmachinelearning__hls4ml__myproject_csynth.xml"), ("xai_top_fp", "ValdecirDesenv__FPGA_picoZed__csynth.xml") })
        {
            var directory = Path.Combine(vendor.Directory, top, "solution1", "syn", "report");
            Directory.CreateDirectory(directory);
            File.Copy(Fixtures.PathOf(fixture), Path.Combine(directory, "csynth.xml"), overwrite: true);
            HardwareCollection.Save(vendor, top, build.Settings.Board.Part, [Path.Combine(vendor.Directory, top)], VendorStage.Synthesize, "vitis_hls 2023.2, classic flow");
            File.WriteAllText(vendor.HardwareReport(top), ReportJson.Serialize(HardwareCollection.Load(vendor, top) with { MatchesDesign = true, Mismatch = null }));
        }

        var explored = ExploreStage.Run(build.Settings, layout, [100, 150]);
        Assert.Equal(2 * 144, explored.Candidates); // 2 clocks x 72 engine shapes x serial / double-buffered
        var stages = new Dictionary<string, string>(NoVendorStage) { ["Synthesize"] = "ran: vitis_hls 2023.2, classic flow" };
        var report = ReportStage.Build(build.Settings, layout, [], stages);
        Assert.Equal(ReportJson.Serialize(explored), ReportJson.Serialize(report.Explore!));
        report = report with
        {
            Csim = report.Csim! with
            {
                FidelityTestSet = new DatasetFidelity
                {
                    Dataset = "Fashion-MNIST test set", Directory = "/usr/share/datasets/fashion-mnist", Images = 3,
                    AccuracyFloat = 1, AccuracyPlanned = 2.0 / 3, Seconds = 0.5,
                    Fidelity = report.Csim.Fidelity, FidelityPaper = report.Csim.FidelityPaper, FidelityRoundedInput = report.Csim.Fidelity,
                },
            },
        };
        var text = ReportDocument.Serialize(report);

        Schemas.AssertReport(text, "report.json with hardware");
        var hardware = report.Hardware!;
        Assert.Equal(["Synthesize"], hardware.StagesRun);
        Assert.Equal(new ToolVersion(2023, 2), hardware.Tools!.Hls.Version);
        Assert.Equal("2023.2", (string?)JObject.Parse(text)["hardware"]!["tools"]!["hls"]!["version"]);
        Assert.NotNull(hardware.BpOverhead!.Resources!.Lut);
        Assert.Equal("hls-estimate", hardware.BpOverhead.Resources.Basis);
        var read = ReportDocument.Parse(text, "report.json");
        Assert.Equal(text, ReportDocument.Serialize(read));
        Assert.Equal(hardware.Fpbp!.Report!.Resources, read.Hardware!.Fpbp!.Report!.Resources);
        Assert.Equal(hardware.Fpbp.Report.Tools, read.Hardware.Fpbp.Report.Tools);

        // The fixtures' latencies stand for this design's (MatchesDesign forced above), so the model is set against them.
        // (the picoZed csynth.xml standing for xai_top_fp gives a latency of 0 cycles, which is no figure).
        var check = Assert.Single(read.Hardware.LatencyModel);
        Assert.Equal("xai_top", check.Top);
        Assert.Equal(read.Hardware.Fpbp!.Report!.Latency!.AvgCycles ?? read.Hardware.Fpbp.Report.Latency.MaxCycles, check.ReportCycles);
        Assert.Equal(report.Plan.Latency.FpCycles + report.Plan.Latency.BpCycles, check.ModelCycles);
        Assert.Equal((double)check.ModelCycles / check.ReportCycles - 1, check.Error, 12);
        var html = ReportHtml.Render(read);
        Assert.Contains("What BP adds over FP", html);
        Assert.Contains("model error", html);
        Assert.Contains("Fidelity on 3 Fashion-MNIST test images", html);
        Assert.Contains("Latency, modelled before any vendor tool", html);
        Assert.Contains($"Design-space exploration: {explored.Fitting} of 288 configurations fit", html);
        Assert.Contains("<svg class=\"plot\"", html);
        Assert.Equal(explored.Pareto.Count, System.Text.RegularExpressions.Regex.Matches(html, "<circle ").Count);
    }

    [Fact]
    public void The_normalized_report_of_every_fixture_fits_the_schema_of_hardware_report()
    {
        var directories = new[] { Fixtures.BundledDirectory, Fixtures.SharedDirectory }.Where(Directory.Exists);
        var checkedFiles = 0;
        foreach (var file in directories.SelectMany(Directory.EnumerateFiles).Where(f => !f.EndsWith(".md", StringComparison.Ordinal)))
        {
            HardwareReport report;
            try
            {
                report = HardwareReportCollector.Collect(file);
            }
            catch (XaiException)
            {
                continue; // not a report the collector reads (scripts, headers) or one it rejects with a code
            }

            Schemas.AssertDefinition("HardwareReport", report.ToJson(), Path.GetFileName(file));
            checkedFiles++;
        }

        Assert.True(checkedFiles >= 5, $"only {checkedFiles} fixtures were checked");
    }

    [Fact]
    public void The_schema_rejects_a_misnamed_key_a_missing_key_and_a_wrong_type()
    {
        var layout = Copy("negative");
        var text = ReportDocument.Serialize(ReportStage.Build(build.Settings, layout, [], NoVendorStage));
        Assert.Empty(Schemas.ReportErrors(text));

        var renamed = JObject.Parse(text);
        renamed["csim"]!["perImage"]![0]!["floatclass"] = renamed["csim"]!["perImage"]![0]!["floatClass"];
        ((JObject)renamed["csim"]!["perImage"]![0]!).Remove("floatClass");
        Assert.NotEmpty(Schemas.ReportErrors(renamed.ToString()));

        var mistyped = JObject.Parse(text);
        mistyped["plan"]!["engine"]!["fcTile"] = "16";
        Assert.Contains(Schemas.ReportErrors(mistyped.ToString()), e => e.Contains("/plan/engine/fcTile", StringComparison.Ordinal));

        var missing = JObject.Parse(text);
        missing.Remove("stages");
        Assert.NotEmpty(Schemas.ReportErrors(missing.ToString()));
    }

    [Fact]
    public void Reading_a_report_that_is_missing_not_json_of_another_schema_or_lacks_a_key_is_a_coded_error_naming_the_file()
    {
        var layout = Copy("errors");
        var path = layout.ReportJson;
        Assert.Equal(DiagnosticCatalog.DocumentMissing, Assert.Throws<XaiException>(() => ReportDocument.Read(path)).Code);

        File.WriteAllText(path, "{ \"schema\": \"xai-report/1\", ");
        var notJson = Assert.Throws<XaiException>(() => ReportDocument.Read(path));
        Assert.Equal((DiagnosticCatalog.ReportJsonUnreadable, path), (notJson.Code, notJson.Diagnostic.File));

        var text = ReportDocument.Serialize(ReportStage.Build(build.Settings, layout, [], NoVendorStage));
        var newer = JObject.Parse(text);
        newer["schema"] = "xai-report/2";
        File.WriteAllText(path, newer.ToString());
        var other = Assert.Throws<XaiException>(() => ReportDocument.Read(path));
        Assert.Equal(DiagnosticCatalog.ReportSchemaUnknown, other.Code);
        Assert.Contains("'xai-report/2'", other.Message);

        var lacking = JObject.Parse(text);
        ((JObject)lacking["plan"]!["engine"]!).Remove("clockMHz");
        File.WriteAllText(path, lacking.ToString());
        var missingKey = Assert.Throws<XaiException>(() => ReportDocument.Read(path));
        Assert.Equal(DiagnosticCatalog.ReportJsonUnreadable, missingKey.Code);
        Assert.Contains("clockMHz", missingKey.Message);
    }

    [Fact]
    public void A_stage_file_that_does_not_fit_is_XAI3504_not_a_crash()
    {
        var layout = Copy("stale");
        File.WriteAllText(layout.CSimResultsFile, "{ \"images\": \"two\" }");
        var e = Assert.Throws<XaiException>(() => ReportStage.Build(build.Settings, layout, [], NoVendorStage));
        Assert.Equal((DiagnosticCatalog.StageFileUnreadable, layout.CSimResultsFile), (e.Code, e.Diagnostic.File));
    }

    [Fact]
    public void The_schema_definitions_name_exactly_the_keys_of_the_model_types_and_which_are_required_or_nullable()
    {
        var resolver = new ReportContractResolver();
        var checkedTypes = new List<string>();
        foreach (var file in new[] { ReportSchemas.ReportFile, ReportSchemas.PlanFile })
        {
            using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(Schemas.Directory, file)));
            var roots = new List<(string Name, JsonElement Definition)> { (file == ReportSchemas.ReportFile ? nameof(XaiReport) : nameof(XaiPlan), schema.RootElement) };
            roots.AddRange(schema.RootElement.GetProperty("$defs").EnumerateObject().Select(d => (d.Name, d.Value)));
            foreach (var (name, definition) in roots)
            {
                var type = typeof(XaiReport).Assembly.GetTypes().SingleOrDefault(t => t.Name == name && t.Namespace is "Xai.Reporting.Model" or "Xai.Amd.Reports" or "Xai.Amd.Toolchain");
                Assert.True(type is not null, $"{file}: $defs/{name} names no type of the report model");
                // Written by converters: PlanMemory as method keys beside autogradBits, ToolVersion as a string.
                if (resolver.ResolveContract(type) is not JsonObjectContract contract || type == typeof(PlanMemory) || type == typeof(ToolVersion))
                {
                    continue;
                }

                var properties = definition.GetProperty("properties").EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
                var required = definition.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(e => e.GetString()!).ToHashSet() : [];
                var members = contract.Properties.Where(p => !p.Ignored).ToList();
                Assert.Equal(members.Select(p => p.PropertyName!).Order(), properties.Keys.Order());
                foreach (var member in members)
                {
                    var where = $"{file}: {name}.{member.PropertyName}";
                    Assert.True(required.Contains(member.PropertyName!) == (member.Required != Newtonsoft.Json.Required.Default), $"{where}: required differs");
                    var nullable = properties[member.PropertyName!].TryGetProperty("anyOf", out var any) && any.EnumerateArray().Any(a => a.TryGetProperty("type", out var t) && t.GetString() == "null");
                    Assert.True(nullable == (member.Required == Newtonsoft.Json.Required.AllowNull), $"{where}: null allowed differs");
                }

                checkedTypes.Add(name);
            }
        }

        // Every type of the model has its definition.
        var modelTypes = typeof(XaiReport).Assembly.GetTypes()
            .Where(t => t.Namespace == "Xai.Reporting.Model" && t.IsPublic && !typeof(Newtonsoft.Json.JsonConverter).IsAssignableFrom(t) && t != typeof(PlanMemory));
        Assert.Empty(modelTypes.Select(t => t.Name).Except(checkedTypes));
    }

    /// <summary>A layout of its own for a test, with the fixture's plan.json and csim.json.</summary>
    private BuildLayout Copy(string name)
    {
        var layout = new BuildLayout(Path.Combine(build.Directory, name, "obj"), Path.Combine(build.Directory, name, "bin"));
        Directory.CreateDirectory(layout.IntermediateDirectory);
        Directory.CreateDirectory(layout.OutputDirectory);
        Directory.CreateDirectory(layout.ResultsDirectory);
        File.Copy(build.Layout.PlanFile, layout.PlanFile, overwrite: true);
        File.Copy(build.Layout.CSimResultsFile, layout.CSimResultsFile, overwrite: true);
        // The exploration reads Generate's plan and weights.
        File.Copy(build.Layout.NetworkPlanFile, layout.NetworkPlanFile, overwrite: true);
        File.Copy(build.Layout.FloatWeights, layout.FloatWeights, overwrite: true);
        // The sources stage reads the generated headers and the C simulation's first image.
        Directory.CreateDirectory(layout.GeneratedDirectory);
        foreach (var header in Directory.EnumerateFiles(build.Layout.GeneratedDirectory))
        {
            File.Copy(header, Path.Combine(layout.GeneratedDirectory, Path.GetFileName(header)), overwrite: true);
        }

        foreach (var file in new[] { "csim-inputs.f32", "csim-outputs.bin" })
        {
            var source = Path.Combine(build.Layout.IntermediateDirectory, file);
            if (File.Exists(source))
            {
                File.Copy(source, Path.Combine(layout.IntermediateDirectory, file), overwrite: true);
            }
        }

        return layout;
    }

    private static ToolLocation Location(VendorTool tool, string path) =>
        new(VendorToolFacts.For(tool), path, ToolOrigin.Property, VendorToolFacts.For(tool).Property, ToolVersionReader.FromInstallPath(path), VersionOrigin.InstallDirectory, []);
}
