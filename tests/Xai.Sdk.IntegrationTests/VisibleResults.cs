namespace Xai.Sdk.IntegrationTests;

/// <summary>
/// What a user sees in an output directory: report.json, report.html, plan.json and every file under
/// relevance/ and heatmaps/, with their bytes, read through the paths the README gives.
/// </summary>
internal static class VisibleResults
{
    public static readonly string[] Entries = ["report.json", "report.html", "plan.json", "relevance", "heatmaps"];

    public static Dictionary<string, byte[]> Read(string outputDirectory)
    {
        var files = new Dictionary<string, byte[]>();
        foreach (var entry in Entries)
        {
            var path = Path.Combine(outputDirectory, entry);
            if (File.Exists(path))
            {
                files[entry] = File.ReadAllBytes(path);
            }
            else if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories))
                {
                    files[Path.GetRelativePath(outputDirectory, file)] = File.ReadAllBytes(file);
                }
            }
        }

        return files;
    }

    public static void AssertEqual(Dictionary<string, byte[]> expected, Dictionary<string, byte[]> actual, string when)
    {
        Assert.True(expected.Keys.Order().SequenceEqual(actual.Keys.Order()), $"{when}: the visible files differ: expected [{string.Join(", ", expected.Keys.Order())}], found [{string.Join(", ", actual.Keys.Order())}]");
        foreach (var (file, bytes) in expected)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(actual[file]), $"{when}: {file} differs from the last complete build's");
        }
    }

    /// <summary>A complete build leaves the five entries as links through .xai/current, one version, nothing half-done.</summary>
    public static void AssertTidy(string outputDirectory)
    {
        foreach (var entry in Entries)
        {
            Assert.Equal($".xai/current/{entry}", new FileInfo(Path.Combine(outputDirectory, entry)).LinkTarget);
        }

        var store = Path.Combine(outputDirectory, ".xai");
        var names = Directory.EnumerateFileSystemEntries(store).Select(Path.GetFileName).Order().ToList();
        Assert.True(names.Count == 2 && names.Contains("current"), $".xai holds [{string.Join(", ", names)}]; expected 'current' and one version");
        Assert.True(File.Exists(Path.Combine(store, "current", "published.stamp")));
    }
}
