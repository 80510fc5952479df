using System.Management.Automation;
using Xai.Deployment;

namespace Xai.PowerShell;

/// <summary>
/// Install-XaiBitstream: flashes a build onto the session's board. The core refuses a bitstream for
/// another part before copying anything, stages the files, checks SHA-256 on the board, switches
/// atomically and loads the overlay. A build from Get-XaiBuild binds to -Build by its Path.
/// </summary>
[Cmdlet(VerbsLifecycle.Install, "XaiBitstream", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(InstalledOverlay))]
public sealed class InstallXaiBitstreamCommand : XaiCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    public BoardSession Session { get; set; } = null!;

    /// <summary>The build: a .xaiproj, its folder, or its output folder.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Path")]
    public string Build { get; set; } = "";

    protected override void ProcessRecord()
    {
        try
        {
            ClosedSessions.RequireOpen(Session);
            var artifacts = BuildArtifacts.Locate(GetUnresolvedProviderPathFromPSPath(Build));
            // Bad input is reported before asking: -WhatIf shows only an install that could happen.
            var (bit, _) = artifacts.RequireBitstream();
            if (!ShouldProcess($"{Session.Board.Id} at {Session.Endpoint}", $"Install overlay {System.IO.Path.GetFileName(bit)} ({artifacts.BoardFiles.Count + 2} files)"))
            {
                return;
            }

            WriteObject(PipelineThreadWork.Run(this, "Install-XaiBitstream", progress => OverlayInstaller.Install(Session, artifacts, progress, Cancellation)));
        }
        catch (Exception e) when (IsReportable(e))
        {
            WriteXaiError(e, Build);
        }
    }
}
