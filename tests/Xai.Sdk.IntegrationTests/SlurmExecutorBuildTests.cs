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

    [SharedFixtureFact(FakeVitisHls.CosimFixture)]
    public void CoSimulate_and_Bitstream_are_submitted_with_Synthesize_chained_after_it_and_run_side_by_side()
    {
        using var project = VendorTestProject.Create(sdk);
        var hls = FakeVitisHls.Create(project, "success");
        var vivado = FakeVivado.Create(project, project.PathOf("obj/Debug/xai/vendor/xai_top/solution1/impl/ip"), "xilinx.com:hls:xai_top:1.0");
        var environment = new Dictionary<string, string> { ["SLURM_CONF"] = cluster.ConfigFile };
        // A plain build: every vendor stage whose tools are found.
        string[] arguments = [$"-p:XaiVitisHlsPath={hls.Executable}", $"-p:XaiVivadoPath={vivado.Executable}",
            "-p:XaiExecutor=Slurm", $"-p:XaiSlurmPartition={SlurmTestCluster.Partition}", "-p:XaiSlurmPollSeconds=0.2"];

        var result = project.Build(environment, arguments);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Empty(hls.Violations);
        Assert.Empty(vivado.Violations);
        var jobs = Xai.Slurm.SlurmJobLedger.Read(project.PathOf("obj/Debug/xai/vendor"));
        var synthesis = Assert.Single(jobs, j => j.Stage == "Synthesize");
        var cosim = Assert.Single(jobs, j => j.Stage == "CoSimulate");
        var bitstream = Assert.Single(jobs, j => j.Stage == "Bitstream");
        Assert.All(jobs, j => Assert.Equal("COMPLETED", j.State));

        // Both later jobs were submitted before the synthesis job ended, each to start after it.
        var lines = result.Output.Split('\n');
        int Line(string text) => Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal));
        var synthesisEnded = Line($"Slurm: job {synthesis.Id} COMPLETED");
        Assert.True(synthesisEnded > 0, result.Output);
        foreach (var later in new[] { cosim, bitstream })
        {
            var submitted = Line($"Slurm: submitted job {later.Id} ({later.Name}) to start after job {synthesis.Id} completed");
            Assert.InRange(submitted, 0, synthesisEnded);
            Assert.DoesNotContain("--dependency", File.ReadAllText(later.Script)); // resubmittable by hand: no stale job id
        }

        // Each stage's target found its stamp: the tools ran once each, the report has all three.
        Assert.Single(hls.Invocations, i => i.Contains("synthesize.xai_top.tcl", StringComparison.Ordinal));
        Assert.Single(hls.Invocations, i => i.Contains("cosimulate.xai_top.tcl", StringComparison.Ordinal));
        Assert.Single(vivado.Invocations, i => i.StartsWith("-mode", StringComparison.Ordinal));
        Assert.True(File.Exists(project.PathOf("bin/Debug/vendor.bit")));
        var report = VendorTestProject.Report(project);
        foreach (var stage in new[] { "Synthesize", "CoSimulate", "Bitstream" })
        {
            Assert.StartsWith("ran: ", (string?)report["stages"]![stage]);
        }

        Assert.Equal("Bitstream", (string?)report["hardware"]!["fpbp"]!["stage"]);

        var again = project.Build(environment, arguments);
        Assert.True(again.Succeeded, again.ToString());
        Assert.DoesNotContain("Slurm: submitted", again.Output);
    }

    [Fact]
    public void A_project_with_Slurm_settings_submits_where_sbatch_is_found_and_elsewhere_warns_XAI5704_and_runs_here()
    {
        // XaiExecutor unset, a Slurm option set (as a cluster's Directory.Build.props would): Auto.
        using var project = VendorTestProject.Create(sdk, $"<XaiSlurmPartition>{SlurmTestCluster.Partition}</XaiSlurmPartition><XaiSlurmPollSeconds>0.2</XaiSlurmPollSeconds>");
        var fake = FakeVitisHls.Create(project, "success");
        var noSlurm = project.PathOf("no-slurm");
        Directory.CreateDirectory(noSlurm);

        var here = project.Build("-t:Synthesize", $"-p:XaiVitisHlsPath={fake.Executable}", $"-p:XaiSlurmBinDirectory={noSlurm}");
        Assert.True(here.Succeeded, here.ToString());
        var warning = Assert.Single(VendorTestProject.Diagnostics(here), d => d.Code == "XAI5704");
        Assert.Equal(("warning", project.ProjectFile), (warning.Kind, warning.File));
        Assert.StartsWith("Synthesize runs on this machine: XaiExecutor is Auto", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Slurm: submitted", here.Output);
        Assert.Contains("ran: ", (string?)VendorTestProject.Report(project)["stages"]!["Synthesize"]);

        // Where Slurm's commands are found, the same project submits (a change of executor alone rebuilds nothing: the stamp goes first).
        var stamp = project.PathOf("obj/Debug/xai/vendor/synthesize.stamp");
        File.Delete(stamp);
        var there = project.Build(new Dictionary<string, string> { ["SLURM_CONF"] = cluster.ConfigFile }, "-t:Synthesize", $"-p:XaiVitisHlsPath={fake.Executable}");
        Assert.True(there.Succeeded, there.ToString());
        Assert.DoesNotContain(VendorTestProject.Diagnostics(there), d => d.Code == "XAI5704");
        Assert.Contains("Slurm: submitted job ", there.Output);

        // Explicitly Slurm, Slurm missing: an error.
        File.Delete(stamp);
        var strict = project.Build("-t:Synthesize", $"-p:XaiVitisHlsPath={fake.Executable}", "-p:XaiExecutor=Slurm", $"-p:XaiSlurmBinDirectory={noSlurm}", "-p:XaiSlurmPartition=other");
        Assert.False(strict.Succeeded);
        Assert.Contains(VendorTestProject.Diagnostics(strict), d => d.Code == "XAI5700" && d.Kind == "error");
    }

    [Fact]
    public void A_failed_synthesis_job_cancels_the_jobs_chained_after_it()
    {
        using var project = VendorTestProject.Create(sdk);
        var hls = FakeVitisHls.Create(project, "error");
        var vivado = FakeVivado.Create(project, project.PathOf("obj/Debug/xai/vendor/xai_top/solution1/impl/ip"), "xilinx.com:hls:xai_top:1.0");

        var result = project.Build(new Dictionary<string, string> { ["SLURM_CONF"] = cluster.ConfigFile },
            "-t:Bitstream", $"-p:XaiVitisHlsPath={hls.Executable}", $"-p:XaiVivadoPath={vivado.Executable}",
            "-p:XaiExecutor=Slurm", $"-p:XaiSlurmPartition={SlurmTestCluster.Partition}", "-p:XaiSlurmPollSeconds=0.2");

        Assert.False(result.Succeeded);
        var errors = VendorTestProject.Diagnostics(result).Where(d => d.Kind == "error").Select(d => d.Code).ToList();
        Assert.Contains("HLS207-3776", errors); // the tool's own error, streamed from the job's output
        var jobs = Xai.Slurm.SlurmJobLedger.Read(project.PathOf("obj/Debug/xai/vendor"));
        var bitstream = Assert.Single(jobs, j => j.Stage == "Bitstream");
        Assert.Equal("CANCELLED", bitstream.State);
        Assert.Contains($"Slurm: cancelled job {bitstream.Id} ({bitstream.Name}): the Synthesize run it follows failed.", result.Output);
        Assert.Equal(["-version"], vivado.Invocations.Select(i => i.Split(' ')[0])); // Vivado never ran
        Assert.False(File.Exists(project.PathOf("obj/Debug/xai/vendor/bitstream.stamp")));
        Assert.False(File.Exists(project.PathOf("obj/Debug/xai/vendor/synthesize.stamp")));
    }

    [SharedFixtureFact(FakeVitisHls.CosimFixture)]
    public void Explored_variants_built_as_siblings_submit_their_own_chained_jobs()
    {
        using var project = OddNetworkProject.Create(sdk, images: 1);
        var hls = FakeVitisHls.Create(project, "success");
        var build = project.Build(new Dictionary<string, string> { ["SLURM_CONF"] = cluster.ConfigFile },
            "-t:Explore", "-p:XaiExploreBuild=2", "-m:2", $"-p:XaiVitisHlsPath={hls.Executable}",
            "-p:XaiExecutor=Slurm", $"-p:XaiSlurmPartition={SlurmTestCluster.Partition}", "-p:XaiSlurmPollSeconds=0.2");

        Assert.True(build.Succeeded, build.ToString());
        Assert.Empty(hls.Violations);
        var siblings = Directory.GetDirectories(project.PathOf("obj/Debug/explore"));
        Assert.Equal(2, siblings.Length);
        var names = new HashSet<string>();
        foreach (var sibling in siblings)
        {
            // Each sibling's Synthesize and CoSimulate ran as its own jobs, chained (Bitstream: no Vivado here).
            var jobs = Xai.Slurm.SlurmJobLedger.Read(Path.Combine(sibling, "xai", "vendor"));
            Assert.Equal(["CoSimulate", "Synthesize"], jobs.Select(j => j.Stage).Order());
            Assert.All(jobs, j => Assert.Equal("COMPLETED", j.State));
            Assert.All(jobs, j => Assert.True(names.Add(j.Name), $"two variants' jobs share the name {j.Name}"));
            Assert.All(jobs, j => Assert.StartsWith($"xai.odd.{Path.GetFileName(sibling)}.{j.Stage}.", j.Name, StringComparison.Ordinal)); // squeue tells the variants apart
            var report = Schemas.Report(project.PathOf($"bin/Debug/explore/{Path.GetFileName(sibling)}/report.json"));
            Assert.StartsWith("ran: ", (string?)report["stages"]!["CoSimulate"]);
        }

        // The project's own build and its two siblings, two jobs each.
        Assert.Equal(6, build.Output.Split('\n').Count(l => l.Contains("Slurm: submitted job ", StringComparison.Ordinal)));
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
