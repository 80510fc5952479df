using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Xai.Diagnostics;

namespace Xai.Reporting;

/// <summary>
/// The one place the report's documents become JSON and back: report.json, plan.json, the vendor
/// report (<c>xai report</c>) and the stage files report.json is assembled from.
/// </summary>
public static class ReportJson
{
    private static readonly JsonSerializerSettings Settings = new()
    {
        ContractResolver = new ReportContractResolver(),
        Converters = { new StringEnumConverter(), new ToolVersionJsonConverter() },
        Formatting = Formatting.Indented,
        MissingMemberHandling = MissingMemberHandling.Ignore,
        DateParseHandling = DateParseHandling.None,
        MaxDepth = 64,
    };

    public static string Serialize(object value) => JsonConvert.SerializeObject(value, Settings);

    /// <summary>Reads a document of type <typeparamref name="T"/>.</summary>
    /// <exception cref="XaiException"><paramref name="code"/> naming the file, and the line and key that do not fit.</exception>
    public static T Deserialize<T>(string text, string file, string code, string what)
        where T : class
    {
        try
        {
            return JsonConvert.DeserializeObject<T>(text, Settings)
                ?? throw new XaiException(code, $"{what} is empty (null); expected a JSON object.", file);
        }
        catch (JsonException e)
        {
            throw new XaiException(code, $"{what} cannot be read: {e.Message}", file);
        }
    }

    /// <summary>Reads <paramref name="path"/> as a document of type <typeparamref name="T"/>.</summary>
    /// <exception cref="XaiException"><see cref="DiagnosticCatalog.DocumentMissing"/> when the file is missing; <paramref name="code"/> when it does not fit.</exception>
    public static T Read<T>(string path, string code, string what)
        where T : class
    {
        if (!File.Exists(path))
        {
            throw new XaiException(DiagnosticCatalog.DocumentMissing, $"{what} does not exist.", path);
        }

        return Deserialize<T>(File.ReadAllText(path), path, code, what);
    }
}
