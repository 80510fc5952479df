using Newtonsoft.Json.Linq;
using F = Xai.Sdk.IntegrationTests.OddNetworkProject.Files;

namespace Xai.Sdk.IntegrationTests;

/// <summary>
/// `dotnet build -t:Explore` with the packed SDK: every configuration modelled at two clocks into
/// explore.csv, the Pareto set in report.json (schema-valid) and report.html, the fastest one built
/// as a sibling build with its own results, and a bad setting as XAI1111.
/// </summary>
[Collection(PackedSdkCollection.Name)]
public sealed class ExploreTests(PackedSdk sdk)
{
    [Fact]
    public void Explore_models_every_configuration_reports_the_Pareto_set_and_builds_the_fastest_as_a_sibling()
    {
        using var project = OddNetworkProject.Create(sdk, images: 1);
        // %3B: a ';' inside one -p value.
        var build = project.Build("-t:Explore", "-p:XaiExploreClocksMHz=100%3B150", "-p:XaiExploreBuild=1", "-m:2");
        Assert.True(build.Succeeded, build.ToString());

        var csv = File.ReadAllLines(project.PathOf("bin/Debug/explore.csv"));
        Assert.StartsWith("name,conv_parallelism,fc_tile,double_buffer,dense_weight_beat,clock_mhz,fp_ms,fpbp_ms,", csv[0]);
        // clocks x unrolls^2 x FC tiles x serial / double-buffered; no packed dense weights: fc2 reads 9 inputs, no beat divides them
        Assert.Equal(2 * 6 * 6 * 2 * 2, csv.Length - 1);

        var explore = Schemas.Report(project.PathOf(F.ReportJson))["explore"]!;
        Assert.Equal([100.0, 150.0], explore["clocksMHz"]!.Select(c => (double)c));
        var pareto = (JArray)explore["pareto"]!;
        Assert.NotEmpty(pareto);
        var fastest = (string)pareto[0]["name"]!;
        Assert.Contains(csv, line => line.StartsWith(fastest + ",", StringComparison.Ordinal) && line.Contains(",1,1,", StringComparison.Ordinal));
        Assert.Contains("Design-space exploration", File.ReadAllText(project.PathOf(F.ReportHtml)));

        // The sibling: its own complete build at the explored configuration.
        var sibling = Schemas.Report(project.PathOf($"bin/Debug/explore/{fastest}/report.json"));
        Assert.True(File.Exists(project.PathOf($"obj/Debug/explore/{fastest}/xai/csim.json")), "the sibling's intermediate files lie in its own obj/");
        Assert.Equal((string?)pareto[0]["convParallelism"], (string?)sibling["plan"]!["engine"]!["convParallelism"]);
        Assert.Equal((int)pareto[0]["fcTile"]!, (int)sibling["plan"]!["engine"]!["fcTile"]!);
        Assert.Equal((bool)pareto[0]["doubleBuffer"]!, (bool)sibling["plan"]!["engine"]!["doubleBuffer"]!);
        Assert.Equal((int)pareto[0]["denseWeightBeat"]!, (int)sibling["plan"]!["engine"]!["denseWeightBeat"]!);
        Assert.Equal((double)pareto[0]["clockMHz"]!, (double)sibling["plan"]!["engine"]!["clockMHz"]!);
        Assert.Equal((double)pareto[0]["fpbpMs"]!, (double)sibling["plan"]!["latency"]!["fpbpMs"]!, 6);
        Assert.Contains($"building 1 explored configuration(s) as sibling builds: {fastest}", build.Output);

        // Plain builds afterwards keep the exploration (IncrementalClean does not take its files), until clean.
        for (var k = 0; k < 2; k++)
        {
            var plain = project.Build();
            Assert.True(plain.Succeeded, plain.ToString());
            Assert.Equal(JTokenType.Object, Schemas.Report(project.PathOf(F.ReportJson))["explore"]!.Type);
            Assert.Equal(csv, File.ReadAllLines(project.PathOf("bin/Debug/explore.csv")));
            Assert.True(File.Exists(project.PathOf("obj/Debug/xai/explore.json")), "IncrementalClean took the exploration");
            Assert.True(File.Exists(project.PathOf("obj/Debug/xai/results/explore.csv")), "IncrementalClean took explore.csv");
        }

        var clean = project.Clean();
        Assert.True(clean.Succeeded, clean.ToString());
        Assert.False(File.Exists(project.PathOf("obj/Debug/xai/explore.json")));
        Assert.False(File.Exists(project.PathOf("bin/Debug/explore.csv")));
        Assert.False(File.Exists(project.PathOf("obj/Debug/xai/results/explore.csv")));
    }

    [Theory]
    [InlineData("-p:XaiExploreClocksMHz=900", "XaiExploreClocksMHz")]
    [InlineData("-p:XaiExploreBuild=two", "XaiExploreBuild")]
    public void A_bad_exploration_setting_is_XAI1111_naming_the_property(string argument, string property)
    {
        using var project = OddNetworkProject.Create(sdk, images: 1);
        var build = project.Build("-t:Explore", argument);
        Assert.False(build.Succeeded);
        var error = Assert.Single(build.Errors, e => e.Code == "XAI1111");
        Assert.Contains(property, error.Message);
    }
}
