namespace Xai.IO;

/// <summary>
/// Writes files so that readers never see a half-written one and a failed or cancelled build
/// leaves the previous good file in place: write a temporary sibling, then rename over.
/// </summary>
public static class AtomicFile
{
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        var copy = bytes.ToArray();
        Replace(path, stream => stream.Write(copy));
    }

    /// <summary>Copies <paramref name="source"/> over <paramref name="destination"/> the same way (also across file systems).</summary>
    public static void Copy(string source, string destination) => Replace(destination, stream =>
    {
        using var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read);
        input.CopyTo(stream);
    });

    /// <summary>Writes a temporary sibling of <paramref name="path"/> with <paramref name="write"/>, flushed to disk, then renames it over.</summary>
    private static void Replace(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = $"{full}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    public static void WriteAllText(string path, string text) =>
        WriteAllBytes(path, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text));

    /// <summary>
    /// Writes only when the content differs, keeping the old timestamp otherwise: stamp files
    /// written this way make MSBuild's Inputs/Outputs checks see property changes and nothing else.
    /// </summary>
    /// <returns>True when the file was written.</returns>
    public static bool WriteAllTextIfChanged(string path, string text)
    {
        if (File.Exists(path) && File.ReadAllText(path) == text)
        {
            return false;
        }

        WriteAllText(path, text);
        return true;
    }
}
