using System.Diagnostics;
using Xai.Imaging;

namespace Xai.Sdk.IntegrationTests;

/// <summary>
/// Renders a local page with headless Chromium and returns the screenshot as pixels, so a test can
/// check what a person would see. Each run gets a fresh profile and no network features.
/// </summary>
internal static class HeadlessChromium
{
    public const string Program = "/usr/bin/chromium";

    /// <param name="fragment">An address within the page (<c>#compare-img0</c>), or empty.</param>
    public static RasterImage Screenshot(string htmlFile, int width, int height, string fragment = "")
    {
        if (!File.Exists(Program))
        {
            Assert.Fail($"{Program} is missing; the report rendering test needs it: ./test.sh installs it (prerequisites/install.sh)");
        }

        var work = Path.Combine(Path.GetTempPath(), "xai-chromium-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(work);
        try
        {
            var screenshot = Path.Combine(work, "screenshot.png");
            var start = new ProcessStartInfo(Program)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var a in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Path.Combine(work, "profile"),
                $"--window-size={width},{height}",
                "--screenshot=" + screenshot,
                new Uri(Path.GetFullPath(htmlFile)).AbsoluteUri + fragment,
            })
            {
                start.ArgumentList.Add(a);
            }

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"chromium did not finish rendering {htmlFile} within 90 s.");
            }

            Assert.True(File.Exists(screenshot), $"chromium wrote no screenshot (exit {process.ExitCode}):\n{stdout.Result}\n{stderr.Result}");
            return PngReader.Read(screenshot);
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
                // Chromium helpers may still hold the profile for a moment; the temp folder is cleaned by the OS.
            }
        }
    }
}
