using System.Globalization;
using System.Text.RegularExpressions;
using Xai.Diagnostics;

namespace Xai.Slurm;

/// <summary>
/// The <c>XaiSlurm*</c> properties after validation: what every job of the build asks of Slurm. Empty
/// values leave Slurm's (the partition's) defaults. Each value is checked here, before anything is
/// submitted, so that a typo is a coded error naming the property, not a rejected job later.
/// </summary>
/// <param name="Partition"><c>XaiSlurmPartition</c> (<c>--partition</c>).</param>
/// <param name="Account"><c>XaiSlurmAccount</c> (<c>--account</c>).</param>
/// <param name="Time"><c>XaiSlurmTime</c> (<c>--time</c>): minutes, MM:SS, HH:MM:SS, D-HH, D-HH:MM or D-HH:MM:SS.</param>
/// <param name="Memory"><c>XaiSlurmMemory</c> (<c>--mem</c>): a number with an optional K, M, G or T suffix.</param>
/// <param name="Cpus"><c>XaiSlurmCpus</c> (<c>--cpus-per-task</c>).</param>
/// <param name="Licenses"><c>XaiSlurmLicenses</c> (<c>--licenses</c>), e.g. <c>vivado:1</c>.</param>
/// <param name="ExtraArgs"><c>XaiSlurmExtraArgs</c>: further sbatch options, one per <c>;</c>-separated item.</param>
/// <param name="BinDirectory"><c>XaiSlurmBinDirectory</c>: where sbatch, squeue, scontrol and scancel are; null for PATH.</param>
public sealed record SlurmOptions(
    string? Partition = null,
    string? Account = null,
    string? Time = null,
    string? Memory = null,
    int? Cpus = null,
    string? Licenses = null,
    IReadOnlyList<string>? ExtraArgs = null,
    string? BinDirectory = null)
{
    private static readonly Regex Name = new(@"^[A-Za-z0-9_.\-]+$", RegexOptions.CultureInvariant);
    private static readonly Regex TimeLimit = new(@"^([0-9]+|[0-9]+:[0-9]{1,2}|[0-9]+:[0-9]{1,2}:[0-9]{1,2}|[0-9]+-[0-9]+|[0-9]+-[0-9]+:[0-9]{1,2}|[0-9]+-[0-9]+:[0-9]{1,2}:[0-9]{1,2}|UNLIMITED|INFINITE)$", RegexOptions.CultureInvariant);
    private static readonly Regex MemorySize = new(@"^[0-9]+[KMGT]?$", RegexOptions.CultureInvariant);
    private static readonly Regex LicenseList = new(@"^[A-Za-z0-9_.@\-]+(:[0-9]+)?(,[A-Za-z0-9_.@\-]+(:[0-9]+)?)*$", RegexOptions.CultureInvariant);
    private static readonly Regex Option = new(@"^--?[A-Za-z][A-Za-z0-9\-]*(=[^\s'""\\#]+)?$", RegexOptions.CultureInvariant);

    // sbatch splits a heterogeneous job at these words anywhere in a #SBATCH line.
    private static readonly Regex Heterogeneous = new("packjob|hetjob", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    // Options the executor sets or relies on (name, output, working directory, stamp, no requeue, one
    // job per run, no waiting inside sbatch, the job's environment): an extra argument may not change them.
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "--job-name", "-J", "--output", "-o", "--error", "-e", "--input", "-i", "--chdir", "-D", "--comment", "--open-mode",
        "--requeue", "--no-requeue", "--array", "-a", "--dependency", "-d", "--wait", "-W", "--hold", "-H", "--parsable",
        "--export", "--export-file", "--get-user-env", "--wrap", "--test-only", "--batch",
    };

    /// <summary>The <c>#SBATCH</c> options these settings give, one per element.</summary>
    public IEnumerable<string> SbatchOptions()
    {
        if (Partition is { } p) yield return "--partition=" + p;
        if (Account is { } a) yield return "--account=" + a;
        if (Time is { } t) yield return "--time=" + t;
        if (Memory is { } m) yield return "--mem=" + m;
        if (Cpus is { } c) yield return "--cpus-per-task=" + c.ToString(CultureInfo.InvariantCulture);
        if (Licenses is { } l) yield return "--licenses=" + l;
        foreach (var extra in ExtraArgs ?? [])
        {
            yield return extra;
        }
    }

    /// <summary>
    /// Validates the raw property values (XAI5701 for each bad one, all reported); null when any is bad.
    /// The values become <c>#SBATCH</c> lines, which sbatch reads itself (no shell): they may hold no
    /// white space, quote or control character, so that none can add an option or a line of its own.
    /// </summary>
    public static SlurmOptions? Parse(
        string partition, string account, string time, string memory, string cpus, string licenses, string extraArgs, string binDirectory,
        string projectFile, List<XaiDiagnostic> diagnostics)
    {
        var before = diagnostics.Count;
        string? Check(string property, string raw, Regex pattern, string allowed)
        {
            var value = raw.Trim();
            if (value.Length == 0)
            {
                return null;
            }

            if (!pattern.IsMatch(value) || Heterogeneous.IsMatch(value))
            {
                diagnostics.Add(XaiDiagnostic.Error(DiagnosticCatalog.BadSlurmProperty, $"Property '{property}' is '{Printable(value)}'; allowed: {allowed}.", projectFile));
            }

            return value;
        }

        var options = new SlurmOptions(
            Check("XaiSlurmPartition", partition, Name, "a partition name (letters, digits, '_', '.', '-'), or empty for the cluster's default"),
            Check("XaiSlurmAccount", account, Name, "an account name (letters, digits, '_', '.', '-'), or empty for your default account"),
            Check("XaiSlurmTime", time, TimeLimit, "a Slurm time limit: minutes, MM:SS, HH:MM:SS, D-HH, D-HH:MM or D-HH:MM:SS (e.g. 4:00:00), or empty for the partition's default"),
            Check("XaiSlurmMemory", memory, MemorySize, "a memory size: a number with an optional K, M, G or T suffix (e.g. 32G), or empty for the partition's default"),
            null,
            Check("XaiSlurmLicenses", licenses, LicenseList, "licenses as Slurm's --licenses takes them: name[:count] separated by ',' (e.g. vivado:1)"),
            null,
            binDirectory.Trim().Length == 0 ? null : binDirectory.Trim());
        if (cpus.Trim().Length > 0)
        {
            if (int.TryParse(cpus.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1)
            {
                options = options with { Cpus = n };
            }
            else
            {
                diagnostics.Add(XaiDiagnostic.Error(DiagnosticCatalog.BadSlurmProperty, $"Property 'XaiSlurmCpus' is '{Printable(cpus.Trim())}'; allowed: a whole number of CPUs per job, at least 1, or empty for the partition's default.", projectFile));
            }
        }

        var extras = extraArgs.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var extra in extras)
        {
            if (Reserved.Contains(extra.Split('=')[0]))
            {
                diagnostics.Add(XaiDiagnostic.Error(DiagnosticCatalog.BadSlurmProperty, $"Property 'XaiSlurmExtraArgs' holds '{Printable(extra)}'; allowed: sbatch options other than those the SDK sets itself ({string.Join(", ", Reserved.Where(r => r.StartsWith("--", StringComparison.Ordinal)))} and their short forms).", projectFile));
            }
            else if (!Option.IsMatch(extra) || Heterogeneous.IsMatch(extra))
            {
                diagnostics.Add(XaiDiagnostic.Error(DiagnosticCatalog.BadSlurmProperty, $"Property 'XaiSlurmExtraArgs' holds '{Printable(extra)}'; allowed: sbatch options separated by ';', each --name or --name=value (e.g. --qos=long;--exclusive) without white space, quotes, backslashes or '#'.", projectFile));
            }
        }

        return diagnostics.Count > before ? null : options with { ExtraArgs = extras };
    }

    /// <summary>The value with control characters shown as \uXXXX, so that a message shows what was given.</summary>
    private static string Printable(string value) =>
        string.Concat(value.Select(ch => char.IsControl(ch) ? $"\\u{(int)ch:X4}" : ch.ToString()));
}
