namespace Xai.Sdk.IntegrationTests;

/// <summary>
/// A TEST DOUBLE of vivado, written by the tests and named by XaiVivadoPath. Not a vendor tool: it
/// runs the generated batch script under the real tclsh with the checking mock of the Vivado
/// commands (tests/Xai.Core.Tests/Tcl/vivado_mock.tcl), which checks every command, the block
/// design's wiring against the HLS IP, and leaves empty stand-ins for the run outputs (.bit, .hwh,
/// .xsa) so that the script's own copy steps run for real.
/// </summary>
internal sealed class FakeVivado
{
    private FakeVivado(string directory) => Directory = directory;

    public string Directory { get; }

    public string Executable => Path.Combine(Directory, "vivado");

    public string InvocationsFile => Path.Combine(Directory, "invocations.log");

    public string RecordFile => Path.Combine(Directory, "mock.record");

    public string ViolationsFile => Path.Combine(Directory, "mock.violations");

    public IReadOnlyList<string> Invocations => File.Exists(InvocationsFile) ? File.ReadAllLines(InvocationsFile) : [];

    public IReadOnlyList<string> RecordedCommands =>
        File.Exists(RecordFile) ? File.ReadAllLines(RecordFile).Select(l => l.Split('\t')[0]).ToList() : [];

    public IReadOnlyList<string> Violations => File.Exists(ViolationsFile) ? File.ReadAllLines(ViolationsFile) : [];

    /// <param name="ipRepository">Where the HLS export put the IP (the one repository the mock's catalog knows).</param>
    public static FakeVivado Create(XaiProject project, string ipRepository, string ipVlnv)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The vivado test double is a bash script.");
        }

        var fake = new FakeVivado(project.PathOf("fake-vivado"));
        System.IO.Directory.CreateDirectory(fake.Directory);
        var tcl = Path.Combine(RepositoryLayout.Root, "tests", "Xai.Core.Tests", "Tcl");
        File.WriteAllText(fake.Executable, $$"""
            #!/bin/bash
            # TEST DOUBLE of vivado (Xai.Sdk integration tests). Not a vendor tool.
            echo "$*" >> '{{fake.InvocationsFile}}'
            if [ "$1" = "-version" ]; then echo "test double of vivado (no release)"; exit 0; fi
            log=""; script=""
            while [ $# -gt 0 ]; do
              case "$1" in -log) log="$2"; shift;; -source) script="$2"; shift;; esac
              shift
            done
            if [ -z "$log" ] || [ -z "$script" ]; then echo "ERROR: test double: expected -log <file> -source <script>"; exit 2; fi
            export XAI_MOCK_RECORD='{{fake.RecordFile}}' XAI_MOCK_VIOLATIONS='{{fake.ViolationsFile}}'
            export XAI_MOCK_IP_REPO='{{ipRepository}}' XAI_MOCK_IP_VLNV='{{ipVlnv}}'
            (
              echo "INFO: [Common 17-206] test double of vivado running $script"
              /usr/bin/tclsh '{{tcl}}/run_with_mock.tcl' '{{tcl}}/vivado_mock.tcl' "$script"
            ) > "$log" 2>&1
            rc=$?
            cat "$log"
            exit $rc
            """.Replace("\r\n", "\n"));
        File.SetUnixFileMode(fake.Executable, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return fake;
    }
}
