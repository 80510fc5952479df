using System.Text.RegularExpressions;
using Xai.Diagnostics;

namespace Xai.Amd.Scripts;

/// <summary>
/// Checks an <see cref="HlsProjectSpec"/> before any script is written, so that mistakes are
/// reported with the field name rather than as a vendor error an hour into a run.
/// </summary>
public static partial class HlsProjectSpecValidator
{
    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex CIdentifier();

    [GeneratedRegex(@"^x[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex PartName();

    [GeneratedRegex(@"^[A-Za-z0-9_.\-]+$")]
    private static partial Regex VlnvField();

    [GeneratedRegex(@"^\d+\.\d+$")]
    private static partial Regex IpVersion();

    /// <exception cref="XaiException">XAI5510 for a missing or invalid field; XAI5511 for a value Vitis HLS would split.</exception>
    public static void Validate(HlsProjectSpec spec)
    {
        Name(spec.ProjectName, nameof(spec.ProjectName));
        Name(spec.SolutionName, nameof(spec.SolutionName));

        if (!CIdentifier().IsMatch(spec.TopFunction))
        {
            Fail(nameof(spec.TopFunction), spec.TopFunction, "a C identifier (letters, digits, '_', not starting with a digit)");
        }

        if (spec.SourceFiles.Count == 0)
        {
            throw new XaiException(DiagnosticCatalog.BadHlsSpec, $"HLS field {nameof(spec.SourceFiles)} is empty; at least one design source is needed.");
        }

        foreach (var file in spec.SourceFiles)
        {
            UnsplittablePath(file, nameof(spec.SourceFiles));
        }

        foreach (var file in spec.TestbenchFiles)
        {
            UnsplittablePath(file, nameof(spec.TestbenchFiles));
        }

        foreach (var directory in spec.IncludeDirectories)
        {
            UnsplittablePath(directory, nameof(spec.IncludeDirectories));
        }

        foreach (var flag in spec.CompilerFlags)
        {
            Unsplittable(flag, nameof(spec.CompilerFlags), "a compiler flag");
        }

        foreach (var argument in spec.TestbenchArguments)
        {
            Unsplittable(argument, nameof(spec.TestbenchArguments), "a testbench argument");
        }

        if (!PartName().IsMatch(spec.Part))
        {
            Fail(nameof(spec.Part), spec.Part, "an AMD part name such as xc7z020clg400-1 (lower case letters, digits and '-')");
        }

        if (!double.IsFinite(spec.ClockPeriodNs) || spec.ClockPeriodNs <= 0 || spec.ClockPeriodNs > 1000)
        {
            Fail(nameof(spec.ClockPeriodNs), spec.ClockPeriodNs.ToString(System.Globalization.CultureInfo.InvariantCulture), "a period in ns greater than 0 and at most 1000");
        }

        if (spec.Steps == HlsSteps.None || (spec.Steps & ~HlsSteps.All) != 0)
        {
            Fail(nameof(spec.Steps), spec.Steps.ToString(), "one or more of CSim, CSynth, CoSim, Export");
        }

        if ((spec.Steps & (HlsSteps.CSim | HlsSteps.CoSim)) != 0 && spec.TestbenchFiles.Count == 0)
        {
            throw new XaiException(DiagnosticCatalog.BadHlsSpec,
                $"HLS field {nameof(spec.TestbenchFiles)} is empty, but steps {spec.Steps} include a simulation; add the testbench or drop CSim/CoSim.");
        }

        if (spec.MAxi is { } maxi)
        {
            MAxi(maxi);
        }

        var ip = spec.EffectiveIp;
        foreach (var (field, value) in new[] { ("Ip.Vendor", ip.Vendor), ("Ip.Library", ip.Library), ("Ip.Name", ip.Name) })
        {
            if (!VlnvField().IsMatch(value))
            {
                Fail(field, value, "letters, digits, '_', '.', '-'");
            }
        }

        if (!IpVersion().IsMatch(ip.Version))
        {
            Fail("Ip.Version", ip.Version, "MAJOR.MINOR digits, e.g. 1.0");
        }

        FreeText(spec.IpDisplayName, nameof(spec.IpDisplayName));
        FreeText(spec.IpDescription, nameof(spec.IpDescription));
    }

    // Ranges from UG1399: max_widen_bitwidth 0 or a power of two up to 1024 (other values are
    // ignored by the tool); alignment a power of two (0 is invalid); AXI4 bursts of 1 to 256 beats.
    private static void MAxi(HlsMAxiSettings maxi)
    {
        static bool PowerOfTwo(int n) => n > 0 && (n & (n - 1)) == 0;
        string Text(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!(maxi.MaxWidenBitwidth == 0 || (PowerOfTwo(maxi.MaxWidenBitwidth) && maxi.MaxWidenBitwidth <= 1024)))
        {
            Fail("MAxi.MaxWidenBitwidth", Text(maxi.MaxWidenBitwidth), "0 or a power of two up to 1024");
        }

        if (!PowerOfTwo(maxi.AlignmentByteSize))
        {
            Fail("MAxi.AlignmentByteSize", Text(maxi.AlignmentByteSize), "a power of two (bytes)");
        }

        if (maxi.Latency < 0)
        {
            Fail("MAxi.Latency", Text(maxi.Latency), "a number of cycles, 0 or more");
        }

        if (maxi.MaxReadBurstLength is < 1 or > 256)
        {
            Fail("MAxi.MaxReadBurstLength", Text(maxi.MaxReadBurstLength), "1 to 256 beats");
        }

        if (maxi.NumReadOutstanding < 1)
        {
            Fail("MAxi.NumReadOutstanding", Text(maxi.NumReadOutstanding), "1 or more");
        }
    }

    private static void Name(string value, string field)
    {
        if (string.IsNullOrEmpty(value) || value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '/' or '\\')
            || value is "." or ".." || value[0] == '-')
        {
            Fail(field, value, "a non-empty directory name without whitespace, '/', '\\' or a leading '-'");
        }
    }

    private static void UnsplittablePath(string value, string field)
    {
        if (string.IsNullOrEmpty(value))
        {
            Fail(field, value, "a non-empty path");
        }

        Unsplittable(value, field, "a path");
    }

    // Vitis HLS treats whitespace inside a file argument or a flag string as a separator
    // (UG1399 add_files: add_files "a.cpp b.cpp c.cpp" adds three files), so such a value cannot
    // be passed through unchanged however it is quoted.
    private static void Unsplittable(string value, string field, string what)
    {
        if (value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new XaiException(DiagnosticCatalog.HlsValueNotRepresentable,
                $"HLS field {field} holds {what} with whitespace or a control character ('{Printable(value)}'); Vitis HLS splits such values into several. Move or rename it so that it has no spaces.");
        }
    }

    private static void FreeText(string? value, string field)
    {
        if (value is not null && value.Any(c => char.IsControl(c)))
        {
            Fail(field, Printable(value), "one line of text without control characters");
        }
    }

    private static string Printable(string value) =>
        string.Concat(value.Select(c => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString()));

    private static void Fail(string field, string value, string allowed) =>
        throw new XaiException(DiagnosticCatalog.BadHlsSpec, $"HLS field {field} is '{Printable(value)}'; allowed: {allowed}.");
}
