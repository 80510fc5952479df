using System.Runtime.InteropServices;

namespace Xai.IO;

/// <summary>
/// The kind, size and identity of the file a path names, symbolic links followed. .NET tells a FIFO
/// or a device from a regular file on no platform (all are "Normal" files of length 0), so on Linux
/// this asks the kernel with <c>statx(2)</c>, whose buffer layout is the same on every architecture.
/// Elsewhere (Windows has no FIFOs or devices in its directory tree) it falls back to what .NET
/// reports, with the link-resolved full path as identity.
/// </summary>
/// <param name="Identity">Equal for two paths that name the same file or directory (device and
/// inode on Linux), so a walk can tell it has been somewhere before by another route.</param>
public readonly record struct FileStatus(FileKind Kind, long Size, string Identity)
{
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1, StatxMode = 0x2, StatxIno = 0x100, StatxSize = 0x200;
    private const int ModeOffset = 28, InodeOffset = 32, SizeOffset = 40, DeviceMajorOffset = 136, DeviceMinorOffset = 140;

    private static bool _statxMissing;

    public bool IsRegular => Kind == FileKind.Regular;

    public static FileStatus Of(string path)
    {
        if (OperatingSystem.IsLinux() && !_statxMissing)
        {
            try
            {
                return Statx(path);
            }
            catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
            {
                // A C library without statx (glibc before 2.28, some musl builds): fall back below.
                _statxMissing = true;
            }
        }

        return Managed(path);
    }

    private static FileStatus Statx(string path)
    {
        var buffer = new byte[256];
        if (statx(AtFdCwd, path, 0, StatxType | StatxMode | StatxIno | StatxSize, buffer) != 0)
        {
            return new FileStatus(FileKind.Missing, 0, "");
        }

        var mode = BitConverter.ToUInt16(buffer, ModeOffset);
        var kind = (mode & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0x1000 => FileKind.Fifo,
            0x2000 => FileKind.CharacterDevice,
            0x6000 => FileKind.BlockDevice,
            0xC000 => FileKind.Socket,
            _ => FileKind.Other,
        };
        var identity = $"{BitConverter.ToUInt32(buffer, DeviceMajorOffset)}:{BitConverter.ToUInt32(buffer, DeviceMinorOffset)}:{BitConverter.ToUInt64(buffer, InodeOffset)}";
        return new FileStatus(kind, (long)BitConverter.ToUInt64(buffer, SizeOffset), identity);
    }

    private static FileStatus Managed(string path)
    {
        FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
        if (!info.Exists)
        {
            return new FileStatus(FileKind.Missing, 0, "");
        }

        var target = info.LinkTarget is null ? info : info.ResolveLinkTarget(returnFinalTarget: true) ?? info;
        var full = Path.GetFullPath(target.FullName).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        return info is DirectoryInfo
            ? new FileStatus(FileKind.Directory, 0, full)
            : new FileStatus(FileKind.Regular, ((FileInfo)info).Length, full);
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string pathname, int flags, uint mask, byte[] statxbuf);
}
