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
        var tcl = Path.Combine(RepositoryLayout.Root, "tests", "Xai.Core.Tests", "Tcl");
        File.WriteAllText(fake.Executable, $$"""
            #!/bin/bash
            # TEST DOUBLE of vitis_hls (Xai.Sdk integration tests). Not a vendor tool.
            echo "$*" >> '{{fake.InvocationsFile}}'
            if [ "$1" = "-version" ]; then echo "test double of vitis_hls (no release)"; exit 0; fi
            if [ "$1" != "-f" ] || [ "$3" != "-l" ]; then echo "ERROR: test double: expected -f <script> -l <log>, got: $*"; exit 2; fi
            script="$2"; log="$4"
            name="$(basename "$script" .tcl)"; stage="${name%%.*}"; top="${name#*.}"
            export XAI_MOCK_RECORD='{{fake.RecordFile}}' XAI_MOCK_VIOLATIONS='{{fake.ViolationsFile}}'
            (
              echo "INFO: [HLS 200-10] test double of vitis_hls running $script in $(pwd)"
              /usr/bin/tclsh '{{tcl}}/run_with_mock.tcl' '{{tcl}}/vitis_hls_mock.tcl' "$script"
              rc=$?
              if [ $rc -ne 0 ]; then exit $rc; fi
              if [ '{{mode}}' = error ]; then
                echo "ERROR: [HLS 207-3776] use of undeclared identifier 'N' (src/$top.cpp:12:7)"
                echo "ERROR: [HLS 200-70] Pre-synthesis failed."
                exit 0
              fi
              solution="$top/solution1"
              if [ "$stage" = synthesize ]; then
                mkdir -p "$solution/syn/report" "$solution/csim/report" "$solution/impl/ip"
                cp '{{FixturePath}}' "$solution/syn/report/csynth.xml"
                echo "INFO: [SIM 1] CSim done with 0 errors." > "$solution/csim/report/${top}_csim.log"
                echo "<!-- test double: no IP -->" > "$solution/impl/ip/component.xml"
                mkdir -p "$solution/impl/ip/drivers/${top}_v1_0/src"
                echo "// test double: no register map" > "$solution/impl/ip/drivers/${top}_v1_0/src/x${top}_hw.h"
              fi
              if [ "$stage" = cosimulate ]; then
                mkdir -p "$solution/sim/report"
                cp '{{SharedFixtureFactAttribute.Path(CosimFixture)}}' "$solution/sim/report/${top}_cosim.rpt"
              fi
              exit 0
            ) > "$log" 2>&1
            rc=$?
            cat "$log"
            exit $rc
            """.Replace("\r\n", "\n"));
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The vitis_hls test double is a bash script.");
        }

        File.SetUnixFileMode(fake.Executable, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return fake;
    }
}
