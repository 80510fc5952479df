namespace Xai.Sdk.IntegrationTests;

/// <summary>
/// The DS-CNN sample (samples/dscnn, which reads samples/table3's images) built as a user builds it, with
/// the packed SDK: it must keep building and keep its 20 images' fidelity (the 1000-image figures are in
/// BENCHMARKS.md). The Quick start's `./build.sh` builds the Table III sample itself.
/// </summary>
[Collection(PackedSdkCollection.Name)]
public sealed class SampleBuildTests(PackedSdk sdk)
{
    [Fact]
    public void The_DS_CNN_sample_builds_folds_its_pool_and_meets_the_fidelity_targets_on_its_images()
    {
        using var project = new XaiProject(sdk, properties: "", name: "samples");
        foreach (var sample in new[] { "table3", "dscnn" })
        {
            var from = Path.Combine(RepositoryLayout.Root, "samples", sample);
            foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories)
                         .Where(f => !Path.GetRelativePath(from, f).StartsWith("bin", StringComparison.Ordinal) && !Path.GetRelativePath(from, f).StartsWith("obj", StringComparison.Ordinal)))
            {
                project.CopyFile(file, Path.Combine(sample, Path.GetRelativePath(from, file)));
            }
        }

        var result = project.BuildOther("dscnn/dscnn.xaiproj");

        Assert.True(result.Succeeded, result.ToString());
        Assert.All(result.Warnings, w => Assert.Equal("XAI5502", w.Code));
        Assert.Contains("GlobalAveragePool", result.Output);
        Assert.Contains("folded into dense", result.Output);
        var report = Schemas.Report(project.PathOf("dscnn/bin/Debug/report.json"));
        Assert.Equal(20, report["csim"]!["perImage"]!.Count());
        foreach (var method in new[] { "Saliency", "DeconvNet", "GuidedBackprop" })
        {
            var fidelity = report["csim"]!["fidelity"]![method]!;
            Assert.Equal(1.0, (double)fidelity["top1Agreement"]!);
            Assert.True((double)fidelity["spearmanMedian"]! >= 0.99, $"{method}: {fidelity}");
            Assert.True((double)fidelity["spearmanMin"]! >= 0.95, $"{method}: {fidelity}");
        }
    }
}
