using F = Xai.Sdk.IntegrationTests.OddNetworkProject.Files;

namespace Xai.Sdk.IntegrationTests;

/// <summary>A good build of odd.onnx with separate calibration images, which the failure tests then break.</summary>
public sealed class GoodBuildToBreak
{
    public GoodBuildToBreak(PackedSdk sdk)
    {
        Project = OddNetworkProject.Create(sdk, images: 2, calibrationImages: 2);
        var result = Project.Build();
        Assert.True(result.Succeeded, result.ToString());
    }

    public XaiProject Project { get; }
}

/// <summary>
/// A build that fails in the C simulation leaves the previous good results (report, relevance,
/// heatmaps, csim.json) exactly as they were, and does not count as done: the next good build
/// redoes the stage.
/// </summary>
[Collection(PackedSdkCollection.Name)]
public sealed class FailedBuildTests(GoodBuildToBreak good) : IClassFixture<GoodBuildToBreak>
{
    private XaiProject Project => good.Project;

    /// <summary>Every file in the output folder, and csim.json, with its bytes.</summary>
    private Dictionary<string, byte[]> Snapshot()
    {
        var files = Directory.EnumerateFiles(Project.PathOf("bin/Debug"), "*", SearchOption.AllDirectories).Append(Project.PathOf(F.CSimJson));
        return files.ToDictionary(f => Path.GetRelativePath(Project.Directory, f), File.ReadAllBytes);
    }

    private void AssertOutputsAsBefore(Dictionary<string, byte[]> before)
    {
        var after = Snapshot();
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        Assert.Contains(F.ReportJson, before.Keys);
        Assert.Contains(F.Relevance("img0", "Saliency"), before.Keys);
        foreach (var (file, bytes) in before)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(after[file]), $"{file} was changed by the failed build");
        }
    }

    [Fact]
    public void A_truncated_image_fails_the_C_simulation_and_keeps_the_previous_results()
    {
        var before = Snapshot();
        var csimStamp = File.GetLastWriteTimeUtc(Project.PathOf(F.CSimStamp));
        Project.WriteFile("images/img1.png", TestPng.Truncated(seed: 3));

        var failed = Project.Build();

        Assert.False(failed.Succeeded);
        var error = Assert.Single(failed.Errors);
        Assert.Equal("XAI4003", error.Code);
        Assert.Equal(Project.PathOf("images/img1.png"), error.File);
        Assert.DoesNotContain("Calibrated on", failed.Output);
        AssertOutputsAsBefore(before);
        Assert.Equal(csimStamp, File.GetLastWriteTimeUtc(Project.PathOf(F.CSimStamp)));

        Project.WriteFile("images/img1.png", TestPng.Noise(seed: 4));
        var repaired = Project.Build();
        Assert.True(repaired.Succeeded, repaired.ToString());
        Assert.Contains("C simulation:", repaired.Output);
        Assert.NotEqual(before[F.Relevance("img1", "Saliency")], File.ReadAllBytes(Project.PathOf(F.Relevance("img1", "Saliency"))));
    }

    [Fact]
    public void A_compiler_failure_in_the_C_simulation_keeps_the_previous_results()
    {
        var before = Snapshot();
        var compiler = FakeCompiler.Write(Project, "failing-cxx", """
            echo "/work/hls/xai_network.h:3:1: error: 'ap_fixed' was not declared" >&2
            exit 1
            """);
        Project.WriteFile("images/img0.png", TestPng.Noise(seed: 5));

        var failed = Project.Build("-p:XaiCxx=" + compiler);

        Assert.False(failed.Succeeded);
        var error = Assert.Single(failed.Errors);
        Assert.Equal("XAI3101", error.Code);
        Assert.DoesNotContain("Calibrated on", failed.Output);
        AssertOutputsAsBefore(before);

        var repaired = Project.Build();
        Assert.True(repaired.Succeeded, repaired.ToString());
        Assert.Contains("C simulation:", repaired.Output);
    }

    [Fact]
    public void A_crashing_simulation_program_keeps_the_previous_results()
    {
        var before = Snapshot();
        var compiler = FakeCompiler.ProducingFailingProgram(Project, "simulated crash in backward pass", exitCode: 3);
        Project.WriteFile("images/img0.png", TestPng.Noise(seed: 6));

        var failed = Project.Build("-p:XaiCxx=" + compiler);

        Assert.False(failed.Succeeded);
        var error = Assert.Single(failed.Errors);
        Assert.Equal("XAI3102", error.Code);
        Assert.Contains("exit 3", error.Message);
        Assert.Contains("simulated crash in backward pass", error.Message);
        AssertOutputsAsBefore(before);

        var repaired = Project.Build();
        Assert.True(repaired.Succeeded, repaired.ToString());
        Assert.Contains("C simulation:", repaired.Output);
    }
}
