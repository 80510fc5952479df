namespace Xai.Deployment;

/// <summary>
/// Compares part names as the tools spell them differently: the board catalog says
/// <c>xc7z020clg400-1</c>, a .bit header <c>7z020clg400</c>, a .hwh DEVICE+PACKAGE+SPEEDGRADE.
/// Both are reduced to lower case without the <c>xc</c> prefix and dashes; they match when
/// one is a prefix of the other and the shorter still names device and package.
/// </summary>
public static class PartName
{
    public static string Normalize(string part)
    {
        var p = part.Trim().ToLowerInvariant();
        if (p.StartsWith("xc", StringComparison.Ordinal))
        {
            p = p[2..];
        }

        return p.Replace("-", "", StringComparison.Ordinal);
    }

    public static bool Matches(string a, string b)
    {
        var x = Normalize(a);
        var y = Normalize(b);
        var (shorter, longer) = x.Length <= y.Length ? (x, y) : (y, x);
        // Device and package (e.g. 7z020 + clg400): at least 8 characters, else "7z0" would match anything.
        return shorter.Length >= 8 && longer.StartsWith(shorter, StringComparison.Ordinal);
    }
}
