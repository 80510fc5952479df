using Xai.Reporting.Model;

namespace Xai.Stages;

/// <summary>
/// Assembles report.json's <see cref="HardwareSection"/> from what the vendor stages left: the sources
/// manifest, the tools record and each top's <see cref="HardwareTopRecord"/>. Null when no vendor stage
/// ran in this build (a skipped stage leaves no figures, not even older ones).
/// </summary>
public static class HardwareSectionLoader
{
    public static HardwareSection? Load(VendorLayout vendor, IReadOnlyDictionary<string, string> stages)
    {
        var ran = Enum.GetNames<VendorStage>().Where(s => stages.TryGetValue(s, out var status) && status.StartsWith("ran", StringComparison.Ordinal)).ToList();
        if (ran.Count == 0 || !File.Exists(vendor.SourcesManifest))
        {
            return null;
        }

        var manifest = HlsSourcesStage.LoadManifest(vendor);
        HardwareTopRecord? Read(string top) =>
            manifest.Tops.Contains(top) && File.Exists(vendor.HardwareReport(top)) ? HardwareCollection.Load(vendor, top) : null;

        var fpbp = Read("xai_top");
        var fp = Read("xai_top_fp");
        return new HardwareSection
        {
            Method = manifest.Method,
            NumericsProfile = manifest.Profile,
            StagesRun = ran,
            Tools = File.Exists(vendor.ToolsFile) ? VendorToolSet.LoadRecord(vendor) : null,
            Fpbp = fpbp,
            Fp = fp,
            BpOverhead = BpOverhead.Between(fp, fpbp),
        };
    }
}
