using System.Diagnostics;

namespace Xai.Amd.Toolchain;

/// <summary>
/// Runs a tool with its version argument and returns what it printed, for
/// <see cref="ToolLocator"/>. A tool that cannot start, fails, or hangs past the timeout yields
/// null and the locator falls back to the install directory name.
/// </summary>
public static class ToolVersionProbe
{
    public static Func<string, string, string?> WithTimeout(TimeSpan timeout) =>
        (executable, argument) => Run(executable, argument, timeout);

    public static string? Run(string executable, string argument, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        start.ArgumentList.Add(argument);

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return null;
        }

        using (process)
        {
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // Already gone.
                }

                return null;
            }

            process.WaitForExit();
            return process.ExitCode == 0 ? stdout.Result + stderr.Result : null;
        }
    }
}
