using System.Text.RegularExpressions;

namespace Xai.Core.Tests.Amd.Reports;

/// <summary>
/// The real report files bundled in <c>Fixtures/</c>: exactly those the shared set's SOURCES.md licenses
/// permissively, each with its origin (repository, path, commit, licence) in <c>Fixtures/SOURCES.md</c>,
/// so a clone without <c>../shared</c> still tests its parsers on them.
/// </summary>
public sealed partial class BundledFixturesTests
{
    private static readonly string[] PermissivelyLicensed =
    [
        "ARX-0__HLS-pynq__design_1_wrapper_timing_summary_routed.rpt",
        "ARX-0__HLS-pynq__design_1_wrapper_utilization_placed.rpt",
        "ARX-0__HLS-pynq__vitis_hls.log",
        "HaohanZhutcd__Video-Processing-using-PYNQ-Z2__base_wrapper_timing_summary_routed.rpt",
        "HaohanZhutcd__Video-Processing-using-PYNQ-Z2__base_wrapper_utilization_placed.rpt",
        "ValdecirDesenv__FPGA_picoZed__csynth.xml",
        "fastmachinelearning__hls4ml__myproject_csynth.rpt",
        "fastmachinelearning__hls4ml__myproject_csynth.xml",
        "fastmachinelearning__hls4ml__vivado_synth.rpt",
        "gussmith23__lakeroad-evaluation__unsigned-dot-product.futil-vanilla-util-route.rpt",
    ];

    private static IEnumerable<string> BundledFiles =>
        Directory.GetFiles(Fixtures.BundledDirectory).Select(Path.GetFileName).OfType<string>().Where(n => n != "SOURCES.md");

    [Fact]
    public void The_bundled_fixtures_are_the_permissively_licensed_ones()
    {
        Assert.Equal(PermissivelyLicensed.Order(StringComparer.Ordinal), BundledFiles.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_bundled_fixture_records_its_repository_path_commit_and_licence()
    {
        var rows = OriginRow().Matches(File.ReadAllText(Path.Combine(Fixtures.BundledDirectory, "SOURCES.md")))
            .ToDictionary(m => m.Groups["file"].Value, m => m);
        Assert.Equal(BundledFiles.Order(StringComparer.Ordinal), rows.Keys.Order(StringComparer.Ordinal));
        foreach (var (file, row) in rows)
        {
            Assert.True(file.StartsWith(row.Groups["owner"].Value + "__" + row.Groups["repo"].Value + "__", StringComparison.Ordinal), $"{file}: named after another repository");
            Assert.NotEqual("", row.Groups["path"].Value.Trim());
        }
    }

    [Fact]
    public void A_test_over_bundled_files_runs_without_the_shared_set_and_one_over_a_shared_file_says_why_it_is_skipped()
    {
        var absent = Path.Combine(Path.GetTempPath(), "xai-no-shared-" + Guid.NewGuid().ToString("N")[..8]);

        Assert.Null(Fixtures.SkipReason(PermissivelyLicensed, absent));
        var reason = Fixtures.SkipReason(["ARX-0__HLS-pynq__vitis_hls.log", "SahJaiswal__MNIST_HLS__csynth.xml"], absent);
        Assert.NotNull(reason);
        Assert.Contains("SahJaiswal__MNIST_HLS__csynth.xml", reason);
        Assert.DoesNotContain("vitis_hls.log", reason);
        Assert.Contains(absent, reason);
        Assert.Contains("XAI_SHARED_DIR", reason);
        Assert.Contains(absent, Fixtures.SkipReason([], absent));
    }

    [SharedFixtureFact]
    public void Bundled_copies_are_byte_for_byte_the_shared_originals()
    {
        foreach (var name in BundledFiles)
        {
            Assert.True(
                File.ReadAllBytes(Path.Combine(Fixtures.BundledDirectory, name)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(Fixtures.SharedDirectory, name))),
                $"{name} differs from the shared original");
        }
    }

    [SharedFixtureFact]
    public void Every_file_the_shared_sources_license_permissively_is_bundled()
    {
        var permissive = SharedLicenceRow().Matches(File.ReadAllText(Path.Combine(Fixtures.SharedDirectory, "SOURCES.md")))
            .Select(m => m.Groups["file"].Value)
            .Where(f => File.Exists(Path.Combine(Fixtures.SharedDirectory, f)))
            .ToList();
        Assert.NotEmpty(permissive);
        Assert.All(permissive, f => Assert.Contains(f, BundledFiles));
    }

    // | file | github.com/owner/repo | path | 40-hex commit | Apache-2.0, MIT or BSD-n-Clause |
    [GeneratedRegex(@"^\| (?<file>\S+) \| github\.com/(?<owner>[^/\s]+)/(?<repo>[^/\s]+) \| (?<path>[^|]+) \| [0-9a-f]{40} \| (Apache-2\.0|MIT|BSD-[23]-Clause)\b[^|]* \|$", RegexOptions.Multiline)]
    private static partial Regex OriginRow();

    // A row of the shared SOURCES.md whose last cell starts with a permissive licence.
    [GeneratedRegex(@"^\| (?<file>[^|\s]+) \|.*\| (Apache-2\.0|MIT|BSD)[^|]* \|\s*$", RegexOptions.Multiline)]
    private static partial Regex SharedLicenceRow();
}
