namespace Xai.Core.Tests.Amd.Toolchain;

/// <summary>Directory trees shaped like AMD installs, with executable stand-in files, for discovery tests.</summary>
internal sealed class FakeInstall : IDisposable
{
    public FakeInstall() => Root = Directory.CreateTempSubdirectory("xai-install-").FullName;

    public string Root { get; }

    /// <summary>Creates <c>Root/relative</c> as an executable file; its content is a shell script printing <paramref name="versionOutput"/>.</summary>
    public string Executable(string relative, string? versionOutput = null)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, versionOutput is null ? "#!/bin/sh\nexit 1\n" : $"#!/bin/sh\ncat <<'XAI_EOF'\n{versionOutput}\nXAI_EOF\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }

    public string Dir(string relative) => Path.Combine(Root, relative);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
