using System.Management.Automation;
using Newtonsoft.Json.Linq;

namespace Xai.PowerShell;

/// <summary>JSON as PowerShell users get it from ConvertFrom-Json: objects with note properties, arrays, plain values.</summary>
internal static class JsonToPSObject
{
    public static object? Convert(JToken? token) => token switch
    {
        null => null,
        JObject o => ToObject(o),
        JArray a => a.Select(Convert).ToArray(),
        JValue v => v.Value,
        _ => token.ToString(),
    };

    private static PSObject ToObject(JObject o)
    {
        var result = new PSObject();
        foreach (var property in o.Properties())
        {
            result.Properties.Add(new PSNoteProperty(property.Name, Convert(property.Value)));
        }

        return result;
    }
}
