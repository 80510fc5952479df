namespace Xai.Sdk.IntegrationTests;

/// <summary>
/// A fact that needs real vendor files from <c>../shared/fixtures/vitis</c> (beside the clone, or where
/// <c>XAI_SHARED_DIR</c> points), read in place because their licences do not allow copying them;
/// without them the test is skipped and says why.
/// </summary>
public sealed class SharedFixtureFactAttribute : FactAttribute
{
    public SharedFixtureFactAttribute(params string[] files)
    {
        var missing = files.Where(f => !File.Exists(Path(f))).ToList();
        if (missing.Count > 0)
        {
            Skip = $"Skipped: real vendor report(s) {string.Join(", ", missing)} not found under '{Directory}' (their licences do not allow "
                   + "copying them into the repository). Put the shared folder beside the clone (../shared/fixtures/vitis) or set XAI_SHARED_DIR to it.";
        }
    }

    public static string Directory =>
        System.IO.Path.Combine(Environment.GetEnvironmentVariable("XAI_SHARED_DIR") is { Length: > 0 } shared ? shared : RepositoryLayout.SharedDirectory, "fixtures", "vitis");

    public static string Path(string name) => System.IO.Path.Combine(Directory, name);
}
