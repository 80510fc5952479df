using System.Runtime.InteropServices;

namespace Xai.Amd.Toolchain;

/// <summary>
/// What <see cref="ToolLocator"/> may look at: environment variables, whether a file is a runnable
/// executable, and the host's conventions. Tests substitute their own so that discovery is checked
/// against real directory trees without touching the machine's environment.
/// </summary>
/// <param name="GetVariable">Reads an environment variable; null or empty means unset.</param>
/// <param name="IsWindows">Windows installs ship <c>.bat</c> launchers and use <c>;</c> in PATH.</param>
public sealed record ToolSearchEnvironment(Func<string, string?> GetVariable, bool IsWindows)
{
    public static ToolSearchEnvironment Current { get; } =
        new(Environment.GetEnvironmentVariable, RuntimeInformation.IsOSPlatform(OSPlatform.Windows));

    public char PathListSeparator => IsWindows ? ';' : ':';

    /// <summary>Names the executable may have on disk, in the order they are tried.</summary>
    public IReadOnlyList<string> ExecutableFileNames(string name) =>
        IsWindows ? [name + ".bat", name + ".exe", name + ".cmd"] : [name];

    /// <summary>A regular file that this host could start (on Unix: with an execute bit).</summary>
    public bool IsExecutableFile(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        if (IsWindows || OperatingSystem.IsWindows())
        {
            return true;
        }

        var mode = File.GetUnixFileMode(path);
        return (mode & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
    }
}
