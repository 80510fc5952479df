namespace Xai.Sdk.IntegrationTests;

/// <summary>Finds the repository from the test assembly's location.</summary>
internal static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    public static string SdkProject => Path.Combine(Root, "sdk", "Xai.Sdk", "Xai.Sdk.csproj");

    /// <summary>hls-lib's tiny reference network: input [3,10,14] (C,H,W), 4 classes, conv/ReLU/pool/FC.</summary>
    public static string OddModel => Path.Combine(Root, "hls-lib", "tests", "data", "reference", "odd", "odd.onnx");

    /// <summary>This test project's Data folder, copied beside the test assembly.</summary>
    public static string TestData(string file) => Path.Combine(AppContext.BaseDirectory, "Data", file);

    /// <summary>The shared fixtures beside the clone (<c>../shared</c>); may be absent.</summary>
    public static string SharedDirectory => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "global.json")) && Directory.Exists(Path.Combine(dir.FullName, "sdk", "Xai.Sdk")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No repository root (global.json + sdk/Xai.Sdk) above {AppContext.BaseDirectory}.");
    }
}
