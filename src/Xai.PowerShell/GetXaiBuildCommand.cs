using System.Management.Automation;

namespace Xai.PowerShell;

/// <summary>Get-XaiBuild: a build's report.json as an object, with the paths of the files a board needs.</summary>
[Cmdlet(VerbsCommon.Get, "XaiBuild")]
[OutputType(typeof(XaiBuild))]
public sealed class GetXaiBuildCommand : XaiCmdlet
{
    /// <summary>A .xaiproj, its folder, or a build output folder holding report.json.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName", "ProjectFile")]
    public string[] Path { get; set; } = [];

    /// <summary>The configuration (bin/&lt;Configuration&gt;) when a project is built in several.</summary>
    [Parameter]
    public string? Configuration { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var path in Path)
        {
            try
            {
                foreach (var resolved in ResolvePaths(path))
                {
                    WriteObject(XaiBuild.Read(BuildLocation.Resolve(resolved, Configuration)));
                }
            }
            catch (Exception e) when (IsReportable(e))
            {
                WriteXaiError(e, path);
            }
        }
    }
}
