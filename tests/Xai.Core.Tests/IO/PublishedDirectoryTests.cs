using Xai.IO;

namespace Xai.Core.Tests.IO;

public sealed class PublishedDirectoryTests : IDisposable
{
    private static readonly string[] Entries = ["report.json", "maps"];

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "xai-pub-" + Guid.NewGuid().ToString("N")[..8]);

    private string Output => Path.Combine(_dir, "out");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Results(string tag)
    {
        var source = Path.Combine(_dir, "src-" + tag);
        Directory.CreateDirectory(Path.Combine(source, "maps", "sub"));
        File.WriteAllText(Path.Combine(source, "report.json"), tag);
        File.WriteAllText(Path.Combine(source, "maps", "sub", "m.txt"), "map " + tag);
        return source;
    }

    [Fact]
    public void Each_publish_replaces_the_whole_visible_set_and_keeps_only_the_current_version()
    {
        var target = new PublishedDirectory(Output, Entries);
        Assert.Empty(target.Publish(Results("one"), CancellationToken.None));
        Assert.Equal("one", File.ReadAllText(Path.Combine(Output, "report.json")));

        target.Publish(Results("two"), CancellationToken.None);

        Assert.Equal("two", File.ReadAllText(Path.Combine(Output, "report.json")));
        Assert.Equal("map two", File.ReadAllText(Path.Combine(Output, "maps", "sub", "m.txt")));
        Assert.Equal(".xai/current/maps", new DirectoryInfo(Path.Combine(Output, "maps")).LinkTarget);
        var store = Directory.GetFileSystemEntries(target.Store).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(new[] { "current", target.CurrentVersion }.Order(), store);
    }

    [Fact]
    public void An_entry_the_build_did_not_produce_has_no_link_and_a_vanished_one_loses_its_link()
    {
        var target = new PublishedDirectory(Output, Entries);
        var source = Results("one");
        target.Publish(source, CancellationToken.None);
        Directory.Delete(Path.Combine(source, "maps"), recursive: true);

        target.Publish(source, CancellationToken.None);

        Assert.Null(new FileInfo(Path.Combine(Output, "maps")).LinkTarget);
        Assert.Equal(["report.json"], Directory.GetFileSystemEntries(Output).Select(Path.GetFileName).Where(n => n != PublishedDirectory.StoreName));
    }

    [Fact]
    public void Publishes_in_quick_succession_each_get_their_own_version()
    {
        // Several in one millisecond used to share a version name and fail the rename onto the shown one.
        var target = new PublishedDirectory(Output, Entries);
        var source = Results("one");
        var versions = new HashSet<string>();
        for (var i = 0; i < 50; i++)
        {
            File.WriteAllText(Path.Combine(source, "report.json"), "n" + i);
            target.Publish(source, CancellationToken.None);
            Assert.True(versions.Add(target.CurrentVersion!));
            Assert.Equal("n" + i, File.ReadAllText(Path.Combine(Output, "report.json")));
        }
    }

    [Fact]
    public void Remove_takes_away_the_store_and_its_links_and_nothing_else()
    {
        var target = new PublishedDirectory(Output, Entries);
        target.Publish(Results("one"), CancellationToken.None);
        File.WriteAllText(Path.Combine(Output, "notes.txt"), "mine");
        // A user's own report.json where the link was: not the SDK's, so it stays.
        File.Delete(Path.Combine(Output, "report.json"));
        File.WriteAllText(Path.Combine(Output, "report.json"), "mine too");

        target.Remove();

        Assert.False(Directory.Exists(target.Store));
        Assert.False(Path.Exists(Path.Combine(Output, "maps")));
        Assert.Null(new FileInfo(Path.Combine(Output, "maps")).LinkTarget);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(Output, "notes.txt")));
        Assert.Equal("mine too", File.ReadAllText(Path.Combine(Output, "report.json")));
        target.Remove();
    }

    [Fact]
    public void Leftovers_of_a_killed_publish_are_removed_by_the_next_and_were_never_visible()
    {
        var target = new PublishedDirectory(Output, Entries);
        target.Publish(Results("one"), CancellationToken.None);
        var shown = target.CurrentVersion;
        // What a publish killed half-way leaves: a staging copy, a new link never renamed, a version never switched to.
        Directory.CreateDirectory(Path.Combine(target.Store, "20990101T000000000-1.staging", "maps"));
        File.CreateSymbolicLink(Path.Combine(target.Store, "current.20990101T000000000-1.staging"), "20990101T000000000-1");
        Directory.CreateDirectory(Path.Combine(target.Store, "20990101T000000000-2"));
        Assert.Equal("one", File.ReadAllText(Path.Combine(Output, "report.json")));
        Assert.Equal(shown, target.CurrentVersion);

        target.Publish(Results("two"), CancellationToken.None);

        Assert.Equal(2, Directory.GetFileSystemEntries(target.Store).Length);
        Assert.Equal("two", File.ReadAllText(Path.Combine(Output, "report.json")));
    }

    [Fact]
    public void A_cancelled_publish_changes_nothing_visible()
    {
        var target = new PublishedDirectory(Output, Entries);
        target.Publish(Results("one"), CancellationToken.None);

        Assert.Throws<OperationCanceledException>(() => target.Publish(Results("two"), new CancellationToken(canceled: true)));

        Assert.Equal("one", File.ReadAllText(Path.Combine(Output, "report.json")));
        Assert.Equal("map one", File.ReadAllText(Path.Combine(Output, "maps", "sub", "m.txt")));
    }

    [Fact]
    public void Entries_it_did_not_write_are_moved_aside_not_deleted()
    {
        Directory.CreateDirectory(Path.Combine(Output, "maps"));
        File.WriteAllText(Path.Combine(Output, "maps", "mine.txt"), "mine");
        File.CreateSymbolicLink(Path.Combine(Output, "report.json"), "/somewhere/else");

        var displaced = new PublishedDirectory(Output, Entries).Publish(Results("one"), CancellationToken.None);

        Assert.Equal(2, displaced.Count);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(displaced.Single(d => d.Entry.EndsWith("maps", StringComparison.Ordinal)).MovedTo, "mine.txt")));
        Assert.Equal("/somewhere/else", new FileInfo(displaced.Single(d => d.Entry.EndsWith("report.json", StringComparison.Ordinal)).MovedTo).LinkTarget);
        Assert.Equal("one", File.ReadAllText(Path.Combine(Output, "report.json")));
    }
}
