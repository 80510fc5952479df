using System.Management.Automation;
using Xai.Deployment;

namespace Xai.PowerShell;

/// <summary>
/// Connect-XaiBoard: an SSH session to a board, checked to be the board named (host key against a
/// known-hosts file, never accept-any; CPU architecture; device-tree model). A board object from
/// Get-XaiBoard binds to -Board by its Id.
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "XaiBoard", SupportsShouldProcess = true)]
[OutputType(typeof(BoardSession))]
public sealed class ConnectXaiBoardCommand : XaiCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Host", "ComputerName")]
    public string HostName { get; set; } = "";

    /// <summary>The board this host is expected to be (boards/*.json id).</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [Alias("Id", "BoardId")]
    [ArgumentCompleter(typeof(BoardNameCompleter))]
    public string Board { get; set; } = "";

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, 65535)]
    public int Port { get; set; } = 22;

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("User")]
    public string UserName { get; set; } = "xilinx";

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? KeyFile { get; set; }

    /// <summary>OpenSSH known-hosts file; ~/.ssh/known_hosts by default.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? KnownHostsFile { get; set; }

    /// <summary>SHA256:… fingerprint (ssh-keygen -lf) that a host not yet in the known-hosts file must present; it is then added there.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("HostKeyFingerprint")]
    public string? TrustHostKey { get; set; }

    [Parameter]
    [ValidateRange(1, 600)]
    public int ConnectTimeoutSeconds { get; set; } = 10;

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public BoardTransport Transport { get; set; } = BoardTransport.Ssh;

    protected override void ProcessRecord()
    {
        var endpoint = new BoardEndpoint(
            HostName, Port, UserName,
            KeyFile is null ? null : GetUnresolvedProviderPathFromPSPath(KeyFile),
            KnownHostsFile is null ? null : GetUnresolvedProviderPathFromPSPath(KnownHostsFile),
            TrustHostKey, TimeSpan.FromSeconds(ConnectTimeoutSeconds), Transport);
        try
        {
            var board = ModuleBoards.Get(Board);
            var action = TrustHostKey is null ? $"Connect as {board.Id}" : $"Connect as {board.Id}, trusting host key {TrustHostKey} (added to {endpoint.EffectiveKnownHostsFile})";
            if (!ShouldProcess(endpoint.ToString(), action))
            {
                return;
            }

            WriteObject(PipelineThreadWork.Run(this, $"Connect-XaiBoard {endpoint}", _ => BoardSession.Connect(endpoint, board, Cancellation)));
        }
        catch (Exception e) when (IsReportable(e))
        {
            WriteXaiError(e, endpoint.ToString());
        }
    }
}
