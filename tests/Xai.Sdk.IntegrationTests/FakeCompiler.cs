namespace Xai.Sdk.IntegrationTests;

/// <summary>Executable shell scripts standing in for g++ (XaiCxx), to provoke compiler and simulation failures.</summary>
internal static class FakeCompiler
{
    /// <returns>The script's full path.</returns>
    public static string Write(XaiProject project, string name, string body)
    {
        var path = project.PathOf(Path.Combine("toolchain", name));
        project.WriteFile(Path.Combine("toolchain", name), System.Text.Encoding.UTF8.GetBytes("#!/bin/sh\n" + body.ReplaceLineEndings("\n") + "\n"));
        // Shell scripts: these tests run where the SDK's C simulation runs, on Linux.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
        }

        return path;
    }

    /// <summary>
    /// A "compiler" that succeeds and writes, as the program it was asked for (after -o), a script
    /// that prints <paramref name="stderr"/> and exits with <paramref name="exitCode"/>.
    /// </summary>
    public static string ProducingFailingProgram(XaiProject project, string stderr, int exitCode) =>
        Write(project, "cxx-making-failing-program", $$"""
            out=""
            while [ $# -gt 0 ]; do
              if [ "$1" = "-o" ]; then out="$2"; fi
              shift
            done
            printf '#!/bin/sh\necho "{{stderr}}" >&2\nexit {{exitCode}}\n' > "$out"
            chmod +x "$out"
            """);
}
