namespace Xai.PowerShell;

/// <summary>
/// Error ids of the cmdlets themselves (XAI7000–XAI7099 and XAI7500–XAI7599). Errors from the core keep
/// the core's code as their id (XAI5xxx reports, XAI6xxx boards, XAI7100–XAI7499 board access).
/// The README's diagnostics table lists them; the offline Pester suite triggers each one.
/// </summary>
public static class CmdletErrorIds
{
    /// <summary>A board name that is not in the catalog.</summary>
    public const string UnknownBoard = "XAI7001";

    /// <summary>A -Path that does not exist.</summary>
    public const string PathNotFound = "XAI7002";

    /// <summary>A path that is neither a .xaiproj, its folder, nor a build output folder with report.json.</summary>
    public const string NotABuild = "XAI7003";

    /// <summary>A report.json that is not JSON or not schema xai-report/1.</summary>
    public const string BadBuildReport = "XAI7004";

    /// <summary>A build with no vendor reports (the Synthesize stage has not run).</summary>
    public const string NoVendorReports = "XAI7005";

    /// <summary>A project folder with several built configurations and none named.</summary>
    public const string AmbiguousBuild = "XAI7006";

    /// <summary>A session that was already disconnected.</summary>
    public const string SessionClosed = "XAI7007";

    /// <summary>An -Image file that does not exist.</summary>
    public const string ImageNotFound = "XAI7008";

    /// <summary>The user stopped the command (Ctrl-C).</summary>
    public const string Stopped = "XAI7501";

    /// <summary>An exception the core did not turn into a coded error: a bug, reported with its type.</summary>
    public const string Unexpected = "XAI7599";
}
