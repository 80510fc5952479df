namespace Xai.Stages;

/// <summary>Diagnostic codes about the build's outputs, cancellation and concurrent builds (range XAI3400-XAI3499).</summary>
public static class OutputCodes
{
    /// <summary>The build was cancelled (Ctrl-C, an IDE's stop): one line, no stack trace.</summary>
    public const string Cancelled = "XAI3400";

    /// <summary>The output directory (XaiOutputDir) cannot be written: a file where a folder is expected, no permission, a read-only file system.</summary>
    public const string OutputNotWritable = "XAI3401";

    /// <summary>The disk holding the output directory is full.</summary>
    public const string OutputFull = "XAI3402";

    /// <summary>Warning: a file or folder the SDK did not write stood where a result goes; it was moved aside, not deleted.</summary>
    public const string EntryDisplaced = "XAI3403";

    /// <summary>A stage could not read or write a file of its own (under obj/): the I/O error, named.</summary>
    public const string StageIoFailed = "XAI3405";

    /// <summary>Two XaiImage items would write the same results (the same file twice, or names differing only in case).</summary>
    public const string DuplicateImage = ImageOutputNames.DuplicateImageCode;

    /// <summary>errno ENOSPC, which .NET reports as the IOException's HResult on Unix.</summary>
    public static bool IsDiskFull(Exception e) =>
        e.HResult == 28 || e.Message.Contains("No space left on device", StringComparison.OrdinalIgnoreCase) || e.HResult == unchecked((int)0x80070070);
}
