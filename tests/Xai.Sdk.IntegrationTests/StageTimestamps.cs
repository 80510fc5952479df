namespace Xai.Sdk.IntegrationTests;

/// <summary>The last-write times of a project's stage stamps and outputs, to tell which stages a build ran.</summary>
internal sealed class StageTimestamps
{
    private readonly XaiProject _project;
    private readonly Dictionary<string, DateTime> _times;

    private StageTimestamps(XaiProject project, IEnumerable<string> files)
    {
        _project = project;
        _times = files.ToDictionary(f => f, f =>
        {
            Assert.True(File.Exists(project.PathOf(f)), $"{f} does not exist");
            return WriteTime(project.PathOf(f));
        });
    }

    public static StageTimestamps Take(XaiProject project, params string[] files) => new(project, files);

    /// <summary>Files whose time differs now from when this was taken.</summary>
    public IReadOnlyList<string> Changed() =>
        _times.Where(kv => WriteTime(_project.PathOf(kv.Key)) != kv.Value).Select(kv => kv.Key).Order().ToList();

    // The published results (bin/Debug/report.json, …) are fixed symbolic links into .xai/current;
    // .NET reports a link's own time, so read the time of the file it leads to.
    private static DateTime WriteTime(string path) =>
        File.GetLastWriteTimeUtc(File.Exists(path) ? File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? path : path);

    public void AssertUnchanged(string step, params string[] files)
    {
        var changed = Changed().Intersect(files).ToList();
        Assert.True(changed.Count == 0, $"{step}: expected unchanged, but rewritten: {string.Join(", ", changed)}");
    }

    public void AssertChanged(string step, params string[] files)
    {
        var unchanged = files.Except(Changed()).ToList();
        Assert.True(unchanged.Count == 0, $"{step}: expected rewritten, but unchanged: {string.Join(", ", unchanged)}");
    }
}
