using System.Management.Automation;
using Xai.Boards;

namespace Xai.PowerShell;

/// <summary>Get-XaiBoard: the board catalog (boards/*.json) as objects.</summary>
[Cmdlet(VerbsCommon.Get, "XaiBoard")]
[OutputType(typeof(Board))]
public sealed class GetXaiBoardCommand : XaiCmdlet
{
    /// <summary>Board ids; wildcards allowed. All boards when omitted.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Id", "Board")]
    [ArgumentCompleter(typeof(BoardNameCompleter))]
    [SupportsWildcards]
    public string[]? Name { get; set; }

    protected override void ProcessRecord()
    {
        BoardCatalog catalog;
        try
        {
            catalog = ModuleBoards.Catalog;
        }
        catch (Exception e) when (IsReportable(e))
        {
            ThrowXaiError(e, ModuleLayout.BoardsDirectory);
            return;
        }

        var boards = catalog.Boards.OrderBy(b => b.Id, StringComparer.Ordinal).ToList();
        if (Name is null || Name.Length == 0)
        {
            WriteObject(boards, enumerateCollection: true);
            return;
        }

        foreach (var name in Name)
        {
            if (WildcardPattern.ContainsWildcardCharacters(name))
            {
                var pattern = new WildcardPattern(name, WildcardOptions.IgnoreCase);
                WriteObject(boards.Where(b => pattern.IsMatch(b.Id)), enumerateCollection: true);
                continue;
            }

            try
            {
                WriteObject(ModuleBoards.Get(name));
            }
            catch (XaiCmdletException e)
            {
                WriteXaiError(e, name);
            }
        }
    }
}
