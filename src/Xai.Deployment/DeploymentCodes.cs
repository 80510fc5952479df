namespace Xai.Deployment;

/// <summary>
/// Stable diagnostic codes of board access (XAI7100–XAI7499). Hosts keep them as error ids
/// (PowerShell ErrorRecord ids); the README of this folder lists each with its meaning.
/// </summary>
public static class DeploymentCodes
{
    // 71xx: reaching the board and making sure it is the right one.
    public const string HostKeyUnknown = "XAI7100";
    public const string HostKeyMismatch = "XAI7101";
    public const string KeyRejected = "XAI7102";
    public const string Unreachable = "XAI7103";
    public const string KeyFileUnusable = "XAI7104";
    public const string ArchitectureMismatch = "XAI7105";
    public const string DeviceTreeMismatch = "XAI7106";
    public const string SshFailure = "XAI7107";
    public const string EndpointInvalid = "XAI7108";
    public const string BoardProbeFailed = "XAI7109";

    // 72xx: the build's artifacts.
    public const string BuildOutputMissing = "XAI7200";
    public const string BitstreamMissing = "XAI7201";
    public const string HwhMissing = "XAI7202";
    public const string RunnerMissing = "XAI7203";
    public const string BitstreamHeaderInvalid = "XAI7204";
    public const string HwhInvalid = "XAI7205";
    public const string PartMismatch = "XAI7206";
    public const string HwhPartMismatch = "XAI7207";

    // 73xx: installing an overlay.
    public const string CopyFailed = "XAI7300";
    public const string ChecksumMismatch = "XAI7301";
    public const string LoadFailed = "XAI7302";
    public const string NoOverlayInstalled = "XAI7303";
    public const string JtagUnavailable = "XAI7304";

    // 74xx: running the board-side runner.
    public const string RunnerFailed = "XAI7400";
    public const string RunnerOutputInvalid = "XAI7401";
    public const string BackendUnavailable = "XAI7402";
    public const string ImagesMissing = "XAI7403";
}
