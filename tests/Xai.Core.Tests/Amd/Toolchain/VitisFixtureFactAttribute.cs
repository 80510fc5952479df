namespace Xai.Core.Tests.Amd.Toolchain;

/// <summary>
/// A fact that needs the real vendor files in <c>../shared/fixtures/vitis</c> (beside the clone, or
/// where <c>XAI_SHARED_DIR</c> points). Their licences do not allow copying them into the
/// repository, so without them the test is skipped and says why.
/// </summary>
public sealed class VitisFixtureFactAttribute : FactAttribute
{
    public VitisFixtureFactAttribute(params string[] files)
    {
        var missing = files.Where(f => !File.Exists(Path.Combine(VitisFixtures.Directory, f))).ToList();
        if (missing.Count > 0)
        {
            Skip = $"Real vendor fixture(s) absent: {string.Join(", ", missing)} under {VitisFixtures.Directory}. " +
                   "Clone the repository with shared/ beside it, or set XAI_SHARED_DIR to the shared folder.";
        }
    }
}

internal static class VitisFixtures
{
    public static string Directory =>
        Path.Combine(Environment.GetEnvironmentVariable("XAI_SHARED_DIR") is { Length: > 0 } shared ? shared : RepositoryLayout.SharedDirectory, "fixtures", "vitis");

    public static string File(string name) => Path.Combine(Directory, name);
}
