namespace Xai.Sdk.IntegrationTests;

/// <summary>
/// The DS-CNN and ResNet-8 samples (samples/dscnn, samples/resnet8, which read samples/table3's images) built as a
/// user builds them, with the packed SDK: each must keep building and keep its 20 images' fidelity (the
/// 1000-image figures are in BENCHMARKS.md). The Quick start's `./build.sh` builds the Table III sample itself.
/// </summary>
[Collection(PackedSdkCollection.Name)]
public sealed class SampleBuildTests(PackedSdk sdk)
{
    [Theory]
    [InlineData("dscnn", "folded into dense")]
    [InlineData("resnet8", "3 residual join(s) fused into the store of the convolution before them")]
    public void The_sample_builds_and_meets_the_fidelity_targets_on_its_images(string sample, string message)
    {
        using var project = new XaiProject(sdk, properties: "", name: "samples-" + sample);
        foreach (var folder in new[] { "table3", sample })
        {
            var from = Path.Combine(RepositoryLayout.Root, "samples", folder);
            foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories)
                         .Where(f => !Path.GetRelativePath(from, f).StartsWith("bin", StringComparison.Ordinal) && !Path.GetRelativePath(from, f).StartsWith("obj", StringComparison.Ordinal)))
            {
                project.CopyFile(file, Path.Combine(folder, Path.GetRelativePath(from, file)));
            }
        }

        var result = project.BuildOther($"{sample}/{sample}.xaiproj");

        Assert.True(result.Succeeded, result.ToString());
        Assert.All(result.Warnings, w => Assert.Equal("XAI5502", w.Code));
        Assert.Contains(message, result.Output);
        var report = Schemas.Report(project.PathOf($"{sample}/bin/Debug/report.json"));
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
