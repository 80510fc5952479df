namespace Xai.Sdk.IntegrationTests;

/// <summary>
/// While a tool runs, its task yields the MSBuild node. Two projects built in parallel on ONE node
/// (-m:1), whose C simulations each wait for the other's to have started, finish only if the first
/// task gave the node up while its tool ran; without yielding the first waits in vain and fails.
/// </summary>
[Collection(PackedSdkCollection.Name)]
public sealed class YieldingBuildTests(PackedSdk sdk)
{
    [Fact]
    public void A_running_C_simulation_yields_the_node_to_another_project()
    {
        var meet = Path.Combine(Path.GetTempPath(), "xai-meet-" + Guid.NewGuid().ToString("N")[..8]);
        var started = meet + "-started-";
        using var a = OddNetworkProject.Create(sdk, images: 1, name: "a", properties: "<XaiCxx>$(MSBuildProjectDirectory)/toolchain/cxx-meeting</XaiCxx>");
        using var b = OddNetworkProject.Create(sdk, images: 1, name: "b", properties: "<XaiCxx>$(MSBuildProjectDirectory)/toolchain/cxx-meeting</XaiCxx>");
        foreach (var (project, mine, other) in new[] { (a, "a", "b"), (b, "b", "a") })
        {
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
                while [ ! -e '{{started}}{{other}}' ]; do
                  i=\$((i+1))
                  if [ \$i -gt 3000 ]; then echo "the other project's simulation never started: the node was not yielded" >&2; exit 9; fi
                  sleep 0.1
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

        var both = Path.Combine(a.Directory, "both.proj");
        File.WriteAllText(both, $"""
            <Project>
              <Target Name="Build">
                <MSBuild Projects="{a.ProjectFile};{b.ProjectFile}" BuildInParallel="true" />
              </Target>
            </Project>
            """);
        var run = DotnetCli.Run(a.Directory, new Dictionary<string, string> { ["NUGET_PACKAGES"] = a.PackageCache }, "build", both, "--no-restore", "-m:1", "-nologo", "-v:m", "-clp:NoSummary");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.True(File.Exists(started + "a") && File.Exists(started + "b"));
        File.Delete(meet);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(run.Output, "C simulation:").Count);
    }
}
