using System.Diagnostics;
using System.Text;

namespace Xai.Core.Tests.Amd;

/// <summary>One recorded call of a mock vendor command: its name and its arguments, verbatim.</summary>
internal sealed record MockCall(string Command, IReadOnlyList<string> Arguments)
{
    public override string ToString() => Command + " " + string.Join(" ", Arguments.Select(a => $"«{a}»"));
}

/// <summary>
/// Runs a generated script under the real tclsh with a checking mock of the vendor commands
/// (tests/Xai.Core.Tests/Tcl) and returns what happened.
/// </summary>
internal sealed record TclMockRun(int ExitCode, string StandardOutput, string StandardError, IReadOnlyList<MockCall> Calls, IReadOnlyList<string> Violations)
{
    public const string Tclsh = "/usr/bin/tclsh";

    public static string TclDirectory => Path.Combine(RepositoryLayout.Root, "tests", "Xai.Core.Tests", "Tcl");

    public IReadOnlyList<string> CommandNames => Calls.Select(c => c.Command).ToList();

    /// <summary>The exit code the script passed to <c>exit</c>, or null when it never called exit.</summary>
    public int? ScriptExit => Calls.LastOrDefault(c => c.Command == "exit") is { } e ? int.Parse(e.Arguments[0]) : null;

    public string Describe() =>
        $"exit {ExitCode}\nstdout:\n{StandardOutput}\nstderr:\n{StandardError}\nviolations:\n{string.Join("\n", Violations)}\ncalls:\n{string.Join("\n", Calls)}";

    /// <param name="mock">vitis_hls_mock.tcl or vivado_mock.tcl.</param>
    /// <param name="script">Path of the generated script.</param>
    /// <param name="workingDirectory">Where the tool would run.</param>
    /// <param name="environment">Mock settings (XAI_MOCK_*).</param>
    public static TclMockRun Run(string mock, string script, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var record = Path.Combine(workingDirectory, $".mock-{Guid.NewGuid():N}.record");
        var violations = Path.Combine(workingDirectory, $".mock-{Guid.NewGuid():N}.violations");
        var start = new ProcessStartInfo(Tclsh)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(Path.Combine(TclDirectory, "run_with_mock.tcl"));
        start.ArgumentList.Add(Path.Combine(TclDirectory, mock));
        start.ArgumentList.Add(script);
        start.Environment["XAI_MOCK_RECORD"] = record;
        start.Environment["XAI_MOCK_VIOLATIONS"] = violations;
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("tclsh did not finish in 30 s");
        }

        process.WaitForExit();
        var calls = File.Exists(record)
            ? File.ReadAllLines(record, Encoding.UTF8).Select(ParseCall).ToList()
            : [];
        var violationLines = File.Exists(violations) ? File.ReadAllLines(violations, Encoding.UTF8) : [];
        return new TclMockRun(process.ExitCode, stdout.Result, stderr.Result, calls, violationLines);
    }

    private static MockCall ParseCall(string line)
    {
        if (line.StartsWith("exit ", StringComparison.Ordinal))
        {
            return new MockCall("exit", [line[5..]]);
        }

        var fields = line.Split('\t');
        return new MockCall(fields[0], fields.Skip(1).Select(f => Encoding.UTF8.GetString(Convert.FromBase64String(f))).ToList());
    }
}
