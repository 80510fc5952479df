namespace Xai.Sdk.IntegrationTests;

/// <summary>
/// Packs Xai.Sdk once per test run into a private feed, under a test-only version, and gives the
/// builds their own NuGet package cache so that nothing from an earlier run (or the developer's
/// own cache) can be resolved instead.
/// </summary>
public sealed class PackedSdk : IDisposable
{
    public PackedSdk()
    {
        Root = Path.Combine(Path.GetTempPath(), "xai-it-" + Guid.NewGuid().ToString("N")[..12]);
        Feed = Path.Combine(Root, "feed");
        PackageCache = Path.Combine(Root, "packages");
        Directory.CreateDirectory(Feed);
        Version = "0.0.1-it" + DateTime.UtcNow.ToString("yyyyMMddHHmmss");

        var pack = DotnetCli.Run(
            RepositoryLayout.Root,
            null,
            "pack", RepositoryLayout.SdkProject, "-c", "Release", "-nologo", "-o", Feed, $"-p:Version={Version}");
        if (pack.ExitCode != 0 || !File.Exists(Path.Combine(Feed, $"Xai.Sdk.{Version}.nupkg")))
        {
            throw new InvalidOperationException($"Packing Xai.Sdk failed (exit {pack.ExitCode}):\n{pack.Output}");
        }
    }

    public string Root { get; }

    public string Feed { get; }

    public string PackageCache { get; }

    public string Version { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A build node may still hold a file; the OS cleans the temp folder.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PackedSdkCollection : ICollectionFixture<PackedSdk>
{
    public const string Name = "Packed Xai.Sdk";
}
