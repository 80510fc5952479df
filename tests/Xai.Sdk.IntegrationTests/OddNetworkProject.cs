namespace Xai.Sdk.IntegrationTests;

/// <summary>
/// A real project on hls-lib's tiny reference network (odd.onnx: input [3,10,14], 4 classes):
/// the whole build (import, calibration, plan, bit-accurate C simulation, report) in seconds.
/// Images are seeded noise, images/img{k}.png; calibration images, when asked for, are a separate
/// set (calibration/cal{k}.png) so that changing a project image does not re-calibrate.
/// </summary>
internal static class OddNetworkProject
{
    public static XaiProject Create(
        PackedSdk sdk,
        int images,
        int calibrationImages = 0,
        string properties = "",
        string? imageItems = null,
        string name = "odd",
        string? directoryName = null)
    {
        var items = imageItems ?? "<XaiImage Include=\"images/*.png\" />";
        if (calibrationImages > 0)
        {
            items += "\n<XaiCalibrationImage Include=\"calibration/*.png\" />";
        }

        var project = new XaiProject(sdk, "<XaiModel>odd.onnx</XaiModel>\n" + properties, items, name: name, directoryName: directoryName);
        project.CopyFile(RepositoryLayout.OddModel, "odd.onnx");
        for (var k = 0; k < images; k++)
        {
            project.WriteFile($"images/img{k}.png", TestPng.Noise(seed: 1 + k));
        }

        for (var k = 0; k < calibrationImages; k++)
        {
            project.WriteFile($"calibration/cal{k}.png", TestPng.Noise(seed: 100 + k));
        }

        return project;
    }

    /// <summary>The stage stamps and the files each stage writes, relative to the project.</summary>
    public static class Files
    {
        public const string GenerateStamp = "obj/Debug/xai/generate.stamp";
        public const string CalibrateStamp = "obj/Debug/xai/calibrate.stamp";
        public const string PlanStamp = "obj/Debug/xai/plan.stamp";
        public const string CSimStamp = "obj/Debug/xai/csim.stamp";
        public const string NetworkHeader = "obj/Debug/xai/hls/xai_network.h";
        public const string Calibration = "obj/Debug/xai/calibration.txt";
        public const string NumericsHeader = "obj/Debug/xai/hls/xai_numerics.h";
        public const string CSimJson = "obj/Debug/xai/csim.json";
        public const string Plan = "bin/Debug/plan.json";
        public const string ReportJson = "bin/Debug/report.json";
        public const string ReportHtml = "bin/Debug/report.html";

        public static string Relevance(string stem, string method) => $"bin/Debug/relevance/{stem}.{method}.npy";

        public static string Heatmap(string stem, string method) => $"bin/Debug/heatmaps/{stem}.{method}.png";
    }

    public static readonly string[] Methods = ["Saliency", "DeconvNet", "GuidedBackprop"];
}
