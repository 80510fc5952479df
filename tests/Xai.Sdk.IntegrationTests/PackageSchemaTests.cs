using System.IO.Compression;

namespace Xai.Sdk.IntegrationTests;

/// <summary>The package carries the JSON Schemas of report.json and plan.json, byte for byte as published beside the README.</summary>
[Collection(PackedSdkCollection.Name)]
public sealed class PackageSchemaTests(PackedSdk sdk)
{
    [Theory]
    [InlineData("xai-report-1.schema.json")]
    [InlineData("xai-plan-1.schema.json")]
    public void The_package_holds_the_published_schema(string file)
    {
        using var package = ZipFile.OpenRead(Path.Combine(sdk.Feed, $"Xai.Sdk.{sdk.Version}.nupkg"));
        var entry = package.GetEntry($"schemas/{file}");
        Assert.True(entry is not null, $"schemas/{file} is not in the package");
        using var stream = entry.Open();
        using var reader = new StreamReader(stream);
        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryLayout.Root, "schemas", file)), reader.ReadToEnd());
    }
}
