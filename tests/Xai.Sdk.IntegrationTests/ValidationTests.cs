namespace Xai.Sdk.IntegrationTests;

/// <summary>The first stage, XaiResolveProject, seen through `dotnet build` of real projects.</summary>
[Collection(PackedSdkCollection.Name)]
public sealed class ValidationTests(PackedSdk sdk)
{
    // These tests are about the first stage alone: the model is a stand-in (two protobuf bytes), so
    // the builds that should succeed run only XaiResolveProject (-t:), not the whole pipeline.
    private const string ResolveOnly = "-t:XaiResolveProject";

    private XaiProject ProjectWithModel(string properties)
    {
        var project = new XaiProject(sdk, "<XaiModel>model.onnx</XaiModel>\n" + properties);
        project.WriteFile("model.onnx", [0x08, 0x07]);
        return project;
    }

    [Fact]
    public void A_valid_project_builds_and_records_its_resolved_settings()
    {
        using var project = ProjectWithModel("<XaiBoard>zcu104</XaiBoard>");
        var result = project.Build(ResolveOnly);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Contains("board zcu104 (xczu7ev-ffvc1156-2-e)", result.Output);
        Assert.Contains("conv 8x8, FC tile 32", result.Output);
        var settings = File.ReadAllText(project.PathOf("obj/Debug/xai/settings.json"));
        Assert.Contains("\"boardPart\": \"xilinx.com:zcu104:part0:1.1\"", settings);
    }

    [Fact]
    public void An_unknown_board_is_an_error_that_lists_the_valid_boards()
    {
        using var project = ProjectWithModel("<XaiBoard>zedboard</XaiBoard>");
        var result = project.Build();

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal("XAI1001", error.Code);
        Assert.Equal(project.ProjectFile, error.File);
        Assert.Contains("'XaiBoard' is 'zedboard'", error.Message);
        Assert.Contains("pynq-z2, ultra96-v2, zcu104", error.Message);
    }

    [Fact]
    public void An_unknown_method_is_an_error_that_lists_the_valid_methods()
    {
        using var project = ProjectWithModel("<XaiMethods>Saliency;Lrp</XaiMethods>");
        var result = project.Build();

        var error = Assert.Single(result.Errors);
        Assert.Equal("XAI1002", error.Code);
        Assert.Contains("'Lrp'", error.Message);
        Assert.Contains("Saliency, DeconvNet, GuidedBackprop, InputXGradient, IntegratedGradients, SmoothGrad, GradCam, GuidedGradCam", error.Message);
    }

    [Fact]
    public void A_missing_model_file_is_an_error_naming_the_path()
    {
        using var project = new XaiProject(sdk, "<XaiModel>missing.onnx</XaiModel>");
        var result = project.Build();

        var error = Assert.Single(result.Errors);
        Assert.Equal("XAI1102", error.Code);
        Assert.Contains(project.PathOf("missing.onnx"), error.Message);
    }

    [Fact]
    public void Every_bad_property_is_reported_in_one_build()
    {
        using var project = ProjectWithModel("<XaiBoard>pynq-z2</XaiBoard><XaiConvParallelism>3x4</XaiConvParallelism><XaiFcTile>24</XaiFcTile><XaiClockMHz>fast</XaiClockMHz><XaiNumerics>Float</XaiNumerics>");
        var result = project.Build();

        Assert.Equal(new[] { "XAI1003", "XAI1004", "XAI1005", "XAI1006" }, result.Errors.Select(e => e.Code).Order().ToArray());
    }

    [Fact]
    public void An_integrated_gradients_baseline_reaches_the_settings_and_a_missing_one_is_XAI1019()
    {
        using var project = ProjectWithModel("<XaiMethods>IntegratedGradients</XaiMethods><XaiIgBaseline>baselines/grey.png</XaiIgBaseline>");
        var missing = project.Build();
        var error = Assert.Single(missing.Errors);
        Assert.Equal("XAI1019", error.Code);
        Assert.Equal(project.ProjectFile, error.File);
        Assert.Contains("'XaiIgBaseline' is 'baselines/grey.png'", error.Message);

        // Its size is checked once the network is known (Generate); here the path is resolved against the project.
        project.WriteFile("baselines/grey.png", [0x89, 0x50, 0x4E, 0x47]);
        var found = project.Build(ResolveOnly);
        Assert.True(found.Succeeded, found.ToString());
        var settings = File.ReadAllText(project.PathOf("obj/Debug/xai/settings.json"));
        Assert.Contains("\"igBaseline\": " + System.Text.Json.JsonSerializer.Serialize(project.PathOf("baselines/grey.png")), settings);
    }

    [Fact]
    public void The_pass_sums_placement_reaches_the_settings_and_a_bad_one_is_XAI1021()
    {
        using var project = ProjectWithModel("<XaiMethods>IntegratedGradients</XaiMethods><XaiPassSums>Bram</XaiPassSums>");
        var bad = project.Build();
        var error = Assert.Single(bad.Errors);
        Assert.Equal("XAI1021", error.Code);
        Assert.Equal(project.ProjectFile, error.File);
        Assert.Contains("'XaiPassSums' is 'Bram'; allowed: Auto, OnChip, OffChip", error.Message);

        var good = project.Build(ResolveOnly, "-p:XaiPassSums=offchip");
        Assert.True(good.Succeeded, good.ToString());
        Assert.Contains("\"passSums\": \"OffChip\"", File.ReadAllText(project.PathOf("obj/Debug/xai/settings.json")));
    }

    [Fact]
    public void A_design_that_needs_more_DSPs_than_the_board_has_is_rejected()
    {
        using var project = ProjectWithModel("<XaiBoard>pynq-z2</XaiBoard><XaiConvParallelism>16x16</XaiConvParallelism>");
        var result = project.Build();

        var error = Assert.Single(result.Errors);
        Assert.Equal("XAI1009", error.Code);
        Assert.Contains("need 272 DSP slices, but board 'pynq-z2' has 220", error.Message);
    }

    [Fact]
    public void An_unchanged_project_does_not_rewrite_its_settings_stamp()
    {
        using var project = ProjectWithModel("");
        Assert.True(project.Build(ResolveOnly).Succeeded);
        var stamp = project.PathOf("obj/Debug/xai/settings.json");
        var first = File.GetLastWriteTimeUtc(stamp);
        Thread.Sleep(50);

        Assert.True(project.Build(ResolveOnly).Succeeded);
        Assert.Equal(first, File.GetLastWriteTimeUtc(stamp));

        Assert.True(project.Build(ResolveOnly, "-p:XaiBoard=ultra96-v2").Succeeded);
        Assert.NotEqual(first, File.GetLastWriteTimeUtc(stamp));
    }

    [Fact]
    public void A_global_json_asking_for_an_sdk_version_the_feed_lacks_fails_naming_sdk_and_version()
    {
        using var project = new XaiProject(sdk, "<XaiModel>model.onnx</XaiModel>", sdkVersion: "9.9.9");
        var result = project.Build();

        Assert.False(result.Succeeded);
        Assert.Contains("Xai.Sdk", result.Output);
        Assert.Contains("9.9.9", result.Output);
    }
}
