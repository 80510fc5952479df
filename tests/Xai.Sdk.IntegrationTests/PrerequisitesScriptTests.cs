using System.Diagnostics;

namespace Xai.Sdk.IntegrationTests;

/// <summary>
/// prerequisites/install.sh, which ./build.sh and ./test.sh run first, on a stand-in machine: a copy
/// of the script in an empty folder and a PATH of recording stand-ins for id, dpkg-query, apt-get,
/// dotnet and the programs it looks for, so that what it would install (or tell the user to) is seen
/// without touching the real machine.
/// </summary>
public sealed class PrerequisitesScriptTests : IDisposable
{
    private static readonly string[] Programs = ["g++", "cmake", "tclsh"];

    private readonly string _root = Path.Combine(Path.GetTempPath(), "xai-prereq-" + Guid.NewGuid().ToString("N")[..12]);

    public PrerequisitesScriptTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "prerequisites"));
        Directory.CreateDirectory(Bin);
        File.Copy(Path.Combine(RepositoryLayout.Root, "prerequisites", "install.sh"), Path.Combine(_root, "prerequisites", "install.sh"));
        foreach (var tool in new[] { "bash", "dirname" })
        {
            File.CreateSymbolicLink(Path.Combine(Bin, tool), Which(tool));
        }

        // Every stand-in appends what it was asked to the log, with the apt front end it saw.
        Shim("id", """echo "${FAKE_UID}" """);
        Shim("dpkg-query", """for p in $FAKE_MISSING; do [ "$p" = "${@: -1}" ] && exit 1; done; printf 'install ok installed'""");
        Shim("apt-get", """echo "apt-get $* DEBIAN_FRONTEND=${DEBIAN_FRONTEND:-}" >> "$FAKE_LOG" """);
        Shim("dotnet", """echo "dotnet $*" >> "$FAKE_LOG" """);
        foreach (var program in Programs)
        {
            Shim(program, "exit 0");
        }
    }

    private string Bin => Path.Combine(_root, "fakebin");

    private string Log => Path.Combine(_root, "calls.log");

    [Fact]
    public void Without_root_it_stops_at_once_printing_the_one_command_that_installs_what_is_missing()
    {
        var run = Run("test", uid: 1000, missing: ["chromium", "python3-numpy"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("sudo apt-get update && sudo apt-get install -y chromium python3-numpy", run.Output);
        Assert.Equal("", Calls()); // neither apt-get nor a set-up step ran
    }

    [Fact]
    public void As_root_it_updates_then_installs_what_is_missing_non_interactively_then_runs_the_steps()
    {
        var run = Run("test", uid: 0, missing: ["chromium", "python3-numpy"]);

        Assert.True(run.ExitCode == 0, run.Output);
        var calls = Calls().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, calls.Length);
        Assert.Equal("apt-get update -qq DEBIAN_FRONTEND=noninteractive", calls[0]);
        Assert.Equal("apt-get install -y -qq chromium python3-numpy DEBIAN_FRONTEND=noninteractive", calls[1]);
        Assert.Equal("dotnet tool restore", calls[2]);
    }

    [Fact]
    public void A_program_missing_from_PATH_asks_for_its_Debian_package()
    {
        File.Delete(Path.Combine(Bin, "cmake"));

        var run = Run("test", uid: 1000, missing: []);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("sudo apt-get install -y cmake", run.Output);
    }

    [Fact]
    public void The_build_asks_only_for_what_the_build_needs()
    {
        var run = Run("build", uid: 1000, missing: ["chromium", "python3-numpy", "libgtest-dev"]);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal("dotnet tool restore", Calls()); // no package asked for, only the pinned pwsh
    }

    [Fact]
    public void A_machine_that_has_everything_installs_nothing()
    {
        var run = Run("test", uid: 0, missing: []);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.DoesNotContain("apt-get", Calls());
    }

    [Fact]
    public void Without_dotnet_it_stops_naming_the_NET_SDK()
    {
        File.Delete(Path.Combine(Bin, "dotnet"));

        var run = Run("build", uid: 0, missing: []);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("the .NET SDK", run.Output);
        Assert.Equal("", Calls());
    }

    private string Calls() => File.Exists(Log) ? File.ReadAllText(Log).Trim() : "";

    private (int ExitCode, string Output) Run(string purpose, int uid, string[] missing)
    {
        var start = new ProcessStartInfo(Which("bash"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _root,
        };
        start.ArgumentList.Add(Path.Combine(_root, "prerequisites", "install.sh"));
        start.ArgumentList.Add(purpose);
        start.Environment["PATH"] = Bin;
        start.Environment["FAKE_UID"] = uid.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["FAKE_MISSING"] = string.Join(' ', missing);
        start.Environment["FAKE_LOG"] = Log;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), "prerequisites/install.sh did not finish in 60 s");
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    private void Shim(string name, string body)
    {
        var path = Path.Combine(Bin, name);
        File.WriteAllText(path, "#!" + Which("bash") + "\n" + body.Trim() + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static string Which(string program) =>
        new[] { "/usr/bin", "/bin" }.Select(d => Path.Combine(d, program)).FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException($"{program} not found in /usr/bin or /bin");

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
