namespace Xai.Core.Tests.Amd.Reports;

/// <summary>
/// Where the vendor report fixtures are. The shared set lives in <c>../shared/fixtures/vitis</c> relative to
/// the repository root (the directory holding <c>global.json</c>, found by walking up from the test
/// assembly), or under <c>$XAI_SHARED_DIR/fixtures/vitis</c>. Files with a permissive licence are also
/// bundled in <c>Fixtures/</c> (origins in its SOURCES.md) and used from there, so a clone without the
/// shared set still tests its parsers on real files. A test that needs a file only the shared set has
/// is skipped, with <see cref="SkipReason"/> naming the file, where it was looked for and why.
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
        if (Environment.GetEnvironmentVariable("XAI_SHARED_DIR") is { Length: > 0 } shared)
        {
            return Path.GetFullPath(Path.Combine(shared, "fixtures", "vitis"));
        }

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

    private static string MissingMessage(string sharedDirectory) =>
        $"Skipped: shared vendor report fixtures not found at '{sharedDirectory}' (expected ../shared/fixtures/vitis beside the repository root, "
        + "the directory with global.json, or under $XAI_SHARED_DIR); tests that read them are skipped. "
        + "Their licences do not allow copying them into the repository; the permissively licensed ones in Fixtures/ are tested.";

    /// <summary>
    /// Why a test over <paramref name="names"/> cannot run: null when each is bundled or in <paramref name="sharedDirectory"/>;
    /// with no names, when the whole shared set is absent.
    /// </summary>
    public static string? SkipReason(IReadOnlyCollection<string> names, string sharedDirectory)
    {
        if (names.Count == 0)
        {
            return Directory.Exists(sharedDirectory) ? null : MissingMessage(sharedDirectory);
        }

        var missing = names.Where(n => !IsBundled(n) && !File.Exists(Path.Combine(sharedDirectory, n))).ToList();
        return missing.Count == 0
            ? null
            : $"Skipped: real vendor report(s) {string.Join(", ", missing)} not found under '{sharedDirectory}' and not bundled "
              + "(their licences do not allow copying them into the repository). Put the shared folder beside the clone "
              + "(../shared/fixtures/vitis) or set XAI_SHARED_DIR to it.";
    }

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

/// <summary>
/// A theory over real report fixtures: with file names, skipped only when one of them is neither bundled
/// nor in the shared set; without, skipped when the shared set is absent. The skip says which and why.
/// </summary>
public sealed class SharedFixtureTheoryAttribute : TheoryAttribute
{
    public SharedFixtureTheoryAttribute(params string[] files)
    {
        if (Fixtures.SkipReason(files, Fixtures.SharedDirectory) is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>
/// A fact over real report fixtures: with file names, skipped only when one of them is neither bundled
/// nor in the shared set; without, skipped when the shared set is absent. The skip says which and why.
/// </summary>
public sealed class SharedFixtureFactAttribute : FactAttribute
{
    public SharedFixtureFactAttribute(params string[] files)
    {
        if (Fixtures.SkipReason(files, Fixtures.SharedDirectory) is { } reason)
        {
            Skip = reason;
        }
    }
}
