using Xai.Core.Tests.Slurm;

namespace Xai.Sdk.IntegrationTests;

/// <summary>
/// `dotnet build -t:Synthesize -p:XaiExecutor=Slurm` of a real project on the real single-node test cluster
/// (<see cref="SlurmTestCluster"/>), with the test double of vitis_hls (the generated Tcl under tclsh with the
/// checking mock) as the tool the job runs.
/// </summary>
[Collection(PackedSdkCollection.Name)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class SlurmExecutorBuildTests(PackedSdk sdk, SlurmTestCluster cluster) : IClassFixture<SlurmTestCluster>
{
    [Fact]
    public void Synthesize_runs_as_a_Slurm_job_streamed_into_the_build_and_an_unchanged_project_submits_nothing()
    {
        using var project = VendorTestProject.Create(sdk);
        var fake = FakeVitisHls.Create(project, "success");
        var environment = new Dictionary<string, string> { ["SLURM_CONF"] = cluster.ConfigFile };
        string[] Slurm(params string[] more) =>
            ["-t:Synthesize", $"-p:XaiVitisHlsPath={fake.Executable}", "-p:XaiExecutor=Slurm", $"-p:XaiSlurmPartition={SlurmTestCluster.Partition}", "-p:XaiSlurmPollSeconds=0.2", .. more];

        // A time limit Slurm would not read: a coded error before anything is submitted.
        var bad = project.Build(environment, Slurm("-p:XaiSlurmTime=2h"));
        Assert.False(bad.Succeeded);
        var error = Assert.Single(VendorTestProject.Diagnostics(bad), d => d.Kind == "error");
        Assert.Equal(("XAI5701", project.ProjectFile), (error.Code, error.File));
        Assert.Contains("'XaiSlurmTime' is '2h'", error.Message);
        Assert.DoesNotContain("Slurm: submitted", bad.Output);

        var result = project.Build(environment, Slurm("-p:XaiSlurmTime=10", "-p:XaiSlurmLicenses=vivado:1"));
        Assert.True(result.Succeeded, result.ToString());
        Assert.Empty(fake.Violations);
        Assert.Contains("Slurm: submitted job ", result.Output);
        Assert.Contains($"COMPLETED on {SlurmTestCluster.Node}", result.Output);
        // The release probe runs here in each build (the bad one too); the synthesis run in the job.
        Assert.Equal(["-version", "-version", "-f"], fake.Invocations.Select(i => i.Split(' ')[0]));
        var script = Assert.Single(Directory.GetFiles(project.PathOf("obj/Debug/xai/vendor"), "*.sbatch", SearchOption.AllDirectories));
        Assert.StartsWith("xai.vendor.Synthesize.", Path.GetFileName(script), StringComparison.Ordinal);
        Assert.Contains("#SBATCH --licenses=vivado:1", File.ReadAllText(script));
        Assert.StartsWith("ran: ", (string?)VendorTestProject.Report(project)["stages"]!["Synthesize"]);

        var again = project.Build(environment, Slurm("-p:XaiSlurmTime=10", "-p:XaiSlurmLicenses=vivado:1"));
        Assert.True(again.Succeeded, again.ToString());
        Assert.DoesNotContain("Slurm: submitted", again.Output);
        Assert.Equal(["-version", "-version", "-f", "-version"], fake.Invocations.Select(i => i.Split(' ')[0]));
    }

    [Fact]
    public void The_fidelity_run_as_a_job_array_gives_the_local_runs_figures()
    {
        XaiProject Table3(string name)
        {
            var project = new XaiProject(sdk, "<XaiModel>table3.onnx</XaiModel>\n<XaiFidelityImages>60</XaiFidelityImages>\n<XaiVendorStages></XaiVendorStages>", "<XaiImage Include=\"0000-ankle-boot.png\" />", name: name);
            project.CopyFile(Path.Combine(RepositoryLayout.Root, "samples", "table3", "table3.onnx"), "table3.onnx");
            project.CopyFile(Path.Combine(RepositoryLayout.Root, "samples", "table3", "images", "0000-ankle-boot.png"), "0000-ankle-boot.png");
            return project;
        }

        using var local = Table3("fidelity-local");
        using var slurm = Table3("fidelity-slurm");
        var here = local.Build();
        var there = slurm.Build(new Dictionary<string, string> { ["SLURM_CONF"] = cluster.ConfigFile },
            "-p:XaiExecutor=Slurm", $"-p:XaiSlurmPartition={SlurmTestCluster.Partition}", "-p:XaiSlurmPollSeconds=0.2");

        Assert.True(here.Succeeded, here.ToString());
        Assert.True(there.Succeeded, there.ToString());
        Assert.DoesNotContain("Slurm:", here.Output);
        Assert.Contains("Slurm: submitted job ", there.Output);
        Assert.Contains("2 of 2 tasks COMPLETED", there.Output); // 60 images in chunks of 50
        Newtonsoft.Json.Linq.JObject Figures(XaiProject p)
        {
            var testSet = (Newtonsoft.Json.Linq.JObject)Schemas.Report(p.PathOf("bin/Debug/report.json"))["csim"]!["fidelityTestSet"]!.DeepClone();
            testSet.Remove("seconds");
            testSet.Remove("directory");
            return testSet;
        }

        var expected = Figures(local);
        Assert.Equal(60, (int)expected["images"]!);
        Assert.Equal(expected.ToString(), Figures(slurm).ToString());
    }
}
