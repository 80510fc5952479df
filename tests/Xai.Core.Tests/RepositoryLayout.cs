namespace Xai.Core.Tests;

/// <summary>Finds the repository (and the shared fixtures beside it) from the test assembly's location.</summary>
internal static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    public static string Boards => Path.Combine(Root, "boards");

    /// <summary>The shared folder beside the clone (<c>../shared</c>); may be absent.</summary>
    public static string SharedDirectory => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "global.json")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No repository root (global.json) above {AppContext.BaseDirectory}.");
    }
}
