namespace Xai.Amd.Toolchain;

/// <summary>Diagnostic codes of tool discovery, flow choice and tool runs (range XAI5500-XAI5549, XAI5580-XAI5599).</summary>
public static class ToolDiagnosticCodes
{
    /// <summary>A tool property points at something that is not the tool.</summary>
    public const string BadToolProperty = "XAI5501";

    /// <summary>A tool was not found; the message says how to point the SDK at it.</summary>
    public const string ToolNotFound = "XAI5502";

    /// <summary>The HLS flow setting is not one of the allowed values.</summary>
    public const string BadFlowSetting = "XAI5503";

    /// <summary>The requested HLS flow is not available with the tools and release found.</summary>
    public const string FlowUnavailable = "XAI5504";

    /// <summary>A tool's version could not be determined; the flow was chosen from the tools present.</summary>
    public const string VersionUnknown = "XAI5505";

    /// <summary>A tool run exited with a non-zero code.</summary>
    public const string RunExitCode = "XAI5580";

    /// <summary>A tool run's log holds ERROR lines although the tool may have exited with 0.</summary>
    public const string RunLogErrors = "XAI5581";

    /// <summary>A tool run did not produce an output it must produce.</summary>
    public const string RunOutputMissing = "XAI5582";

    /// <summary>A tool run's log file is missing or unreadable.</summary>
    public const string RunLogMissing = "XAI5583";

    /// <summary>A vendor ERROR message found in a log.</summary>
    public const string VendorError = "XAI5590";

    /// <summary>A vendor CRITICAL WARNING found in a log.</summary>
    public const string VendorCriticalWarning = "XAI5591";

    /// <summary>A vendor WARNING found in a log.</summary>
    public const string VendorWarning = "XAI5592";
}
