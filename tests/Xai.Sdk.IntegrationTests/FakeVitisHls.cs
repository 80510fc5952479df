namespace Xai.Sdk.IntegrationTests;

/// <summary>
/// A TEST DOUBLE of vitis_hls, written by the tests into the project directory and named by
/// XaiVitisHlsPath. It is not a vendor tool and produces no figures of its own: it runs the
/// generated Tcl script under the real tclsh with the checking mock of the Vitis HLS commands
/// (tests/Xai.Core.Tests/Tcl: every command's options and the project order are checked, and
/// every call recorded), then either prints a realistic front-end ERROR line (exiting 0, as AMD
/// tools have been seen to do) or lays out the files a successful run leaves, with csynth.xml
/// copied from a real, permissively licensed fixture (tests/Xai.Core.Tests/Fixtures, SOURCES.md).
/// Its -version output names no release, so the SDK records the release as unknown.
/// </summary>
internal sealed class FakeVitisHls
{
    public const string Fixture = "ValdecirDesenv__FPGA_picoZed__csynth.xml";

    /// <summary>A real co-simulation report (Vitis HLS 2020.1, Verilog Pass), read in place from ../shared.</summary>
    public const string CosimFixture = "Imam-f__RL-SOC-Tutorial-Vitis__VecDotProduct_cosim.rpt";

    private FakeVitisHls(string directory) => Directory = directory;

    public string Directory { get; }

    public string Executable => Path.Combine(Directory, "vitis_hls");

    /// <summary>One line per start of the test double, -version probes included.</summary>
    public string InvocationsFile => Path.Combine(Directory, "invocations.log");

    public IReadOnlyList<string> Invocations => File.Exists(InvocationsFile) ? File.ReadAllLines(InvocationsFile) : [];

    public string RecordFile => Path.Combine(Directory, "mock.record");

    public string ViolationsFile => Path.Combine(Directory, "mock.violations");

    public static string FixturePath => Path.Combine(RepositoryLayout.Root, "tests", "Xai.Core.Tests", "Fixtures", Fixture);

    public IReadOnlyList<string> RecordedCommands =>
        File.Exists(RecordFile) ? File.ReadAllLines(RecordFile).Select(l => l.Split('\t')[0]).ToList() : [];

    public IReadOnlyList<string> Violations => File.Exists(ViolationsFile) ? File.ReadAllLines(ViolationsFile) : [];

    /// <param name="mode"><c>error</c> or <c>success</c>.</param>
    public static FakeVitisHls Create(XaiProject project, string mode)
    {
        var fake = new FakeVitisHls(project.PathOf("fake-vitis-hls-" + mode));
        System.IO.Directory.CreateDirectory(fake.Directory);
        // The double itself is tests/tool-doubles/vitis_hls.sh (bench/slurm-explore.sh runs it too); this wrapper gives it its files.
        File.WriteAllText(fake.Executable, $$"""
            #!/bin/bash
            # TEST DOUBLE of vitis_hls (Xai.Sdk integration tests). Not a vendor tool.
            export XAI_DOUBLE_DIR='{{fake.Directory}}' XAI_DOUBLE_MODE='{{mode}}'
            export XAI_DOUBLE_CSYNTH='{{FixturePath}}' XAI_DOUBLE_COSIM='{{SharedFixtureFactAttribute.Path(CosimFixture)}}'
            exec /bin/bash '{{Path.Combine(RepositoryLayout.Root, "tests", "tool-doubles", "vitis_hls.sh")}}' "$@"
            """.Replace("\r\n", "\n"));
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The vitis_hls test double is a bash script.");
        }

        File.SetUnixFileMode(fake.Executable, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return fake;
    }
}
