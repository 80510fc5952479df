namespace Xai.Sdk.IntegrationTests;

/// <summary>
/// While a tool runs, its task yields the MSBuild node. Three projects built in parallel on TWO nodes
/// (-m:2), whose C simulations each wait for the other two to have started, finish only if the tasks
/// gave their nodes up while their tools ran: without yielding at most two projects execute and the
/// third never starts. (MSBuild's scheduler lets another request onto a yielded node only while
/// executing + yielding requests stay below its limit, which is 1 for -m:1 and 3 for -m:2, so one
/// node cannot show it.)
/// </summary>
[Collection(PackedSdkCollection.Name)]
public sealed class YieldingBuildTests(PackedSdk sdk)
{
    [Fact]
    public void A_running_C_simulation_yields_the_node_to_another_project()
    {
        var meet = Path.Combine(Path.GetTempPath(), "xai-meet-" + Guid.NewGuid().ToString("N")[..8]);
        var started = meet + "-started-";
        string[] names = ["a", "b", "c"];
        var projects = names.Select(n => OddNetworkProject.Create(sdk, images: 1, name: n, properties: "<XaiCxx>$(MSBuildProjectDirectory)/toolchain/cxx-meeting</XaiCxx>")).ToList();
        using var cleanup = new DisposeAll(projects);
        foreach (var (project, mine) in projects.Zip(names))
        {
            var waitForOthers = string.Join(" ", names.Where(n => n != mine).Select(n => $"'{started}{n}'"));
            FakeCompiler.Write(project, "cxx-meeting", $$"""
                out=""
                prev=""
                for arg in "$@"; do
                  if [ "$prev" = "-o" ]; then out="$arg"; fi
                  prev="$arg"
                done
                g++ "$@" || exit $?
                case "$out" in
                  *xai_csim.tmp)
                    mv "$out" "$out.real"
                    cat > "$out" <<EOF2
                #!/bin/sh
                if [ ! -e '{{meet}}' ]; then exec '$out.real' "\$@"; fi
                touch '{{started}}{{mine}}'
                i=0
                for other in {{waitForOthers}}; do
                  while [ ! -e "\$other" ]; do
                    i=\$((i+1))
                    if [ \$i -gt 3000 ]; then echo "another project's simulation never started: the nodes were not yielded" >&2; exit 9; fi
                    sleep 0.1
                  done
                done
                exec '$out.real' "\$@"
                EOF2
                    chmod +x "$out" ;;
                esac
                """);
            var alone = project.Build();
            Assert.True(alone.Succeeded, alone.ToString());
            project.WriteFile("images/img0.png", TestPng.Noise(seed: 60));
        }

        File.WriteAllText(meet, "");

        var first = projects[0];
        var all = Path.Combine(first.Directory, "all.proj");
        File.WriteAllText(all, $"""
            <Project>
              <Target Name="Build">
                <MSBuild Projects="{string.Join(";", projects.Select(p => p.ProjectFile))}" BuildInParallel="true" />
              </Target>
            </Project>
            """);
        var run = DotnetCli.Run(first.Directory, new Dictionary<string, string> { ["NUGET_PACKAGES"] = first.PackageCache }, "build", all, "--no-restore", "-m:2", "-nr:false", "-nologo", "-v:m", "-clp:NoSummary");

        File.Delete(meet);
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.All(names, n => Assert.True(File.Exists(started + n), n + " never started"));
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Matches(run.Output, "C simulation:").Count);
    }
}
