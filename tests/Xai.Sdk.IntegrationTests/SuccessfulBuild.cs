using Newtonsoft.Json.Linq;

namespace Xai.Sdk.IntegrationTests;

/// <summary>
/// One successful build of odd.onnx shared by every assertion about the success path. The project
/// lives in a folder whose name has a space and non-ASCII letters ("Prüfung Ω"), one image name
/// has both too, three images carry a Label, and class names come from a file.
/// </summary>
public sealed class SuccessfulBuild
{
    /// <summary>Image stems and their Label metadata (null: no label).</summary>
    public static readonly (string Stem, int? Label)[] Images = [("img0", 0), ("img1", 1), ("img2", 3), ("straße 5", null)];

    public static readonly string[] ClassNames = ["circle", "square", "triangle", "star"];

    public SuccessfulBuild(PackedSdk sdk)
    {
        var items = string.Join("\n", Images.Select(i => i.Label is { } label
            ? $"<XaiImage Include=\"images/{i.Stem}.png\"><Label>{label}</Label></XaiImage>"
            : $"<XaiImage Include=\"images/{i.Stem}.png\" />"));
        Project = OddNetworkProject.Create(
            sdk,
            images: 0,
            properties: "<XaiBoard>ultra96-v2</XaiBoard>\n<XaiClassNamesFile>classes.txt</XaiClassNamesFile>",
            imageItems: items,
            directoryName: "Prüfung Ω");
        for (var k = 0; k < Images.Length; k++)
        {
            Project.WriteFile($"images/{Images[k].Stem}.png", TestPng.Noise(seed: 11 + k));
        }

        File.WriteAllLines(Project.PathOf("classes.txt"), ClassNames);
        Result = Project.Build();
        Report = Result.Succeeded ? Schemas.Report(Project.PathOf(OddNetworkProject.Files.ReportJson)) : new JObject();
        if (Result.Succeeded)
        {
            Schemas.Plan(Project.PathOf(OddNetworkProject.Files.Plan));
        }
    }

    public XaiProject Project { get; }

    public BuildResult Result { get; }

    public JObject Report { get; }

    /// <summary>Fails the calling test with the build log when the shared build did not succeed.</summary>
    public void AssertSucceeded() => Assert.True(Result.Succeeded, "The shared odd.onnx build failed:\n" + Result);
}
