using Newtonsoft.Json.Linq;
using F = Xai.Sdk.IntegrationTests.OddNetworkProject.Files;

namespace Xai.Sdk.IntegrationTests;

/// <summary>
/// `dotnet build -t:SanityCheck` with the packed SDK: a cascade step per parameterized layer in report.json
/// (schema-valid) and report.html; plain builds keep it, a changed C simulation hides it, clean removes it.
/// </summary>
[Collection(PackedSdkCollection.Name)]
public sealed class SanityCheckTests(PackedSdk sdk)
{
    [Fact]
    public void The_sanity_check_reports_every_cascade_step_until_the_C_simulation_changes()
    {
        using var project = OddNetworkProject.Create(sdk, images: 1);
        var build = project.Build("-t:SanityCheck");
        Assert.True(build.Succeeded, build.ToString());

        var check = Schemas.Report(project.PathOf(F.ReportJson))["sanityCheck"]!;
        var layers = Schemas.Report(project.PathOf(F.ReportJson))["plan"]!["layers"]!.Count(l => (long)l["parameters"]! > 0);
        var steps = (JArray)check["steps"]!;
        Assert.Equal(layers, steps.Count);
        Assert.Equal(Enumerable.Range(1, layers), steps.Select(s => (int)s["randomizedLayers"]!));
        Assert.All(steps, s => Assert.Equal(OddNetworkProject.Methods, ((JObject)s["methods"]!).Properties().Select(p => p.Name)));
        Assert.Contains("Sanity check: the maps on a model randomized", File.ReadAllText(project.PathOf(F.ReportHtml)));
        Assert.Contains("Sanity check on 1 images", build.Output);

        var plain = project.Build();
        Assert.True(plain.Succeeded, plain.ToString());
        Assert.Equal(JTokenType.Object, Schemas.Report(project.PathOf(F.ReportJson))["sanityCheck"]!.Type);

        // A setting the C simulation reads changes: it runs again, and the check, computed from the old run, is left out.
        var changed = project.Build("-p:XaiFaithfulnessSteps=4");
        Assert.True(changed.Succeeded, changed.ToString());
        Assert.Equal(JTokenType.Null, Schemas.Report(project.PathOf(F.ReportJson))["sanityCheck"]!.Type);

        var clean = project.Clean();
        Assert.True(clean.Succeeded, clean.ToString());
        Assert.False(File.Exists(project.PathOf("obj/Debug/xai/sanity.json")));
    }
}
