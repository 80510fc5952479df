namespace Xai.Attribution;

/// <summary>Parses the semicolon- or comma-separated method lists that projects and cmdlets take.</summary>
public static class AttributionMethodList
{
    public static IReadOnlyList<string> ValidNames { get; } = Enum.GetNames<AttributionMethod>();

    /// <summary>
    /// Splits <paramref name="text"/> into methods. Names are matched ignoring case; unknown names
    /// are returned in <paramref name="unknown"/> so the caller can report all of them at once.
    /// Duplicates are dropped, the first occurrence's order kept.
    /// </summary>
    public static IReadOnlyList<AttributionMethod> Parse(string text, out IReadOnlyList<string> unknown)
    {
        var methods = new List<AttributionMethod>();
        var bad = new List<string>();
        foreach (var part in text.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Enum.TryParse<AttributionMethod>(part, ignoreCase: true, out var method) && Enum.IsDefined(method) && !int.TryParse(part, out _))
            {
                if (!methods.Contains(method))
                {
                    methods.Add(method);
                }
            }
            else
            {
                bad.Add(part);
            }
        }

        unknown = bad;
        return methods;
    }
}
