using Newtonsoft.Json.Linq;
using Xai.Diagnostics;
using Xai.Reporting.Model;

namespace Xai.Reporting;

/// <summary>report.json read back: for report.html, the CLI and the PowerShell module (Get-XaiBuild).</summary>
public static class ReportDocument
{
    /// <summary>Reads a report.json written by this SDK.</summary>
    /// <exception cref="XaiException">XAI3500 missing, XAI3501 not JSON or a key missing or mistyped, XAI3502 another schema.</exception>
    public static XaiReport Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new XaiException(DiagnosticCatalog.DocumentMissing, "report.json does not exist: build the project first (dotnet build).", path);
        }

        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Reads the text of a report.json; <paramref name="path"/> names it in errors.</summary>
    public static XaiReport Parse(string text, string path)
    {
        // The schema is checked first, so a newer SDK's report says so instead of failing on a key it added.
        string? schema;
        try
        {
            schema = JToken.Parse(text) is JObject { } o && o["schema"] is JValue { Type: JTokenType.String } s ? (string?)s : null;
        }
        catch (Newtonsoft.Json.JsonException e)
        {
            throw new XaiException(DiagnosticCatalog.ReportJsonUnreadable, $"report.json is not JSON: {e.Message}", path);
        }

        if (schema != XaiReport.SchemaName)
        {
            throw new XaiException(DiagnosticCatalog.ReportSchemaUnknown,
                $"report.json has 'schema' {(schema is null ? "missing" : $"'{schema}'")}; this SDK reads '{XaiReport.SchemaName}'.", path);
        }

        return ReportJson.Deserialize<XaiReport>(text, path, DiagnosticCatalog.ReportJsonUnreadable, "report.json");
    }

    public static string Serialize(XaiReport report) => ReportJson.Serialize(report);
}
