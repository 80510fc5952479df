using Xai.Boards;
using Xai.Diagnostics;
using Xai.Imaging;
using Xai.Planning;
using Xai.Projects;
using Xai.Stages;

namespace Xai.Core.Tests.CodeGeneration;

/// <summary>
/// The real stages Generate, Calibrate, Plan and CSim on hls-lib's tiny reference network
/// (odd.onnx: input [3,10,14], 4 classes; a subclass may take another of hls-lib's reference networks)
/// with two seeded noise images, once per test class: what the HLS top and testbench are generated from
/// and checked against.
/// </summary>
public class OddNetworkBuild : IDisposable
{
    public OddNetworkBuild()
        : this(editModel: null)
    {
    }

    /// <param name="editModel">Rewrites odd.onnx's bytes before the build (a test's variant of the model); null to build it as it is.</param>
    protected OddNetworkBuild(Func<byte[], byte[]>? editModel)
        : this("odd", 14, 10, editModel)
    {
    }

    /// <summary>hls-lib's reference network <paramref name="network"/> (its ONNX file beside its vectors), with input images of <paramref name="width"/> x <paramref name="height"/>.</summary>
    protected OddNetworkBuild(string network, int width, int height, Func<byte[], byte[]>? editModel = null)
        : this(new FileInfo(Path.Combine(RepositoryLayout.Root, "hls-lib", "tests", "data", "reference", network, network + ".onnx")), width, height, editModel)
    {
    }

    /// <summary>
    /// The model file <paramref name="model"/> (3 input channels), with two noise images of <paramref name="width"/> x
    /// <paramref name="height"/>, or the PNG files <paramref name="images"/> when given.
    /// </summary>
    /// <param name="project">Further project properties (methods, their parameters) over the defaults; null for none.</param>
    protected OddNetworkBuild(FileInfo model, int width, int height, Func<byte[], byte[]>? editModel, IReadOnlyList<string>? images = null,
        Func<ProjectProperties, ProjectProperties>? project = null)
    {
        Directory = Path.Combine(Path.GetTempPath(), "xai-top-" + Guid.NewGuid().ToString("N")[..10]);
        System.IO.Directory.CreateDirectory(Directory);
        var bytes = File.ReadAllBytes(model.FullName);
        File.WriteAllBytes(Path.Combine(Directory, "odd.onnx"), editModel is null ? bytes : editModel(bytes));
        var diagnostics = new List<XaiDiagnostic>();
        var properties = new ProjectProperties
        {
            ProjectFile = Path.Combine(Directory, "odd.xaiproj"),
            Model = "odd.onnx",
            Board = "pynq-z2",
            Methods = "Saliency;DeconvNet;GuidedBackprop",
            Numerics = "PerTensor",
        };
        Settings = ProjectValidator.Validate(
            project is null ? properties : project(properties),
            BoardCatalog.Load(RepositoryLayout.Boards),
            diagnostics) ?? throw new InvalidOperationException(string.Join("\n", diagnostics));
        Layout = new BuildLayout(Path.Combine(Directory, "obj"), Path.Combine(Directory, "bin"));
        System.IO.Directory.CreateDirectory(Layout.IntermediateDirectory);
        System.IO.Directory.CreateDirectory(Layout.OutputDirectory);
        Tools = new ToolSettings("g++", HlsInclude, Path.Combine(RepositoryLayout.Root, "hls-lib", "csim", "xai_csim_main.cpp"));

        var imageFiles = new List<string>();
        for (var k = 0; images is not null && k < images.Count; k++)
        {
            var path = Path.Combine(Directory, $"img{k}.png");
            File.Copy(images[k], path);
            imageFiles.Add(path);
        }

        for (var k = 0; images is null && k < 2; k++)
        {
            var random = new Random(11 + k);
            var pixels = new byte[width * height * 3];
            random.NextBytes(pixels);
            var path = Path.Combine(Directory, $"img{k}.png");
            File.WriteAllBytes(path, PngWriter.Encode(new RasterImage(width, height, 3, pixels)));
            imageFiles.Add(path);
        }

        GenerateStage.Run(Settings, Layout);
        CalibrateStage.Run(DesignPlanFile.Load(Layout.NetworkPlanFile, Layout.FloatWeights), imageFiles, Settings.ProjectFile, Layout, Tools, CancellationToken.None);
        Plan = PlanStage.Run(Layout);
        CSimStage.Run(Plan, imageFiles.Select(p => new CSimStage.LabeledImage(p, null)).ToList(), null, Settings.ProjectFile, Layout, Tools, CancellationToken.None,
            faithfulnessSteps: Settings.FaithfulnessSteps);
    }

    public static string HlsInclude => Path.Combine(RepositoryLayout.Root, "hls-lib", "include");

    public string Directory { get; }

    public ProjectSettings Settings { get; }

    public BuildLayout Layout { get; }

    public ToolSettings Tools { get; }

    public DesignPlan Plan { get; }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
