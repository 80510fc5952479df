using F = Xai.Sdk.IntegrationTests.OddNetworkProject.Files;

namespace Xai.Sdk.IntegrationTests;

/// <summary>
/// `dotnet clean` deletes what the build wrote (every stage adds its files to FileWrites, which
/// IncrementalClean records) and nothing else: the project's sources and a user's own file in the
/// output directory survive.
/// </summary>
[Collection(PackedSdkCollection.Name)]
public sealed class CleanTests(PackedSdk sdk)
{
    private const string UserFile = "bin/Debug/my-notes.txt";

    [Fact]
    public void Clean_removes_what_build_wrote_and_nothing_else()
    {
        using var project = OddNetworkProject.Create(sdk, images: 2);
        project.WriteFile(UserFile, "kept"u8.ToArray());
        var before = Files(project);

        var build = project.Build();
        Assert.True(build.Succeeded, build.ToString());
        var built = Files(project);
        foreach (var output in new[] { F.CSimStamp, F.NetworkHeader, F.Plan, F.ReportJson, F.ReportHtml, F.Relevance("img0", "Saliency"), F.Heatmap("img1", "DeconvNet") })
        {
            Assert.Contains(output, built);
        }

        var clean = project.Clean();
        Assert.True(clean.Succeeded, clean.ToString());
        var after = Files(project);

        Assert.Empty(before.Except(after));
        Assert.Equal("kept", File.ReadAllText(project.PathOf(UserFile)));
        // Left: what restore wrote (the SDK resolution's NuGet files) and the list clean itself reads.
        var left = after.Except(before).Where(f => !IsRestoreOrCleanList(f)).ToList();
        Assert.True(left.Count == 0, "dotnet clean left what build wrote:\n" + string.Join("\n", left));
    }

    private static bool IsRestoreOrCleanList(string relative) =>
        relative.StartsWith("obj/", StringComparison.Ordinal)
        && (relative.EndsWith(".FileListAbsolute.txt", StringComparison.Ordinal)
            || relative is "obj/project.assets.json" or "obj/project.nuget.cache"
            || (relative.Count(c => c == '/') == 1 && relative.Contains(".nuget.", StringComparison.Ordinal)));

    private static HashSet<string> Files(XaiProject project) =>
        Directory.EnumerateFiles(project.Directory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(project.Directory, f).Replace('\\', '/'))
            .ToHashSet();
}
