using Newtonsoft.Json.Linq;
using Xai.Tests;

namespace Xai.Sdk.IntegrationTests;

/// <summary>Every report.json and plan.json a test build produces is read through here: checked against schemas/ first.</summary>
internal static class Schemas
{
    private static ReportSchemas Published => ReportSchemas.In(RepositoryLayout.Root);

    public static JObject Report(string path)
    {
        var text = File.ReadAllText(path);
        Published.AssertReport(text, path);
        return JObject.Parse(text);
    }

    public static JObject Plan(string path)
    {
        var text = File.ReadAllText(path);
        Published.AssertPlan(text, path);
        return JObject.Parse(text);
    }
}
