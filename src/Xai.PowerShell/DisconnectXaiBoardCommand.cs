using System.Management.Automation;
using Xai.Deployment;

namespace Xai.PowerShell;

/// <summary>Disconnect-XaiBoard: closes sessions from Connect-XaiBoard.</summary>
[Cmdlet(VerbsCommunications.Disconnect, "XaiBoard", SupportsShouldProcess = true)]
[OutputType(typeof(void))]
public sealed class DisconnectXaiBoardCommand : XaiCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    public BoardSession[] Session { get; set; } = [];

    protected override void ProcessRecord()
    {
        foreach (var session in Session)
        {
            if (ShouldProcess(session.Endpoint.ToString(), "Disconnect"))
            {
                session.Dispose();
                ClosedSessions.Add(session);
            }
        }
    }
}
