using Xai.Attribution;
using Xai.Diagnostics;
using Xai.IO;

namespace Xai.Stages;

/// <summary>
/// What the hardware computes, decided by LocateVendorTools from XaiHardwareMethod and
/// XaiBuildInferenceVariant and handed to HlsSources through <see cref="VendorLayout.ChoiceFile"/>.
/// </summary>
/// <param name="Method">The one attribution method the FP+BP top computes.</param>
/// <param name="InferenceVariant">Whether the FP-only top <c>xai_top_fp</c> is built beside it.</param>
public sealed record HardwareChoice(AttributionMethod Method, bool InferenceVariant)
{
    /// <summary>
    /// Resolves the two properties as the user wrote them: an empty XaiHardwareMethod is the first of
    /// <paramref name="methods"/>, an empty XaiBuildInferenceVariant is false.
    /// </summary>
    /// <exception cref="XaiException">XAI5600 for a method not among <paramref name="methods"/>, XAI5602 for a value that is not true or false.</exception>
    public static HardwareChoice Resolve(string hardwareMethod, string buildInferenceVariant, IReadOnlyList<AttributionMethod> methods, string projectFile)
    {
        AttributionMethod method;
        if (string.IsNullOrWhiteSpace(hardwareMethod))
        {
            method = methods[0];
        }
        else if (AttributionMethodList.Parse(hardwareMethod, out var unknown) is [var one] && unknown.Count == 0 && methods.Contains(one))
        {
            method = one;
        }
        else
        {
            throw new XaiException(DiagnosticCatalog.BadHardwareMethod,
                $"Property XaiHardwareMethod is '{hardwareMethod}'; allowed: one of the project's XaiMethods ({string.Join(", ", methods)}), or empty for the first of them.", projectFile);
        }

        var variant = buildInferenceVariant.Trim().ToLowerInvariant() switch
        {
            "" or "false" => false,
            "true" => true,
            _ => throw new XaiException(DiagnosticCatalog.BadBoolean, $"Property XaiBuildInferenceVariant is '{buildInferenceVariant}'; allowed: true or false (empty = false).", projectFile),
        };
        return new HardwareChoice(method, variant);
    }

    /// <summary>Writes the choice only when it changed: the file is an input of the HLS sources.</summary>
    public void Save(VendorLayout vendor)
    {
        Directory.CreateDirectory(vendor.Directory);
        AtomicFile.WriteAllTextIfChanged(vendor.ChoiceFile, $"XaiHardwareMethod={Method}\nXaiBuildInferenceVariant={InferenceVariant}\n");
    }

    /// <exception cref="XaiException">XAI5611 when LocateVendorTools has not written it.</exception>
    public static HardwareChoice Load(VendorLayout vendor)
    {
        var lines = File.Exists(vendor.ChoiceFile)
            ? File.ReadAllLines(vendor.ChoiceFile).Select(l => l.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1])
            : [];
        if (!lines.TryGetValue("XaiHardwareMethod", out var method) || !Enum.TryParse<AttributionMethod>(method, out var m)
            || !lines.TryGetValue("XaiBuildInferenceVariant", out var variant) || !bool.TryParse(variant, out var v))
        {
            throw new XaiException(DiagnosticCatalog.UpstreamMissing, "The hardware method has not been chosen: build the XaiLocateVendorTools target first.", vendor.ChoiceFile);
        }

        return new HardwareChoice(m, v);
    }
}
