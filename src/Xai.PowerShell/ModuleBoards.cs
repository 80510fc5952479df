using Xai.Boards;
using Xai.Diagnostics;

namespace Xai.PowerShell;

/// <summary>The board catalog the cmdlets use, read once per session from <see cref="ModuleLayout.BoardsDirectory"/>.</summary>
internal static class ModuleBoards
{
    private static readonly Lazy<BoardCatalog> Loaded = new(() => BoardCatalog.Load(ModuleLayout.BoardsDirectory));

    public static BoardCatalog Catalog => Loaded.Value;

    /// <summary>The named board, or an <see cref="XaiCmdletException"/> XAI7001 that lists the valid names.</summary>
    public static Board Get(string name) =>
        Catalog.TryGet(name, out var board)
            ? board
            : throw new XaiCmdletException(DiagnosticCatalog.CmdletUnknownBoard,
                $"Unknown board '{name}'; allowed: {string.Join(", ", Catalog.Ids)} (boards/*.json in {ModuleLayout.BoardsDirectory}).",
                System.Management.Automation.ErrorCategory.ObjectNotFound, name);
}
