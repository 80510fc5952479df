namespace Xai.Planning;

/// <summary>
/// The paper's Table IV (Table III network, 16-bit fixed point, 100 MHz): the three configurations
/// it measured, with their latencies and LUT/FF use. The latency model is judged against these
/// rows and the resource model's LUT/FF lines are fitted to them.
/// </summary>
public static class PaperTableIv
{
    /// <summary>One column of Table IV.</summary>
    /// <param name="Board">The SDK's board id.</param>
    public sealed record Row(string Board, int NOh, int NOw, int FcTile, double ClockMHz, double FpMs, double FpBpMs, int LutFpBp, int FfFpBp, int LutFp, int FfFp)
    {
        /// <summary>MACs of the two engines (Table IV's DSP count: 32, 48, 96).</summary>
        public int Macs => NOh * NOw + FcTile;
    }

    /// <summary>Pynq-Z2 4x4, Ultra96-V2 4x8, ZCU104 8x8; the FC tile is Table IV's DSPs minus N_oh x N_ow (16, 16, 32).</summary>
    public static IReadOnlyList<Row> Rows { get; } =
    [
        new("pynq-z2", 4, 4, 16, 100, 43.53, 66.75, 52_900, 26_700, 38_400, 18_600),
        new("ultra96-v2", 4, 8, 16, 100, 24.56, 39.96, 62_900, 25_600, 47_800, 19_200),
        new("zcu104", 8, 8, 32, 100, 15.32, 26.37, 85_700, 34_900, 68_100, 27_200),
    ];

    /// <summary>The row measured on <paramref name="board"/>, or null.</summary>
    public static Row? For(string board) => Rows.FirstOrDefault(r => r.Board == board);

    /// <summary>Issue 10's goal on a board: a third of the paper's FP+BP latency there.</summary>
    public static double GoalFpBpMs(string board) => For(board) is { } r ? r.FpBpMs / 3 : double.NaN;
}
