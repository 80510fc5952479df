namespace Xai.IO;

/// <summary>What a path names, as the file system's type bits say (only <see cref="Regular"/> files are read as data).</summary>
public enum FileKind
{
    Missing,
    Regular,
    Directory,
    /// <summary>A named pipe: opening it for reading waits for a writer, forever if none comes.</summary>
    Fifo,
    /// <summary>e.g. <c>/dev/zero</c>: endless data of size 0.</summary>
    CharacterDevice,
    BlockDevice,
    Socket,
    Other,
}

/// <summary>Names of file kinds for messages.</summary>
public static class FileKinds
{
    public static string Describe(this FileKind kind) => kind switch
    {
        FileKind.Regular => "regular file",
        FileKind.Directory => "directory",
        FileKind.Fifo => "named pipe (FIFO)",
        FileKind.CharacterDevice => "character device",
        FileKind.BlockDevice => "block device",
        FileKind.Socket => "socket",
        FileKind.Missing => "missing file",
        _ => "special file",
    };
}
