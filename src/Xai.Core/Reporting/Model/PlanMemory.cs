using Newtonsoft.Json;

namespace Xai.Reporting.Model;

/// <summary>
/// Memory kept between the passes. In JSON one object: a key per method (its <see cref="MethodMemory"/>)
/// beside <c>autogradBits</c>, the shape report.json has always had.
/// </summary>
[JsonConverter(typeof(PlanMemoryJsonConverter))]
public sealed record PlanMemory
{
    public const string AutogradKey = "autogradBits";

    /// <summary>Method → its figures.</summary>
    public required Dictionary<string, MethodMemory> Methods { get; init; }

    /// <summary>What autograd would keep for the same network at 16 bits.</summary>
    public required long AutogradBits { get; init; }
}
