namespace Xai.IO;

/// <summary>
/// One build of a project at a time: an exclusive lock on a file under obj/ (flock, which .NET
/// takes for <see cref="FileShare.None"/> on Unix), held until disposed. The kernel drops it when
/// the holder dies, even by SIGKILL, so a killed build never leaves a stale lock behind.
/// A second build waits, says once that it is waiting, and stays cancellable.
/// </summary>
public sealed class BuildLock : IDisposable
{
    private readonly FileStream _file;

    private BuildLock(FileStream file) => _file = file;

    /// <param name="onWait">Called once, when the lock is held by another build and this one starts waiting.</param>
    public static BuildLock Acquire(string path, Action onWait, CancellationToken cancel)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var waiting = false;
        while (true)
        {
            cancel.ThrowIfCancellationRequested();
            try
            {
                return new BuildLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (File.Exists(path))
            {
                if (!waiting)
                {
                    waiting = true;
                    onWait();
                }

                cancel.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(200));
            }
        }
    }

    public void Dispose() => _file.Dispose();
}
