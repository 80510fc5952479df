using Xai.CodeGeneration;
using Xai.Core.Tests;
using Xai.Core.Tests.CodeGeneration;
using Xai.Stages;

namespace Xai.Deployment.Tests;

/// <summary>
/// A real build (Generate, Calibrate, Plan, CSim on hls-lib's tiny network, so bin/board holds a
/// runner written by the CSim stage), plus what the Bitstream stage would add with vendor tools:
/// the HLS sources manifest (the real HlsSources stage), a test-made driver header, .bit and .hwh.
/// </summary>
public sealed class DeployableBuild : IDisposable
{
    private readonly OddNetworkBuild _build = new();

    public DeployableBuild()
    {
        var method = _build.Plan.Methods[0];
        HlsSourcesStage.Run(_build.Plan, method, inferenceVariant: false, null, _build.Layout, VendorLayout.For(_build.Layout));
        Top = HlsTopDesign.For(HlsTopVariant.Explain, method, NetworkMemorySizes.For(_build.Plan));
        var (header, offsets) = TestHardwareFiles.DriverHeader(Top);
        Offsets = offsets;
        File.WriteAllText(Path.Combine(Output, Top.DriverHeaderName), header);
        BoardRunnerWriter.Write(_build.Plan, _build.Layout, null);
        PublishStage.Run(_build.Layout, CancellationToken.None);
        WriteBitstream(Output, "7z020clg400", 0xAA);
    }

    public static string Python => "/usr/bin/python3";

    public static string StandInDirectory => Path.Combine(RepositoryLayout.Root, "tests", "board-standin");

    public OddNetworkBuild Build => _build;

    public HlsTopDesign Top { get; }

    public Dictionary<string, int> Offsets { get; }

    public string Output => _build.Layout.OutputDirectory;

    public string BoardFolder => Path.Combine(Output, BoardRunnerLayout.DirectoryName);

    public string Method => _build.Plan.Methods[0].ToString();

    /// <summary>odd.bit + odd.hwh for <paramref name="bitPart"/> (the .hwh always says xc7z020clg400-1 unless told).</summary>
    public static void WriteBitstream(string directory, string bitPart, byte fill, string hwhDevice = "7z020")
    {
        File.WriteAllBytes(Path.Combine(directory, "odd.bit"), TestHardwareFiles.Bitstream(bitPart, fill: fill));
        File.WriteAllText(Path.Combine(directory, "odd.hwh"), TestHardwareFiles.Hwh(hwhDevice, "clg400", "-1"));
    }

    /// <summary>
    /// A copy of the output directory as a user sees it (published board/ and the rest followed through
    /// their links, the .xai store left out), to change without touching the shared build.
    /// </summary>
    public string CopyOutput()
    {
        var copy = Path.Combine(_build.Directory, "copy-" + Guid.NewGuid().ToString("N")[..8]);
        CopyFollowingLinks(Output, copy);
        return copy;
    }

    /// <summary>
    /// A layout over a copy of the build's obj/ that shows results in <paramref name="output"/>: for
    /// tests that rewrite the board folder (obj/.../results/board) without touching the shared build.
    /// </summary>
    public BuildLayout CopyLayout(string output)
    {
        var intermediate = Path.Combine(_build.Directory, "obj-" + Guid.NewGuid().ToString("N")[..8]);
        CopyFollowingLinks(_build.Layout.IntermediateDirectory, intermediate);
        return new BuildLayout(intermediate, output);
    }

    private static void CopyFollowingLinks(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            var target = Path.Combine(to, Path.GetFileName(file));
            File.Copy(file, target);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(target, File.GetUnixFileMode(file));
            }
        }

        foreach (var directory in Directory.GetDirectories(from).Where(d => Path.GetFileName(d) != ".xai"))
        {
            CopyFollowingLinks(directory, Path.Combine(to, Path.GetFileName(directory)));
        }
    }

    public void Dispose() => _build.Dispose();
}
