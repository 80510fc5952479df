using System.Collections.Concurrent;
using System.Text.Json;
using Json.Schema;

namespace Xai.Tests;

/// <summary>
/// The published JSON Schemas (<c>schemas/</c> at the repository root), loaded once per root, and the
/// check every test applies to a report.json, plan.json or vendor report it produced. Shared by the
/// core and the integration tests (linked into both).
/// </summary>
internal sealed class ReportSchemas
{
    public const string ReportFile = "xai-report-1.schema.json";
    public const string PlanFile = "xai-plan-1.schema.json";

    private static readonly ConcurrentDictionary<string, ReportSchemas> Loaded = new();
    private readonly BuildOptions options = new() { SchemaRegistry = new SchemaRegistry() };
    private readonly JsonSchema report;
    private readonly JsonSchema plan;
    private readonly Uri reportUri;
    private readonly ConcurrentDictionary<string, JsonSchema> definitions = new();

    private ReportSchemas(string directory)
    {
        Directory = directory;
        // The report refers to the plan by relative file name, as an editor beside the files would resolve it.
        plan = Load(directory, PlanFile, options);
        reportUri = FileUri(Path.Combine(directory, ReportFile));
        report = Load(directory, ReportFile, options);
    }

    private static JsonSchema Load(string directory, string file, BuildOptions options) =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(directory, file)), options, FileUri(Path.Combine(directory, file)));

    // The registry matches references by the URI's text: a path-form Uri ("/a/b") registers under a text
    // that a resolved relative reference ("file:///a/b") never equals, so the URI is spelt out.
    private static Uri FileUri(string path) => new("file://" + Path.GetFullPath(path).Replace('\\', '/'));

    public string Directory { get; }

    public static ReportSchemas In(string repositoryRoot) =>
        Loaded.GetOrAdd(Path.GetFullPath(repositoryRoot), root => new ReportSchemas(Path.Combine(root, "schemas")));

    public void AssertReport(string json, string what) => AssertValid(report, json, what);

    public void AssertPlan(string json, string what) => AssertValid(plan, json, what);

    /// <summary>Checks <paramref name="json"/> against <c>$defs/&lt;definition&gt;</c> of the report schema (e.g. <c>HardwareReport</c>).</summary>
    public void AssertDefinition(string definition, string json, string what) => AssertValid(Definition(definition), json, what);

    /// <summary>The schema violations of <paramref name="json"/> (empty when valid): instance location and message.</summary>
    public IReadOnlyList<string> ReportErrors(string json) => Errors(report, json);

    public IReadOnlyList<string> DefinitionErrors(string definition, string json) => Errors(Definition(definition), json);

    private JsonSchema Definition(string name) =>
        definitions.GetOrAdd(name, n => JsonSchema.FromText($$"""{ "$ref": "{{reportUri}}#/$defs/{{n}}" }""", options, new Uri(reportUri, $"definition-{n}.json")));

    private static void AssertValid(JsonSchema schema, string json, string what)
    {
        var errors = Errors(schema, json);
        Assert.True(errors.Count == 0, $"{what} does not fit its published schema:\n  {string.Join("\n  ", errors)}");
    }

    private static List<string> Errors(JsonSchema schema, string json)
    {
        using var document = JsonDocument.Parse(json);
        var results = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return [];
        }

        var errors = (results.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value} (at {d.EvaluationPath})"))
            .ToList();
        return errors.Count > 0 ? errors : ["invalid (no detail given)"];
    }
}
