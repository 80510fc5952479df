using System.Globalization;
using System.Text.RegularExpressions;

namespace Xai.Amd.Toolchain;

/// <summary>
/// Reads AMD tool logs (vitis_hls.log, csim/cosim logs, v++/vitis-run output, vivado.log) into
/// <see cref="VendorMessage"/>s. Recognised forms:
/// <c>SEVERITY: [Subsystem facility-id] text</c> (Vitis HLS, Vivado), <c>[SIM 100]</c> / <c>[COSIM-4]</c>
/// (per-step logs), <c>ERR: [SIM 100]</c> (old csim logs), <c>@E</c>/<c>@W</c> (RTL simulation),
/// <c>ERROR: text</c> without an id (unified CLI), and GCC/Clang <c>file:line:col: error:</c> lines
/// from the C simulation build. Source positions are taken from a trailing <c>(file:line:col)</c>
/// (HLS front end) or <c>[file:line]</c> (Vivado synthesis).
/// </summary>
public static partial class VendorLogScanner
{
    [GeneratedRegex(@"^\s*(?<sev>CRITICAL WARNING|ERROR|ERR|WARNING|INFO):\s*(?:\[(?<sub>[A-Za-z][A-Za-z0-9_]*)[ -](?<id>\d+(?:-\d+)?)\]\s*)?(?<text>.*?)\s*$")]
    private static partial Regex TaggedLine();

    [GeneratedRegex(@"^\s*@(?<sev>[EW])\s+(?<text>.*?)\s*$")]
    private static partial Regex SimulatorLine();

    [GeneratedRegex(@"^\s*(?<file>(?:[A-Za-z]:)?[^:\s][^:]*?):(?<line>\d+):(?<col>\d+):\s+(?:fatal\s+)?error:\s*(?<text>.*?)\s*$")]
    private static partial Regex CompilerError();

    // "(src/foo.cpp:12:3)" at the end (HLS front end), "C:/x/y.cpp:42:7" allowed.
    [GeneratedRegex(@"\s*\((?<file>[^()\s][^()]*?):(?<line>\d+)(?::(?<col>\d+))?\)\s*$")]
    private static partial Regex ParenLocation();

    // "[/path/file.v:12]" at the end (Vivado synthesis).
    [GeneratedRegex(@"\s*\[(?<file>[^\[\]\s][^\[\]]*?):(?<line>\d+)\]\s*$")]
    private static partial Regex BracketLocation();

    /// <summary>Messages at or above <paramref name="minimum"/>, in log order.</summary>
    public static IReadOnlyList<VendorMessage> Scan(IEnumerable<string> lines, string? logFile = null, VendorSeverity minimum = VendorSeverity.Warning)
    {
        var messages = new List<VendorMessage>();
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            if (ParseLine(line, logFile, number) is { } message && message.Severity >= minimum)
            {
                messages.Add(message);
            }
        }

        return messages;
    }

    /// <summary>Reads and scans a log file.</summary>
    public static IReadOnlyList<VendorMessage> ScanFile(string path, VendorSeverity minimum = VendorSeverity.Warning) =>
        Scan(File.ReadLines(path), path, minimum);

    /// <summary>One line as a message, or null when it is not one.</summary>
    public static VendorMessage? ParseLine(string line, string? logFile = null, int lineNumber = 0)
    {
        var tagged = TaggedLine().Match(line);
        if (tagged.Success)
        {
            var severity = tagged.Groups["sev"].Value switch
            {
                "ERROR" or "ERR" => VendorSeverity.Error,
                "CRITICAL WARNING" => VendorSeverity.CriticalWarning,
                "WARNING" => VendorSeverity.Warning,
                _ => VendorSeverity.Info,
            };
            var sub = tagged.Groups["sub"].Success ? tagged.Groups["sub"].Value : null;
            var id = tagged.Groups["id"].Success ? tagged.Groups["id"].Value : null;
            var (text, file, sourceLine, column) = SplitLocation(tagged.Groups["text"].Value);
            return new VendorMessage(severity, sub, id, text, file, sourceLine, column, logFile, lineNumber);
        }

        var simulator = SimulatorLine().Match(line);
        if (simulator.Success)
        {
            var severity = simulator.Groups["sev"].Value == "E" ? VendorSeverity.Error : VendorSeverity.Warning;
            return new VendorMessage(severity, "simulator", null, simulator.Groups["text"].Value, null, 0, 0, logFile, lineNumber);
        }

        var compiler = CompilerError().Match(line);
        if (compiler.Success)
        {
            return new VendorMessage(VendorSeverity.Error, "compiler", null, compiler.Groups["text"].Value,
                compiler.Groups["file"].Value, Int(compiler.Groups["line"].Value), Int(compiler.Groups["col"].Value), logFile, lineNumber);
        }

        return null;
    }

    private static (string Text, string? File, int Line, int Column) SplitLocation(string text)
    {
        foreach (var pattern in new[] { ParenLocation(), BracketLocation() })
        {
            var match = pattern.Match(text);
            if (match.Success)
            {
                var column = match.Groups["col"].Success ? Int(match.Groups["col"].Value) : 0;
                return (text[..match.Index], match.Groups["file"].Value, Int(match.Groups["line"].Value), column);
            }
        }

        return (text, null, 0, 0);
    }

    private static int Int(string digits) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;
}
