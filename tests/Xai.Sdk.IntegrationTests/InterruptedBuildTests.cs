namespace Xai.Sdk.IntegrationTests;

/// <summary>
/// A build interrupted at any stage boundary — killed (SIGKILL to dotnet), stopped as an IDE does
/// (SIGINT to dotnet alone) or with Ctrl-C in a terminal (SIGINT to the process group) — leaves
/// visible exactly the last complete build's results, or, once past XaiPublish, the new build's;
/// never a mix. The next build recovers and leaves no leftovers. A test targets file (through the
/// SDK's CustomAfterXaiSdkTargets hook) pauses the build after a chosen stage and says so with a
/// marker file; the test then interrupts it.
/// </summary>
[Collection(PackedSdkCollection.Name)]
public sealed class InterruptedBuildTests(PackedSdk sdk)
{
    // After XaiPublish first: the last boundaries before publishing then leave work that only the final build can show.
    private static readonly string[] Boundaries =
        ["XaiPublish", "XaiResolveProject", "XaiGenerate", "XaiCalibrate", "XaiPlan", "XaiCSim", "XaiBitstream", "XaiReport"];

    public static TheoryData<string, bool> Signals => new() { { "KILL", false }, { "INT", false }, { "INT", true } };

    [Theory]
    [MemberData(nameof(Signals))]
    public void An_interrupted_build_at_every_stage_boundary_shows_one_builds_results_and_the_next_build_recovers(string signal, bool group)
    {
        using var project = OddNetworkProject.Create(sdk, images: 2, properties: "<CustomAfterXaiSdkTargets>$(MSBuildProjectDirectory)/pause.targets</CustomAfterXaiSdkTargets>");
        WritePauseTargets(project);
        var output = project.PathOf("bin/Debug");
        var first = project.Build();
        Assert.True(first.Succeeded, first.ToString());
        var visible = VisibleResults.Read(output);

        var seed = 700;
        foreach (var boundary in Boundaries)
        {
            // A changed image makes the C simulation, the report and the publish step run again.
            project.WriteFile("images/img0.png", TestPng.Noise(seed: seed++));
            var marker = project.PathOf($"paused-{boundary}");
            using (var build = new RunningBuild(project, $"-p:TestPauseAfter={boundary}", $"-p:TestPauseMarker={marker}"))
            {
                build.WaitForFile(marker, TimeSpan.FromMinutes(3));
                build.Signal(signal, group);
                var interrupted = build.WaitForExit(TimeSpan.FromMinutes(2));
                Assert.False(interrupted.Succeeded, $"{boundary}: the interrupted build succeeded:\n{interrupted}");
                Assert.DoesNotContain("MSB4018", interrupted.Output);
            }

            var after = VisibleResults.Read(output);
            if (boundary == "XaiPublish")
            {
                Assert.False(after["relevance/img0.Saliency.npy"].AsSpan().SequenceEqual(visible["relevance/img0.Saliency.npy"]), "killed after XaiPublish: the new build's maps should be visible");
                Assert.Equal(visible.Keys.Order(), after.Keys.Order());
                visible = after;
            }
            else
            {
                VisibleResults.AssertEqual(visible, after, $"{signal}{(group ? " to the group" : "")} after {boundary}");
            }
        }

        var next = project.Build();
        Assert.True(next.Succeeded, next.ToString());
        VisibleResults.AssertTidy(output);
        var recovered = VisibleResults.Read(output);
        Assert.False(recovered["relevance/img0.Saliency.npy"].AsSpan().SequenceEqual(visible["relevance/img0.Saliency.npy"]), "the recovering build should show the last image's maps");
        Assert.False(Directory.Exists(project.PathOf("obj/Debug/xai/csim-staging")), "the C simulation's staging folder was left behind");

        // And it is complete: a further build changes nothing.
        var again = project.Build();
        Assert.True(again.Succeeded, again.ToString());
        VisibleResults.AssertEqual(recovered, VisibleResults.Read(output), "no-op build after recovery");
    }

    [Fact]
    public void Ctrl_C_during_the_C_simulation_prints_one_cancellation_line_and_ends_the_simulation()
    {
        using var project = OddNetworkProject.Create(sdk, images: 1);
        var pidFile = project.PathOf("csim.pid");
        var compiler = HangingSimulationCompiler(project, pidFile);
        using var build = new RunningBuild(project, "-p:XaiCxx=" + compiler);
        build.WaitForFile(pidFile, TimeSpan.FromMinutes(3));
        var simulation = ReadPid(pidFile);
        Assert.True(RunningBuild.IsRunning(simulation));

        build.Signal("INT");
        var cancelled = build.WaitForExit(TimeSpan.FromMinutes(1));

        Assert.False(cancelled.Succeeded);
        Assert.DoesNotContain("MSB4018", cancelled.Output);
        Assert.DoesNotContain("   at ", cancelled.Output);
        Assert.True(cancelled.Errors.Count == 1, cancelled.ToString());
        var error = cancelled.Errors[0];
        Assert.Equal("XAI3400", error.Code);
        Assert.Contains("Build cancelled", error.Message);
        Assert.True(WaitUntilGone(simulation), "the simulation program outlived the cancelled build");
        Assert.False(File.Exists(project.PathOf("bin/Debug/report.html")));
    }

    [Fact]
    public void A_killed_build_takes_its_C_simulation_with_it()
    {
        using var project = OddNetworkProject.Create(sdk, images: 1);
        var pidFile = project.PathOf("csim.pid");
        var compiler = HangingSimulationCompiler(project, pidFile);
        using var build = new RunningBuild(project, "-p:XaiCxx=" + compiler);
        build.WaitForFile(pidFile, TimeSpan.FromMinutes(3));
        var simulation = ReadPid(pidFile);
        Assert.True(RunningBuild.IsRunning(simulation));

        build.Signal("KILL");
        build.WaitForExit(TimeSpan.FromMinutes(1));

        // The simulation sleeps for two minutes: only the parent-death signal ends it this soon.
        Assert.True(WaitUntilGone(simulation), "the simulation program is still running as an orphan after its build was killed");
    }

    /// <summary>
    /// A "compiler" that compiles for real, except that the C-simulation program it produces records
    /// its pid and hangs (as a long simulation would) instead of simulating.
    /// </summary>
    private static string HangingSimulationCompiler(XaiProject project, string pidFile) =>
        FakeCompiler.Write(project, "cxx-hanging-simulation", $$"""
            out=""
            prev=""
            for a in "$@"; do
              if [ "$prev" = "-o" ]; then out="$a"; fi
              prev="$a"
            done
            case "$out" in
              *xai_csim.tmp)
                printf '#!/bin/sh\necho $$ > "{{pidFile}}.tmp"\nmv "{{pidFile}}.tmp" "{{pidFile}}"\nexec sleep 120\n' > "$out"
                chmod +x "$out" ;;
              *) exec g++ "$@" ;;
            esac
            """);

    private static int ReadPid(string file) => int.Parse(File.ReadAllText(file).Trim(), System.Globalization.CultureInfo.InvariantCulture);

    private static bool WaitUntilGone(int pid)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (RunningBuild.IsRunning(pid))
        {
            if (DateTime.UtcNow > deadline)
            {
                RunningBuild.Kill("KILL", pid);
                return false;
            }

            Thread.Sleep(100);
        }

        return true;
    }

    private static void WritePauseTargets(XaiProject project) =>
        File.WriteAllText(project.PathOf("pause.targets"), """
            <Project>
              <!-- Test only: after the stage named by TestPauseAfter, say so with a marker file and wait to be interrupted. -->
              <Target Name="_TestPause" AfterTargets="$(TestPauseAfter)" Condition="'$(TestPauseAfter)' != ''">
                <Touch Files="$(TestPauseMarker)" AlwaysCreate="true" />
                <Exec Command="sleep 120" />
              </Target>
            </Project>
            """);
}
