using System.Globalization;

namespace Xai.Amd.Toolchain;

/// <summary>
/// An AMD/Xilinx tool release such as <c>2023.2</c> (year and release of that year; an update
/// such as <c>2023.2.1</c> keeps its third number but does not change which flow applies).
/// </summary>
public readonly record struct ToolVersion(int Year, int Release, int Update = 0) : IComparable<ToolVersion>
{
    /// <summary>Last release that ships <c>vitis_hls</c> (the classic Tcl driver).</summary>
    public static readonly ToolVersion LastWithVitisHls = new(2024, 2);

    /// <summary>First release whose <c>v++ --mode hls</c> / <c>vitis-run</c> unified flow the SDK drives.</summary>
    public static readonly ToolVersion FirstUnifiedHls = new(2023, 2);

    public int CompareTo(ToolVersion other) =>
        Year != other.Year ? Year.CompareTo(other.Year)
        : Release != other.Release ? Release.CompareTo(other.Release)
        : Update.CompareTo(other.Update);

    public static bool operator <(ToolVersion a, ToolVersion b) => a.CompareTo(b) < 0;

    public static bool operator >(ToolVersion a, ToolVersion b) => a.CompareTo(b) > 0;

    public static bool operator <=(ToolVersion a, ToolVersion b) => a.CompareTo(b) <= 0;

    public static bool operator >=(ToolVersion a, ToolVersion b) => a.CompareTo(b) >= 0;

    /// <summary>Parses exactly <c>YYYY.R</c> or <c>YYYY.R.U</c> (a directory name or a property value).</summary>
    public static bool TryParse(string? text, out ToolVersion version)
    {
        version = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var parts = text.Split('.');
        if (parts.Length is < 2 or > 3 || parts[0].Length != 4)
        {
            return false;
        }

        var numbers = new int[3];
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length == 0 || parts[i].Length > 2 && i > 0 || !parts[i].All(char.IsAsciiDigit)
                || !int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return false;
            }
        }

        // AMD releases are numbered 1..4 within a year; a "2023.10" is a licence version limit, not a release.
        if (numbers[0] < 2012 || numbers[1] is < 1 or > 4)
        {
            return false;
        }

        version = new ToolVersion(numbers[0], numbers[1], numbers[2]);
        return true;
    }

    public override string ToString() =>
        Update == 0 ? $"{Year}.{Release}" : $"{Year}.{Release}.{Update}";
}
