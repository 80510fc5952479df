using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Xai.Diagnostics;

namespace Xai.Boards;

/// <summary>The boards the SDK knows, read from the <c>*.json</c> files of a boards directory.</summary>
public sealed class BoardCatalog
{
    private readonly Dictionary<string, Board> _boards;

    private BoardCatalog(Dictionary<string, Board> boards) => _boards = boards;

    /// <summary>Board ids in a stable order, for messages that list the valid choices.</summary>
    public IReadOnlyList<string> Ids => _boards.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList();

    public IReadOnlyCollection<Board> Boards => _boards.Values;

    /// <summary>Finds a board by id, ignoring case (users type <c>ZCU104</c> as often as <c>zcu104</c>).</summary>
    public bool TryGet(string id, out Board board) => _boards.TryGetValue(id, out board!);

    public static BoardCatalog Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new XaiException(DiagnosticCatalog.BoardsDirectoryUnusable, $"The boards directory '{directory}' does not exist; the Xai.Sdk package is incomplete.", directory);
        }

        var boards = new Dictionary<string, Board>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in Directory.GetFiles(directory, "*.json").OrderBy(f => f, StringComparer.Ordinal))
        {
            var board = ReadBoard(file);
            if (!boards.TryAdd(board.Id, board))
            {
                throw new XaiException(DiagnosticCatalog.DuplicateBoard, $"Board id '{board.Id}' is defined twice (also in '{boards[board.Id].SourceFile}').", file);
            }
        }

        if (boards.Count == 0)
        {
            throw new XaiException(DiagnosticCatalog.BoardsDirectoryUnusable, $"The boards directory '{directory}' holds no board files (*.json).", directory);
        }

        return new BoardCatalog(boards);
    }

    private static Board ReadBoard(string file)
    {
        JObject json;
        try
        {
            json = JObject.Parse(File.ReadAllText(file));
        }
        catch (JsonException e)
        {
            throw new XaiException(DiagnosticCatalog.BadBoardFile, $"Board file is not valid JSON: {e.Message}", file, inner: e);
        }

        string Text(string path) =>
            json.SelectToken(path) is JValue { Type: JTokenType.String } v && !string.IsNullOrWhiteSpace((string?)v)
                ? (string)v!
                : throw new XaiException(DiagnosticCatalog.BadBoardFile, $"Board file lacks the text field '{path}'.", file);

        int Count(string path) =>
            json.SelectToken(path) is JValue { Type: JTokenType.Integer } v && (long)v! >= 0
                ? (int)(long)v!
                : throw new XaiException(DiagnosticCatalog.BadBoardFile, $"Board file field '{path}' must be a non-negative integer.", file);

        // The resource and latency models divide by these and check designs against them: a part has some of each.
        int Resource(string path) => Count(path) is > 0 and var n
            ? n
            : throw new XaiException(DiagnosticCatalog.BadBoardFile, $"Board file field '{path}' is 0; the part's figure is needed (as Vitis HLS reports it in csynth.xml AvailableResources): a positive integer.", file);

        double Number(string path) =>
            json.SelectToken(path) is JValue { Type: JTokenType.Integer or JTokenType.Float } v && (double)v! > 0
                ? (double)v!
                : throw new XaiException(DiagnosticCatalog.BadBoardFile, $"Board file field '{path}' must be a positive number.", file);

        var family = Text("family");
        if (family is not ("zynq" or "zynquplus"))
        {
            throw new XaiException(DiagnosticCatalog.BadBoardFile, $"Board file field 'family' is '{family}'; allowed: zynq, zynquplus.", file);
        }

        return new Board(
            Text("id"),
            Text("displayName"),
            Text("part"),
            Text("boardPart"),
            family,
            new ProcessingSystem(Text("ps.ip"), Text("ps.slavePort"), Text("ps.masterPort"), SlavePortDataWidth()),
            new BoardResources(Resource("resources.bram18k"), Resource("resources.dsp"), Resource("resources.ff"), Resource("resources.lut"), Count("resources.uram")),
            new BoardDefaults(Number("defaults.clockMHz"), Text("defaults.convParallelism"), Count("defaults.fcTile")),
            new JtagFacts(Text("jtag.device"), json.SelectToken("jtag.openFpgaLoaderBoard")?.Type == JTokenType.String ? (string?)json.SelectToken("jtag.openFpgaLoaderBoard") : null),
            PlClock(),
            file);

        // The widths the HP slave ports can be configured to: 32 or 64 bits on the Zynq-7000
        // processing_system7, 32, 64 or 128 on the Zynq UltraScale+ zynq_ultra_ps_e.
        int SlavePortDataWidth()
        {
            var width = Count("ps.slavePortDataWidth");
            int[] allowed = family == "zynq" ? [32, 64] : [32, 64, 128];
            return allowed.Contains(width)
                ? width
                : throw new XaiException(DiagnosticCatalog.BadBoardFile, $"Board file field 'ps.slavePortDataWidth' is {width}; allowed for family '{family}': {string.Join(", ", allowed)}.", file);
        }

        ClockRange PlClock()
        {
            var range = new ClockRange(Number("plClockMHz.min"), Number("plClockMHz.max"));
            var clock = Number("defaults.clockMHz");
            return range.MinMHz <= range.MaxMHz && range.Contains(clock)
                ? range
                : throw new XaiException(DiagnosticCatalog.BadBoardFile, $"Board file field 'plClockMHz' ({range.MinMHz} to {range.MaxMHz}) must be a range holding 'defaults.clockMHz' ({clock}).", file);
        }
    }
}
