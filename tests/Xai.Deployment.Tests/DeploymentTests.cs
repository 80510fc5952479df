using System.Diagnostics;
using Xai.CodeGeneration;
using Xai.Diagnostics;

namespace Xai.Deployment.Tests;

/// <summary>Install, benchmark and attribution end to end over real SSH against the stand-in, and the bad inputs of issue 9.</summary>
[Collection(BoardCollection.Name)]
public sealed class DeploymentTests(DeployableBuild build, BoardStandIn standIn) : IClassFixture<DeployableBuild>, IClassFixture<BoardStandIn>
{
    private string Overlays => Path.Combine(standIn.Root, "overlays");

    [Fact]
    public void InstallsBenchmarksAndExplainsOnTheStandIn()
    {
        using var session = standIn.Connect();
        var steps = new List<DeploymentProgress>();
        var installed = OverlayInstaller.Install(session, BuildArtifacts.Locate(build.Output), new SyncProgress(steps.Add), CancellationToken.None);
        Assert.Equal("operating", installed.FpgaManagerState);
        Assert.True(installed.IsStandIn);
        Assert.Equal("7z020clg400", installed.Part);
        Assert.Equal("odd.bin", File.ReadAllText(Path.Combine(standIn.Root, "sys/class/fpga_manager/fpga0/firmware")).Trim());
        Assert.Contains(steps, s => s.Status == "verify SHA-256 on the board");
        Assert.Equal(100, steps[^1].PercentComplete);
        Assert.Equal(Path.GetFileName(installed.RemoteDirectory), new DirectoryInfo(Path.Combine(Overlays, "current")).LinkTarget);

        var results = BoardRunner.Benchmark(session, new BenchmarkOptions(Iterations: 3, Warmup: 1), CancellationToken.None);
        var fpbp = Assert.Single(results);
        Assert.Equal("FP+BP", fpbp.Variant);
        Assert.Equal("csim", fpbp.Backend);
        Assert.True(fpbp.IsStandIn);
        Assert.True(fpbp.BitExactWithCSim);
        Assert.Null(fpbp.ClockMHz);
        Assert.Contains("not accelerator latency", fpbp.Note);
        Assert.True(fpbp.Total.MinMs > 0 && fpbp.Total.MinMs <= fpbp.Total.MedianMs && fpbp.Total.MedianMs <= fpbp.Total.P95Ms && fpbp.Total.P95Ms <= fpbp.Total.MaxMs);

        var images = Directory.GetFiles(build.Build.Directory, "img*.png").OrderBy(p => p, StringComparer.Ordinal).ToList();
        var local = Path.Combine(build.Build.Directory, "board-results");
        var explained = BoardRunner.Attribute(session, images, local, CancellationToken.None);
        Assert.Equal(images.Count, explained.Count);
        foreach (var r in explained)
        {
            Assert.Equal("csim", r.Backend);
            var stem = Path.GetFileNameWithoutExtension(r.Image);
            Assert.Equal(Path.Combine(local, "relevance", $"{stem}.{build.Method}.npy"), r.RelevanceFile);
            Assert.Equal(File.ReadAllBytes(Path.Combine(build.Build.Layout.RelevanceDirectory, $"{stem}.{build.Method}.npy")), File.ReadAllBytes(r.RelevanceFile));
            Assert.True(new FileInfo(r.HeatmapFile).Length > 0);
        }
    }

    [Fact]
    public void ABitstreamForAnotherPartIsRefusedBeforeAnythingIsCopied()
    {
        var copy = build.CopyOutput();
        DeployableBuild.WriteBitstream(copy, "7z010clg400", 0xAA);
        using var session = standIn.Connect();
        var before = Listing();
        var e = Assert.Throws<XaiException>(() => OverlayInstaller.Install(session, BuildArtifacts.Locate(copy), null, CancellationToken.None));
        Assert.Equal("XAI7206", e.Code);
        Assert.Contains("7z010clg400", e.Message);
        Assert.Contains("xc7z020clg400-1", e.Message);
        Assert.Equal(before, Listing());

        DeployableBuild.WriteBitstream(copy, "7z020clg400", 0xAA, hwhDevice: "7z010");
        Assert.Equal("XAI7207", Assert.Throws<XaiException>(() => OverlayInstaller.Install(session, BuildArtifacts.Locate(copy), null, CancellationToken.None)).Code);
        Assert.Equal(before, Listing());
    }

    [Fact]
    public void ABuildWithoutBitstreamOrHwhSaysWhatToRun()
    {
        var copy = build.CopyOutput();
        File.Delete(Path.Combine(copy, "odd.hwh"));
        using var session = standIn.Connect();
        var hwh = Assert.Throws<XaiException>(() => OverlayInstaller.Install(session, BuildArtifacts.Locate(copy), null, CancellationToken.None));
        Assert.Equal("XAI7202", hwh.Code);
        Assert.Contains("odd.hwh", hwh.Message);

        File.Delete(Path.Combine(copy, "odd.bit"));
        var artifacts = BuildArtifacts.Locate(copy);
        Assert.Null(artifacts.Bitstream);
        var bit = Assert.Throws<XaiException>(() => OverlayInstaller.Install(session, artifacts, null, CancellationToken.None));
        Assert.Equal("XAI7201", bit.Code);
        Assert.Contains("Bitstream stage", bit.Message);
    }

    [Fact]
    public void ARunnerThatFailsOrPrintsGarbageIsReportedWithItsCode()
    {
        using var session = standIn.Connect();
        OverlayInstaller.Install(session, BuildArtifacts.Locate(build.Output), null, CancellationToken.None);
        var runner = Path.Combine(Overlays, "current", BoardRunnerLayout.ScriptName);
        var original = File.ReadAllText(runner);
        try
        {
            File.WriteAllText(runner, "import sys\nsys.stderr.write('Traceback: MemoryError\\n')\nsys.exit(3)\n");
            var failed = Assert.Throws<XaiException>(() => BoardRunner.Benchmark(session, new BenchmarkOptions(1, 0), CancellationToken.None));
            Assert.Equal("XAI7400", failed.Code);
            Assert.Contains("MemoryError", failed.Message);

            File.WriteAllText(runner, "print('hello from a board')\n");
            var garbage = Assert.Throws<XaiException>(() => BoardRunner.Benchmark(session, new BenchmarkOptions(1, 0), CancellationToken.None));
            Assert.Equal("XAI7401", garbage.Code);
            Assert.Contains("hello from a board", garbage.Message);
        }
        finally
        {
            File.WriteAllText(runner, original);
        }
    }

    [Fact]
    public void AnInterruptedCopyLeavesThePreviousOverlayRunning()
    {
        using var session = standIn.Connect();
        var first = OverlayInstaller.Install(session, BuildArtifacts.Locate(build.Output), null, CancellationToken.None);
        var copy = build.CopyOutput();
        DeployableBuild.WriteBitstream(copy, "7z020clg400", 0x55);
        using var cancel = new CancellationTokenSource();
        var copies = 0;
        var progress = new SyncProgress(p =>
        {
            if (p.Status.StartsWith("copy ", StringComparison.Ordinal) && ++copies == 2)
            {
                cancel.Cancel();
            }
        });
        Assert.ThrowsAny<OperationCanceledException>(() => OverlayInstaller.Install(session, BuildArtifacts.Locate(copy), progress, cancel.Token));
        Assert.Equal(Path.GetFileName(first.RemoteDirectory), new DirectoryInfo(Path.Combine(Overlays, "current")).LinkTarget);
        Assert.Empty(Directory.GetDirectories(Overlays, ".staging-*"));
        Assert.True(Assert.Single(BoardRunner.Benchmark(session, new BenchmarkOptions(2, 0), CancellationToken.None)).BitExactWithCSim);
    }

    [Fact]
    public void CancellingABenchmarkStopsWithinASecondAndTheBoardStaysUsable()
    {
        using var session = standIn.Connect();
        OverlayInstaller.Install(session, BuildArtifacts.Locate(build.Output), null, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        Assert.Empty(Directory.GetFiles(Overlays, ".runner-*.pid"));
        var run = Task.Run(() => BoardRunner.Benchmark(session, new BenchmarkOptions(Iterations: 1_000_000, Warmup: 0), cancel.Token));
        var wait = Stopwatch.StartNew();
        string[] pidFiles;
        while ((pidFiles = Directory.GetFiles(Overlays, ".runner-*.pid")).Length == 0 && wait.Elapsed < TimeSpan.FromSeconds(20))
        {
            Thread.Sleep(50);
        }

        Thread.Sleep(1000);
        var pid = int.Parse(File.ReadAllText(Assert.Single(pidFiles)).Trim());
        Assert.True(Directory.Exists($"/proc/{pid}"), "the runner should be running before the cancel");
        var stopping = Stopwatch.StartNew();
        cancel.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => run.GetAwaiter().GetResult());
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(1), $"stopped after {stopping.Elapsed.TotalMilliseconds:0} ms");
        while (Directory.Exists($"/proc/{pid}") && stopping.Elapsed < TimeSpan.FromSeconds(3))
        {
            Thread.Sleep(20);
        }

        Assert.False(Directory.Exists($"/proc/{pid}") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z "), "the runner still runs on the board after the cancel");
        Assert.Empty(Directory.GetFiles(Overlays, ".runner-*.pid"));
        Assert.True(Assert.Single(BoardRunner.Benchmark(session, new BenchmarkOptions(2, 0), CancellationToken.None)).BitExactWithCSim);
    }

    private string[] Listing() => Directory.Exists(Overlays)
        ? Directory.EnumerateFileSystemEntries(Overlays, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray()
        : [];

    /// <summary>IProgress that reports on the caller's thread (Progress&lt;T&gt; posts to the thread pool).</summary>
    private sealed class SyncProgress(Action<DeploymentProgress> report) : IProgress<DeploymentProgress>
    {
        public void Report(DeploymentProgress value) => report(value);
    }
}
