namespace Xai.IO;

/// <summary>Reads a file that <see cref="FileStatus"/> said is regular, never more than a cap.</summary>
public static class RegularFile
{
    /// <summary>
    /// The whole file, or null when it holds more than <paramref name="maxBytes"/> (it may have grown
    /// since its size was checked): at most <paramref name="maxBytes"/> + 1 bytes are ever read.
    /// </summary>
    public static byte[]? ReadAtMost(string path, long maxBytes)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        while (true)
        {
            var n = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, maxBytes + 1 - buffer.Length));
            if (n == 0)
            {
                return buffer.ToArray();
            }

            buffer.Write(chunk, 0, n);
            if (buffer.Length > maxBytes)
            {
                return null;
            }
        }
    }
}
