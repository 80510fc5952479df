using System.Runtime.InteropServices;

namespace Xai.IO;

/// <summary>
/// A directory whose visible entries (files and folders with fixed names) all change at once.
/// Each publish copies a complete set into its own version folder under <c>.xai/</c>, then points
/// the one symbolic link <c>.xai/current</c> at it with rename(2), which replaces the link
/// atomically; the visible entries are fixed links through <c>.xai/current</c>
/// (<c>report.html → .xai/current/report.html</c>), so a reader sees the whole previous set or the
/// whole new one, never a mix, and a build killed at any point leaves one complete set visible.
/// Leftovers of a killed publish (a half-copied version, a superseded one) are removed by the next.
/// What the SDK owns is exactly <c>.xai/</c> and the entry links that point into it: anything else
/// found under an entry's name is moved aside, never deleted.
/// </summary>
public sealed class PublishedDirectory(string root, IReadOnlyList<string> entries)
{
    public const string StoreName = ".xai";

    private const string CurrentName = "current";

    private static long _sequence;
    private const string StagingSuffix = ".staging";

    /// <summary>A file in every version, written last: the publish step's up-to-date marker.</summary>
    public const string MarkerName = "published.stamp";

    public string Root { get; } = Path.GetFullPath(root);

    public string Store => Path.Combine(Root, StoreName);

    private string Current => Path.Combine(Store, CurrentName);

    /// <summary>An entry the SDK found in its way and moved: <paramref name="Entry"/> now lives at <paramref name="MovedTo"/>.</summary>
    public sealed record Displaced(string Entry, string MovedTo);

    /// <summary>The version folder the visible entries show now, or null before the first publish.</summary>
    public string? CurrentVersion
    {
        get
        {
            var target = new FileInfo(Current).LinkTarget;
            return target is null ? null : Path.GetFileName(target);
        }
    }

    /// <summary>Makes the contents of <paramref name="source"/> (one file or folder per entry) the visible set.</summary>
    /// <returns>Foreign files or folders that stood where an entry link goes, and where they were moved.</returns>
    public IReadOnlyList<Displaced> Publish(string source, CancellationToken cancel)
    {
        Directory.CreateDirectory(Store);
        RemoveLeftovers();
        // The sequence number keeps two publishes in one millisecond of one process apart: with the
        // same name the second would rename its staging copy onto the version it is replacing.
        var version = $"{DateTime.UtcNow:yyyyMMdd'T'HHmmssfff}-{Environment.ProcessId}-{Interlocked.Increment(ref _sequence)}";
        var staging = Path.Combine(Store, version + StagingSuffix);
        foreach (var entry in entries)
        {
            var from = Path.Combine(source, entry);
            if (Directory.Exists(from))
            {
                CopyDirectory(from, Path.Combine(staging, entry), cancel);
            }
            else if (File.Exists(from))
            {
                Directory.CreateDirectory(staging);
                File.Copy(from, Path.Combine(staging, entry));
            }
        }

        Directory.CreateDirectory(staging);
        File.WriteAllText(Path.Combine(staging, MarkerName), version + "\n");
        cancel.ThrowIfCancellationRequested();
        var published = Path.Combine(Store, version);
        Rename(staging, published);
        var present = entries.Where(e => Path.Exists(Path.Combine(published, e))).ToList();
        var displaced = LinkEntries(present);

        // The one atomic step: a new link beside the old, renamed over it.
        var link = Path.Combine(Store, $"{CurrentName}.{version}{StagingSuffix}");
        File.CreateSymbolicLink(link, version);
        Rename(link, Current);
        // An entry this build did not produce would show as a dangling link: take it away.
        RemoveLinks(entries.Except(present));
        RemoveLeftovers();
        return displaced;
    }

    /// <summary>Removes what a killed publish left in <c>.xai/</c>: staging copies and every version the current link does not show.</summary>
    public void RemoveLeftovers()
    {
        if (!Directory.Exists(Store))
        {
            return;
        }

        var current = CurrentVersion;
        foreach (var path in Directory.EnumerateFileSystemEntries(Store))
        {
            var name = Path.GetFileName(path);
            if (name == CurrentName || name == current)
            {
                continue;
            }

            if (new FileInfo(path).LinkTarget is not null || File.Exists(path))
            {
                File.Delete(path);
            }
            else
            {
                Directory.Delete(path, recursive: true);
            }
        }
    }

    /// <summary>
    /// Takes the published set away (what `dotnet clean` asks for): the entry links that point into
    /// <c>.xai/current</c> and the <c>.xai/</c> store. Anything else of the same name, and every other
    /// file in the directory, is left.
    /// </summary>
    public void Remove()
    {
        RemoveLinks(entries);

        if (new DirectoryInfo(Store) is { Exists: true } store)
        {
            // A link named .xai is removed as a link; a recursive delete never follows the links inside.
            if (store.LinkTarget is not null)
            {
                File.Delete(Store);
            }
            else
            {
                store.Delete(recursive: true);
            }
        }
    }

    /// <summary>Deletes the entry links of <paramref name="names"/> that point into the store (only the SDK's own).</summary>
    private void RemoveLinks(IEnumerable<string> names)
    {
        foreach (var entry in names)
        {
            var path = Path.Combine(Root, entry);
            if (new FileInfo(path).LinkTarget == $"{StoreName}/{CurrentName}/{entry}")
            {
                File.Delete(path);
            }
        }
    }

    private List<Displaced> LinkEntries(IEnumerable<string> present)
    {
        var displaced = new List<Displaced>();
        foreach (var entry in present)
        {
            var path = Path.Combine(Root, entry);
            var target = $"{StoreName}/{CurrentName}/{entry}";
            var info = new FileInfo(path);
            if (info.LinkTarget == target)
            {
                continue;
            }

            if (info.LinkTarget is not null || File.Exists(path) || Directory.Exists(path))
            {
                var aside = $"{path}.displaced-{DateTime.UtcNow:yyyyMMdd'T'HHmmss}";
                Rename(path, aside);
                displaced.Add(new Displaced(path, aside));
            }

            File.CreateSymbolicLink(path, target);
        }

        return displaced;
    }

    private static void CopyDirectory(string from, string to, CancellationToken cancel)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            cancel.ThrowIfCancellationRequested();
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var directory in Directory.EnumerateDirectories(from))
        {
            CopyDirectory(directory, Path.Combine(to, Path.GetFileName(directory)), cancel);
        }
    }

    /// <summary>rename(2): atomic, replaces a file or link at <paramref name="to"/>; both in one file system.</summary>
    private static void Rename(string from, string to)
    {
        if (rename(from, to) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new IOException($"Cannot rename '{from}' to '{to}': {Marshal.GetPInvokeErrorMessage(errno)}", errno);
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int rename([MarshalAs(UnmanagedType.LPUTF8Str)] string oldpath, [MarshalAs(UnmanagedType.LPUTF8Str)] string newpath);
}
