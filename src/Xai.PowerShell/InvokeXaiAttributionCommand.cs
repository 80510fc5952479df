using System.Management.Automation;
using Xai.Deployment;
using Xai.Diagnostics;

namespace Xai.PowerShell;

/// <summary>
/// Invoke-XaiAttribution: explains images on the board: class, logits, relevance .npy and heatmap
/// PNG per image, with the names and units of the build's C simulation, written below -OutputDirectory.
/// Images piped from Get-ChildItem bind by FullName; all of them go to the board in one run.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "XaiAttribution", SupportsShouldProcess = true)]
[OutputType(typeof(AttributionResult))]
public sealed class InvokeXaiAttributionCommand : XaiCmdlet
{
    private readonly List<string> _images = [];

    [Parameter(Mandatory = true, Position = 0)]
    public BoardSession Session { get; set; } = null!;

    /// <summary>8-bit PNG files of the network's input size.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName", "Path")]
    public string[] Image { get; set; } = [];

    /// <summary>Where relevance/ and heatmaps/ are written; the current folder by default.</summary>
    [Parameter]
    public string? OutputDirectory { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var image in Image)
        {
            var paths = WildcardPattern.ContainsWildcardCharacters(image) ? ResolveOrNone(image) : [GetUnresolvedProviderPathFromPSPath(image)];
            foreach (var full in paths.Where(File.Exists))
            {
                _images.Add(full);
            }

            foreach (var missing in paths.Where(p => !File.Exists(p)).DefaultIfEmpty(paths.Count == 0 ? image : null).OfType<string>())
            {
                WriteXaiError(new XaiCmdletException(DiagnosticCatalog.ImageNotFound, $"Image '{missing}' does not exist; it is left out.", ErrorCategory.ObjectNotFound, missing), missing);
            }
        }
    }

    private IReadOnlyList<string> ResolveOrNone(string pattern)
    {
        try
        {
            return ResolvePaths(pattern);
        }
        catch (XaiCmdletException)
        {
            return [];
        }
    }

    protected override void EndProcessing()
    {
        if (_images.Count == 0)
        {
            return;
        }

        var output = GetUnresolvedProviderPathFromPSPath(OutputDirectory ?? ".");
        try
        {
            ClosedSessions.RequireOpen(Session);
            if (!ShouldProcess($"{Session.Board.Id} at {Session.Endpoint}", $"Explain {_images.Count} image(s), results into {output}"))
            {
                return;
            }

            var results = PipelineThreadWork.Run(this, $"Invoke-XaiAttribution on {Session.Board.Id}", _ => BoardRunner.Attribute(Session, _images, output, Cancellation));
            WriteObject(results, enumerateCollection: true);
        }
        catch (Exception e) when (IsReportable(e))
        {
            WriteXaiError(e, Session?.Endpoint.ToString());
        }
    }
}
