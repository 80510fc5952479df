using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Xai.PowerShell;

/// <summary>Tab completion of board names from the catalog (boards/*.json), so a new board file completes without a rebuild.</summary>
public sealed class BoardNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        IReadOnlyCollection<Xai.Boards.Board> boards;
        try
        {
            boards = ModuleBoards.Catalog.Boards;
        }
        catch (Xai.Diagnostics.XaiException)
        {
            // A broken catalog is reported when a cmdlet runs, not while the user types.
            yield break;
        }

        var prefix = wordToComplete.Trim('\'', '"');
        foreach (var board in boards.OrderBy(b => b.Id, StringComparer.Ordinal))
        {
            if (board.Id.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                yield return new CompletionResult(board.Id, board.Id, CompletionResultType.ParameterValue, $"{board.DisplayName} ({board.Part})");
            }
        }
    }
}
