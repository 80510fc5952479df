using System.Xml;
using System.Xml.Linq;
using Xai.Diagnostics;

namespace Xai.Deployment;

/// <summary>
/// The hardware handoff (.hwh) Vivado writes beside the .bit; PYNQ's Overlay needs it (same stem).
/// Read here for the part (<c>SYSTEMINFO</c>) and the accelerator's instance name (<c>MODULE</c>
/// whose <c>MODTYPE</c> is the HLS top).
/// </summary>
/// <param name="Part">PART, or DEVICE + PACKAGE + SPEEDGRADE when PART is absent.</param>
/// <param name="Instances">Block-design instance names by module type (e.g. xai_top → xai_top_0).</param>
public sealed record HwhFile(string Path, string Part, IReadOnlyDictionary<string, string> Instances)
{
    public static HwhFile Read(string hwhPath)
    {
        XDocument doc;
        try
        {
            doc = XDocument.Load(hwhPath);
        }
        catch (Exception e) when (e is XmlException or IOException or UnauthorizedAccessException)
        {
            throw new XaiException(DiagnosticCatalog.HwhInvalid, $"The hardware handoff cannot be read as XML: {e.Message}", hwhPath, inner: e);
        }

        var info = doc.Root?.Element("SYSTEMINFO")
            ?? throw new XaiException(DiagnosticCatalog.HwhInvalid, "The hardware handoff has no EDKSYSTEM/SYSTEMINFO element, so its part is unknown.", hwhPath);
        var part = (string?)info.Attribute("PART");
        if (string.IsNullOrWhiteSpace(part))
        {
            var device = (string?)info.Attribute("DEVICE");
            var package = (string?)info.Attribute("PACKAGE");
            if (string.IsNullOrWhiteSpace(device) || string.IsNullOrWhiteSpace(package))
            {
                throw new XaiException(DiagnosticCatalog.HwhInvalid, "SYSTEMINFO names neither PART nor DEVICE and PACKAGE.", hwhPath);
            }

            part = device + package + ((string?)info.Attribute("SPEEDGRADE") ?? "");
        }

        var instances = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var module in doc.Descendants("MODULE"))
        {
            var type = (string?)module.Attribute("MODTYPE");
            var instance = (string?)module.Attribute("INSTANCE");
            if (type is not null && instance is not null)
            {
                instances.TryAdd(type, instance);
            }
        }

        return new HwhFile(hwhPath, part, instances);
    }
}
