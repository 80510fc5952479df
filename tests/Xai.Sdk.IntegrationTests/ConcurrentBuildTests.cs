namespace Xai.Sdk.IntegrationTests;

/// <summary>Two builds of the same project at once: the second waits for the first; both succeed and the results are whole.</summary>
[Collection(PackedSdkCollection.Name)]
public sealed class ConcurrentBuildTests(PackedSdk sdk)
{
    [Fact]
    public void Two_builds_of_one_project_at_once_both_succeed_and_leave_one_builds_results()
    {
        using var project = OddNetworkProject.Create(sdk, images: 2, calibrationImages: 1);

        BuildResult[] results;
        using (var first = new RunningBuild(project))
        using (var second = new RunningBuild(project))
        {
            results = [first.WaitForExit(TimeSpan.FromMinutes(5)), second.WaitForExit(TimeSpan.FromMinutes(5))];
        }

        Assert.All(results, r => Assert.True(r.Succeeded, r.ToString()));
        Assert.All(results, r => Assert.DoesNotContain(r.Errors, e => true));
        VisibleResults.AssertTidy(project.PathOf("bin/Debug"));
        // One of them did the work; the other, having waited, found everything up to date.
        Assert.Equal(1, results.Count(r => r.Output.Contains("C simulation:", StringComparison.Ordinal)));
    }
}
