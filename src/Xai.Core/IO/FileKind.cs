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
