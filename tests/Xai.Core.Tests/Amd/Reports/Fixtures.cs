namespace Xai.Core.Tests.Amd.Reports;

/// <summary>
/// Where the vendor report fixtures are. The shared set lives in <c>../shared/fixtures/vitis</c> relative to
/// the repository root (the directory holding <c>global.json</c>, found by walking up from the test
/// assembly). Files with a permissive licence are also bundled in <c>Fixtures/</c> and used from there.
/// Tests that need the shared set are skipped with <see cref="MissingMessage"/> when it is absent.
/// </summary>
internal static class Fixtures
{
    private static readonly Lazy<string?> RepoRoot = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "global.json")))
            {
                return dir.FullName;
            }
        }

        return null;
    });

    public static string BundledDirectory => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    /// <summary>
    /// <c>../shared/fixtures/vitis</c> from the repository root. When that is absent, the same relative path is
    /// tried from each ancestor of the root, so a git worktree kept in a subfolder (e.g. <c>/work/wt/&lt;branch&gt;</c>
    /// next to <c>/work/shared</c>) finds it too. Returns the first-choice path when none exists.
    /// </summary>
    public static string SharedDirectory => SharedLocation.Value;

    private static readonly Lazy<string> SharedLocation = new(() =>
    {
        var start = RepoRoot.Value ?? AppContext.BaseDirectory;
        var first = Path.GetFullPath(Path.Combine(start, "..", "shared", "fixtures", "vitis"));
        for (var dir = new DirectoryInfo(start).Parent; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "fixtures", "vitis");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return first;
    });

    public static bool SharedAvailable => Directory.Exists(SharedDirectory);

    public static string MissingMessage =>
        $"Shared vendor report fixtures not found at '{SharedDirectory}' (expected ../shared/fixtures/vitis beside the repository root, "
        + "the directory with global.json); tests that read them are skipped.";

    public static bool IsBundled(string name) => File.Exists(Path.Combine(BundledDirectory, name));

    /// <summary>The bundled copy when there is one, else the shared file.</summary>
    public static string PathOf(string name) =>
        IsBundled(name) ? Path.Combine(BundledDirectory, name) : Path.Combine(SharedDirectory, name);

    /// <summary>Splits fixture names into those always available (bundled) and those needing the shared set.</summary>
    public static TheoryData<string> Bundled(IEnumerable<string> names) => Data(names.Where(IsBundled));

    public static TheoryData<string> SharedOnly(IEnumerable<string> names) => Data(names.Where(n => !IsBundled(n)));

    private static TheoryData<string> Data(IEnumerable<string> names)
    {
        var data = new TheoryData<string>();
        foreach (var name in names)
        {
            data.Add(name);
        }

        return data;
    }
}

/// <summary>A theory over shared fixtures: skipped, saying where they were looked for, when they are absent.</summary>
public sealed class SharedFixtureTheoryAttribute : TheoryAttribute
{
    public SharedFixtureTheoryAttribute()
    {
        if (!Fixtures.SharedAvailable)
        {
            Skip = Fixtures.MissingMessage;
        }
    }
}

/// <summary>A fact over shared fixtures: skipped, saying where they were looked for, when they are absent.</summary>
public sealed class SharedFixtureFactAttribute : FactAttribute
{
    public SharedFixtureFactAttribute()
    {
        if (!Fixtures.SharedAvailable)
        {
            Skip = Fixtures.MissingMessage;
        }
    }
}
