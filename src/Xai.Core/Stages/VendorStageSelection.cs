using Xai.Diagnostics;

namespace Xai.Stages;

/// <summary>
/// Which vendor stages a build attempts: exactly the ones the targets asked for (-t:Synthesize,
/// -t:CoSimulate, -t:Bitstream) when there are any, else those listed in XaiVendorStages; each with
/// the stages it needs (CoSimulate and Bitstream work on the IP Synthesize makes in the same build).
/// </summary>
/// <param name="Wanted">The stages to attempt, in build order.</param>
/// <param name="Required">The stages asked for by target (with the ones they need): a missing tool is an error for them, not a skip.</param>
public sealed record VendorStageSelection(IReadOnlyList<VendorStage> Wanted, IReadOnlyList<VendorStage> Required)
{
    /// <exception cref="XaiException">XAI5601 for a name other than Synthesize, CoSimulate, Bitstream.</exception>
    public static VendorStageSelection Resolve(string vendorStages, string requestedStages, string projectFile)
    {
        var requested = Closure(Parse(requestedStages, "The requested stage list", projectFile));
        var configured = Closure(Parse(vendorStages, "Property XaiVendorStages", projectFile));
        return new VendorStageSelection(requested.Count > 0 ? requested : configured, requested);
    }

    public bool Wants(VendorStage stage) => Wanted.Contains(stage);

    private static List<VendorStage> Closure(IReadOnlySet<VendorStage> stages) =>
        Enum.GetValues<VendorStage>().Where(s => stages.Contains(s) || (s == VendorStage.Synthesize && stages.Count > 0)).ToList();

    private static HashSet<VendorStage> Parse(string text, string source, string projectFile)
    {
        var names = Enum.GetNames<VendorStage>();
        var stages = new HashSet<VendorStage>();
        foreach (var part in text.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var name = names.FirstOrDefault(s => s.Equals(part, StringComparison.OrdinalIgnoreCase))
                ?? throw new XaiException(DiagnosticCatalog.BadVendorStages,
                    $"{source} holds '{part}'; allowed: {string.Join(", ", names)}, ';'-separated (empty: no vendor stage).", projectFile);
            stages.Add(Enum.Parse<VendorStage>(name));
        }

        return stages;
    }
}
