using Xai.Boards;

namespace Xai.Deployment;

/// <summary>What a board's Linux must report to be the board the catalog names.</summary>
public static class BoardIdentity
{
    /// <summary><c>uname -m</c>: Cortex-A9 (Zynq-7000) runs armv7l, Cortex-A53 (Zynq UltraScale+) aarch64.</summary>
    public static string ArchitectureOf(Board board) => board.Family switch
    {
        "zynq" => "armv7l",
        "zynquplus" => "aarch64",
        _ => throw new ArgumentException($"Board '{board.Id}' has family '{board.Family}'; known: zynq, zynquplus.", nameof(board)),
    };

    /// <summary>
    /// Words one of which the device-tree model must contain (case-insensitive). Ultra96 and ZCU104
    /// from their upstream device trees ("Avnet Ultra96 Rev1", "ZynqMP ZCU104 RevC"); the Pynq-Z2
    /// image's model string was not checked here, so any "pynq" or "z2" is accepted for it.
    /// </summary>
    public static IReadOnlyList<string> ModelTokens(Board board) => board.Id switch
    {
        "pynq-z2" => ["pynq", "z2"],
        "ultra96-v2" => ["ultra96"],
        "zcu104" => ["zcu104"],
        _ => [board.Id, board.DisplayName],
    };

    public static bool ModelMatches(Board board, string model) =>
        ModelTokens(board).Any(t => model.Contains(t, StringComparison.OrdinalIgnoreCase));
}
