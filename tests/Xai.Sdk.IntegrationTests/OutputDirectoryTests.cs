using System.Diagnostics;
using Newtonsoft.Json.Linq;

namespace Xai.Sdk.IntegrationTests;

/// <summary>
/// Where the results land (XaiOutputDir): another file system, a changed directory, folders of the
/// user's own in the way, a directory that cannot be written or is full, images of the same name.
/// </summary>
[Collection(PackedSdkCollection.Name)]
public sealed class OutputDirectoryTests(PackedSdk sdk)
{
    [Fact]
    public void An_output_directory_on_another_file_system_receives_the_results()
    {
        var output = Path.Combine("/dev/shm", "xai-out-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            using var project = OddNetworkProject.Create(sdk, images: 2, properties: $"<XaiOutputDir>{output}</XaiOutputDir>");
            Assert.NotEqual(Device(project.Directory), Device("/dev/shm"));

            var result = project.Build();

            Assert.True(result.Succeeded, result.ToString());
            VisibleResults.AssertTidy(output);
            Assert.True(File.Exists(Path.Combine(output, "relevance", "img1.GuidedBackprop.npy")));
            Assert.Contains("heatmaps/img0.Saliency.png", File.ReadAllText(Path.Combine(output, "report.html")));
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    [Fact]
    public void Changing_XaiOutputDir_on_a_built_project_publishes_there_without_rerunning_the_stages()
    {
        using var project = OddNetworkProject.Create(sdk, images: 1);
        Assert.True(project.Build().Succeeded);
        // Read before the move: IncrementalClean then removes from bin/Debug the files this build no
        // longer writes there (the top-level links), as it does for any output an MSBuild build stops writing.
        var published = VisibleResults.Read(project.PathOf("bin/Debug"));

        var moved = project.Build("-p:XaiOutputDir=elsewhere/");

        Assert.True(moved.Succeeded, moved.ToString());
        Assert.DoesNotContain("C simulation:", moved.Output);
        VisibleResults.AssertTidy(project.PathOf("elsewhere"));
        VisibleResults.AssertEqual(published, VisibleResults.Read(project.PathOf("elsewhere")), "new output directory");

        // Publishing is incremental too: the same directory again does nothing.
        var stamp = File.GetLastWriteTimeUtc(project.PathOf("elsewhere/.xai/current/published.stamp"));
        var again = project.Build("-p:XaiOutputDir=elsewhere/");
        Assert.True(again.Succeeded, again.ToString());
        Assert.DoesNotContain("Report:", again.Output);
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(project.PathOf("elsewhere/.xai/current/published.stamp")));
    }

    [Fact]
    public void Folders_and_files_of_the_users_in_the_output_directory_are_moved_aside_with_a_warning_never_deleted()
    {
        using var project = OddNetworkProject.Create(sdk, images: 1);
        project.WriteFile("bin/Debug/relevance/mine.npy", [1, 2, 3]);
        project.WriteFile("bin/Debug/heatmaps/notes.txt", "my notes"u8.ToArray());
        project.WriteFile("bin/Debug/report.html", "<p>my own report</p>"u8.ToArray());
        project.WriteFile("bin/Debug/keep.txt", "untouched"u8.ToArray());

        var result = project.Build();

        Assert.True(result.Succeeded, result.ToString());
        var displaced = result.Warnings.Where(w => w.Code == "XAI3403").ToList();
        Assert.Equal(3, displaced.Count);
        var aside = Directory.GetFileSystemEntries(project.PathOf("bin/Debug"), "*.displaced-*").Select(Path.GetFileName).Order().ToList();
        Assert.Equal(3, aside.Count);
        Assert.Equal([1, 2, 3], File.ReadAllBytes(Path.Combine(project.PathOf("bin/Debug"), aside.Single(a => a!.StartsWith("relevance", StringComparison.Ordinal))!, "mine.npy")));
        Assert.Equal("my notes", File.ReadAllText(Path.Combine(project.PathOf("bin/Debug"), aside.Single(a => a!.StartsWith("heatmaps", StringComparison.Ordinal))!, "notes.txt")));
        Assert.Equal("<p>my own report</p>", File.ReadAllText(Path.Combine(project.PathOf("bin/Debug"), aside.Single(a => a!.StartsWith("report.html", StringComparison.Ordinal))!)));
        Assert.Equal("untouched", File.ReadAllText(project.PathOf("bin/Debug/keep.txt")));
        VisibleResults.AssertTidy(project.PathOf("bin/Debug"));

        // Once the SDK's own links are in place, later builds displace nothing.
        project.WriteFile("images/img0.png", TestPng.Noise(seed: 77));
        var next = project.Build();
        Assert.True(next.Succeeded, next.ToString());
        Assert.DoesNotContain(next.Warnings, w => w.Code == "XAI3403");
    }

    [Fact]
    public void An_output_directory_that_is_a_file_is_one_coded_error()
    {
        using var project = OddNetworkProject.Create(sdk, images: 1, properties: "<XaiOutputDir>out/</XaiOutputDir>");
        project.WriteFile("out", "a file, not a folder"u8.ToArray());

        var result = project.Build();

        Assert.False(result.Succeeded);
        Assert.DoesNotContain("MSB4018", result.Output);
        var error = Assert.Single(result.Errors);
        Assert.Equal("XAI3401", error.Code);
        Assert.Contains("XaiOutputDir", error.Message);
        Assert.Equal("a file, not a folder", File.ReadAllText(project.PathOf("out")));
    }

    [Fact]
    public void A_full_output_directory_is_one_coded_error_and_keeps_the_previous_results()
    {
        RequireRoot("it mounts a small tmpfs; a full disk cannot be faked otherwise");

        using var project = OddNetworkProject.Create(sdk, images: 2, properties: "<XaiOutputDir>small/</XaiOutputDir>");
        var output = project.PathOf("small");
        Directory.CreateDirectory(output);
        Run("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", output);
        try
        {
            var first = project.Build();
            Assert.True(first.Succeeded, first.ToString());
            var visible = VisibleResults.Read(output);

            // Fill the disk, then change an image so that the build has new results to publish.
            Run("sh", "-c", $"dd if=/dev/zero of='{output}/filler' bs=4k 2>/dev/null; true");
            project.WriteFile("images/img0.png", TestPng.Noise(seed: 91));
            var full = project.Build();

            Assert.False(full.Succeeded);
            Assert.DoesNotContain("MSB4018", full.Output);
            var error = Assert.Single(full.Errors);
            Assert.Equal("XAI3402", error.Code);
            VisibleResults.AssertEqual(visible, VisibleResults.Read(output), "publishing to a full disk");

            File.Delete(Path.Combine(output, "filler"));
            var freed = project.Build();
            Assert.True(freed.Succeeded, freed.ToString());
            VisibleResults.AssertTidy(output);
            Assert.False(VisibleResults.Read(output)["relevance/img0.Saliency.npy"].AsSpan().SequenceEqual(visible["relevance/img0.Saliency.npy"]));
        }
        finally
        {
            Run("umount", output);
        }
    }

    [Fact]
    public void A_read_only_output_directory_is_one_coded_error_and_keeps_the_previous_results()
    {
        RequireRoot("it makes the output directory a read-only bind mount; root ignores file modes, so chmod cannot");

        using var project = OddNetworkProject.Create(sdk, images: 1, properties: "<XaiOutputDir>ro/</XaiOutputDir>");
        var output = project.PathOf("ro");
        var first = project.Build();
        Assert.True(first.Succeeded, first.ToString());
        var visible = VisibleResults.Read(output);

        Run("mount", "--bind", output, output);
        try
        {
            Run("mount", "-o", "remount,bind,ro", output);
            Assert.ThrowsAny<IOException>(() => File.WriteAllText(Path.Combine(output, "probe"), "even root cannot write here"));
            project.WriteFile("images/img0.png", TestPng.Noise(seed: 92));
            var readOnly = project.Build();

            Assert.False(readOnly.Succeeded);
            Assert.DoesNotContain("MSB4018", readOnly.Output);
            var error = Assert.Single(readOnly.Errors);
            Assert.Equal("XAI3401", error.Code);
            Assert.Contains("XaiOutputDir", error.Message);
            VisibleResults.AssertEqual(visible, VisibleResults.Read(output), "publishing to a read-only directory");
        }
        finally
        {
            Run("umount", output);
        }

        var writable = project.Build();
        Assert.True(writable.Succeeded, writable.ToString());
        VisibleResults.AssertTidy(output);
    }

    [Fact]
    public void Images_of_the_same_name_in_different_folders_get_their_own_maps()
    {
        using var project = OddNetworkProject.Create(sdk, images: 0, imageItems: "<XaiImage Include=\"images/**/*.png\" />");
        project.WriteFile("images/a/cat.png", TestPng.Noise(seed: 31));
        project.WriteFile("images/b/cat.png", TestPng.Noise(seed: 32));
        project.WriteFile("images/dog.png", TestPng.Noise(seed: 33));

        var result = project.Build();

        Assert.True(result.Succeeded, result.ToString());
        var report = JObject.Parse(File.ReadAllText(project.PathOf("bin/Debug/report.json")));
        Assert.Equal(["a/cat", "b/cat", "dog"], report["csim"]!["perImage"]!.Select(i => (string)i["stem"]!).Order());
        var a = File.ReadAllBytes(project.PathOf("bin/Debug/relevance/a/cat.Saliency.npy"));
        var b = File.ReadAllBytes(project.PathOf("bin/Debug/relevance/b/cat.Saliency.npy"));
        Assert.False(a.AsSpan().SequenceEqual(b), "two different images gave the same map: one overwrote the other");
        Assert.True(File.Exists(project.PathOf("bin/Debug/heatmaps/a/cat.input.png")));
        Assert.True(File.Exists(project.PathOf("bin/Debug/heatmaps/dog.Saliency.png")));
        Assert.Contains("heatmaps/b/cat.Saliency.png", File.ReadAllText(project.PathOf("bin/Debug/report.html")));
    }

    [Fact]
    public void The_same_image_listed_twice_is_a_coded_error()
    {
        using var project = OddNetworkProject.Create(sdk, images: 1, imageItems: "<XaiImage Include=\"images/img0.png\" /><XaiImage Include=\"images/../images/img0.png\" />");

        var result = project.Build();

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal("XAI3406", error.Code);
        Assert.Contains("img0.png", error.Message);
    }

    private static void RequireRoot(string why)
    {
        if (Environment.UserName != "root" && !string.Equals(Environment.GetEnvironmentVariable("USER"), "root", StringComparison.Ordinal))
        {
            Assert.Fail($"This test needs root: {why}.");
        }
    }

    private static string Device(string path) => Run("stat", "-c", "%d", path).Trim();

    private static string Run(string program, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', args)}: exit {process.ExitCode}: {output}");
        return output;
    }
}
