using System.Text;
using System.Text.RegularExpressions;
using Xai.Diagnostics;

namespace Xai.Core.Tests.Diagnostics;

/// <summary>
/// The catalog is the one list of codes: every code the sources use is in it, code sites name its
/// constants rather than literals, and the README's diagnostics table is exactly the catalog.
/// Failure messages say which line to add where.
/// </summary>
public sealed class DiagnosticCatalogTests
{
    private const string CatalogPath = "src/Xai.Core/Diagnostics/DiagnosticCatalog.cs";
    private const string TableBegin = "<!-- diagnostics-table: begin (generated from DiagnosticCatalog; DiagnosticCatalogTests checks it) -->";
    private const string TableEnd = "<!-- diagnostics-table: end -->";
    private static readonly Regex CodePattern = new(@"\bXAI\d{4}\b", RegexOptions.Compiled);
    private static readonly Regex LiteralPattern = new("\"XAI\\d{4}\"", RegexOptions.Compiled);
    private static readonly string[] SourceExtensions = [".cs", ".targets", ".props", ".ps1", ".psm1", ".psd1"];

    [Fact]
    public void Entries_AreWellFormedAndDistinct()
    {
        var entries = DiagnosticCatalog.Entries;
        Assert.True(entries.Count > 100, $"only {entries.Count} entries: reflection missed some");
        Assert.All(entries, e => Assert.Matches("^XAI[0-9]{4}$", e.Code));
        Assert.Empty(entries.GroupBy(e => e.Code).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(e => e.Name))}"));
        Assert.All(entries, e => Assert.False(string.IsNullOrWhiteSpace(e.Title) || string.IsNullOrWhiteSpace(e.Help), $"{e.Code} lacks a title or help"));
        Assert.All(entries, e => Assert.DoesNotContain('|', e.Title + e.Help));
        Assert.Equal("XAI1010", DiagnosticCatalog.Find("XAI1010")?.Code);
        Assert.Null(DiagnosticCatalog.Find("XAI0000"));
    }

    [Fact]
    public void EveryCodeTheSourcesUse_IsInTheCatalog()
    {
        var missing = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (file, line, text) in SourceLines())
        {
            foreach (Match m in CodePattern.Matches(text))
            {
                if (DiagnosticCatalog.Find(m.Value) is null)
                {
                    (missing.TryGetValue(m.Value, out var at) ? at : missing[m.Value] = []).Add($"{file}:{line}");
                }
            }
        }

        Assert.True(missing.Count == 0, string.Join("\n\n", missing.Select(kv =>
            $"{kv.Key} (used at {string.Join(", ", kv.Value)}) is not in the diagnostic catalog. Add this line to {CatalogPath}, {Placement(kv.Key)}:\n" +
            $"    [Diagnostic(Error, \"<a few words: what went wrong>\", \"<what the user should do>\")] public const string <NameSayingWhatWentWrong> = \"{kv.Key}\";\n" +
            $"then refer to DiagnosticCatalog.<NameSayingWhatWentWrong> instead of the literal, and add the README row that {nameof(ReadmeTable_EqualsTheCatalog)} prints.")));
    }

    [Fact]
    public void CodeSites_NameCatalogConstants_NotLiterals()
    {
        var literals = SourceLines()
            .Where(l => l.File.EndsWith(".cs", StringComparison.Ordinal) && l.File != CatalogPath)
            .SelectMany(l => LiteralPattern.Matches(l.Text).Select(m => (l.File, l.Line, Code: m.Value.Trim('"'))))
            .Select(x => DiagnosticCatalog.Find(x.Code) is { } e
                ? $"{x.File}:{x.Line}: replace \"{x.Code}\" with DiagnosticCatalog.{e.Name}"
                : $"{x.File}:{x.Line}: \"{x.Code}\" is not in the catalog; add it to {CatalogPath} ({Placement(x.Code)}) and use its constant")
            .ToList();
        Assert.True(literals.Count == 0, string.Join("\n", literals));
    }

    [Fact]
    public void ReadmeTable_EqualsTheCatalog()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryLayout.Root, "README.md"));
        var begin = readme.IndexOf(TableBegin, StringComparison.Ordinal);
        var end = readme.IndexOf(TableEnd, StringComparison.Ordinal);
        var expected = ExpectedTable();
        Assert.True(begin >= 0 && end > begin,
            $"README.md lacks the diagnostics table. Under '### Diagnostics' put:\n{TableBegin}\n{string.Join("\n", expected)}\n{TableEnd}");

        var actual = readme[(begin + TableBegin.Length)..end].Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
        var problems = new List<string>();
        var rows = actual.Skip(2).ToList();
        foreach (var (row, i) in expected.Skip(2).Select((r, i) => (r, i)))
        {
            var code = DiagnosticCatalog.Entries[i].Code;
            var found = rows.FirstOrDefault(r => r.StartsWith($"| `{code}` |", StringComparison.Ordinal));
            if (found is null)
            {
                problems.Add($"add to README.md's diagnostics table, {(i == 0 ? "as the first row" : $"after the row of {DiagnosticCatalog.Entries[i - 1].Code}")}:\n{row}");
            }
            else if (found != row)
            {
                problems.Add($"replace README.md's row of {code}\n{found}\nby\n{row}");
            }
        }

        foreach (var extra in rows.Where(r => !expected.Contains(r) && !DiagnosticCatalog.Entries.Any(e => r.StartsWith($"| `{e.Code}` |", StringComparison.Ordinal))))
        {
            problems.Add($"remove from README.md's diagnostics table (not in {CatalogPath}), or add its code to the catalog:\n{extra}");
        }

        if (problems.Count == 0 && !actual.SequenceEqual(expected))
        {
            problems.Add($"README.md's diagnostics table differs in its header or order; replace it by:\n{string.Join("\n", expected)}");
        }

        Assert.True(problems.Count == 0, string.Join("\n\n", problems));
    }

    private static List<string> ExpectedTable() =>
    [
        "| code | severity | what went wrong | what to do |",
        "|---|---|---|---|",
        .. DiagnosticCatalog.Entries.Select(e => $"| `{e.Code}` | {Severity(e.Severity)} | {e.Title} | {e.Help} |"),
    ];

    private static string Severity(CatalogSeverity s) => s switch
    {
        CatalogSeverity.Error => "error",
        CatalogSeverity.Warning => "warning",
        _ => "error or warning",
    };

    private static string Placement(string code) =>
        DiagnosticCatalog.Entries.LastOrDefault(e => string.CompareOrdinal(e.Code, code) < 0) is { } before
            ? $"after the line of {before.Code} ({before.Name})"
            : "before the first entry";

    private static IEnumerable<(string File, int Line, string Text)> SourceLines()
    {
        var root = RepositoryLayout.Root;
        foreach (var top in new[] { "src", "tasks", "sdk" })
        {
            foreach (var path in Directory.EnumerateFiles(Path.Combine(root, top), "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
                if (!SourceExtensions.Contains(Path.GetExtension(path)) || relative.Split('/').Any(p => p is "bin" or "obj" or "node_modules"))
                {
                    continue;
                }

                var lines = File.ReadAllLines(path, Encoding.UTF8);
                for (var i = 0; i < lines.Length; i++)
                {
                    yield return (relative, i + 1, lines[i]);
                }
            }
        }
    }
}
