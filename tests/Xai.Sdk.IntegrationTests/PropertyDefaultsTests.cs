namespace Xai.Sdk.IntegrationTests;

/// <summary>
/// Sdk.props gives each Xai property its default only when it is empty, so a value from
/// Directory.Build.props (imported before the defaults) or from the environment is kept, and the
/// project's own PropertyGroup still wins over both.
/// </summary>
[Collection(PackedSdkCollection.Name)]
public sealed class PropertyDefaultsTests(PackedSdk sdk)
{
    private const string ResolveOnly = "-t:XaiResolveProject";

    private XaiProject ProjectWithModel(string properties = "")
    {
        var project = new XaiProject(sdk, "<XaiModel>model.onnx</XaiModel>\n" + properties);
        project.WriteFile("model.onnx", [0x08, 0x07]);
        return project;
    }

    private static void WriteDirectoryBuildProps(XaiProject project, string properties) =>
        project.WriteFile("Directory.Build.props", System.Text.Encoding.UTF8.GetBytes($"""
            <Project>
              <PropertyGroup>
                {properties}
              </PropertyGroup>
            </Project>
            """));

    [Fact]
    public void A_value_from_Directory_Build_props_is_not_replaced_by_the_default()
    {
        using var project = ProjectWithModel();
        WriteDirectoryBuildProps(project, "<XaiBoard>zcu104</XaiBoard><XaiMethods>DeconvNet</XaiMethods>");

        var result = project.Build(ResolveOnly);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Contains("board zcu104 (xczu7ev-ffvc1156-2-e)", result.Output);
        Assert.Contains("methods DeconvNet,", result.Output);
    }

    [Fact]
    public void A_value_from_the_environment_is_not_replaced_by_the_default()
    {
        using var project = ProjectWithModel();

        var result = project.Build(new Dictionary<string, string> { ["XaiBoard"] = "ultra96-v2" }, ResolveOnly);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Contains("board ultra96-v2 (xczu3eg-sbva484-1-i)", result.Output);
    }

    [Fact]
    public void The_project_s_own_value_wins_over_Directory_Build_props_and_the_environment()
    {
        using var project = ProjectWithModel("<XaiBoard>pynq-z2</XaiBoard>");
        WriteDirectoryBuildProps(project, "<XaiBoard>zcu104</XaiBoard>");

        var result = project.Build(new Dictionary<string, string> { ["XaiBoard"] = "ultra96-v2" }, ResolveOnly);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Contains("board pynq-z2 (", result.Output);
    }

    [Fact]
    public void Without_any_value_the_default_board_is_used()
    {
        using var project = ProjectWithModel();

        var result = project.Build(ResolveOnly);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Contains("board pynq-z2 (", result.Output);
    }
}
