using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;
using Xai.Diagnostics;
using Xai.IO;
using Xai.Projects;

namespace Xai.Stages;

/// <summary>
/// What every stage reads, resolved once by XaiResolveProject and saved as settings.json: the
/// validated project settings, where the stages read and write, and the C++ parts and compiler.
/// The file changes only when a setting does, so the stages list it among their Inputs. The output
/// directory is not in it: the stages assemble their results under obj/ and XaiPublish shows them in
/// XaiOutputDir, so choosing another XaiOutputDir re-runs no stage; the few tasks that write there
/// directly (CSim's board/ folder, Bitstream's files) are given it.
/// </summary>
/// <param name="FidelityDataset">Directory of the Fashion-MNIST IDX files for XaiFidelityImages.</param>
public sealed record BuildSettings(ProjectSettings Project, BuildLayout Layout, ToolSettings Tools, string FidelityDataset)
{
    public const string Format = "xai-settings/1";

    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        ContractResolver = new CamelCasePropertyNamesContractResolver(),
        Converters = [new StringEnumConverter()],
    });

    /// <summary>Writes the settings to <paramref name="path"/> when they differ from what it holds; true when it wrote.</summary>
    public bool Save(string path) => AtomicFile.WriteAllTextIfChanged(path, ToJson().ToString(Formatting.Indented));

    public JObject ToJson() => new()
    {
        ["format"] = Format,
        ["project"] = JObject.FromObject(Project, Serializer),
        ["layout"] = new JObject
        {
            ["intermediateDirectory"] = Layout.IntermediateDirectory,
        },
        ["tools"] = JObject.FromObject(Tools, Serializer),
        ["fidelityDataset"] = FidelityDataset,
    };

    /// <param name="outputDirectory">XaiOutputDir, for the stages that write there; empty for the others.</param>
    /// <exception cref="XaiException">XAI1050 when the file is missing, unreadable or of another format.</exception>
    public static BuildSettings Load(string path, string outputDirectory = "")
    {
        try
        {
            var json = JObject.Parse(File.ReadAllText(path));
            if ((string?)json["format"] != Format)
            {
                throw new XaiException(DiagnosticCatalog.SettingsUnreadable, $"The resolved settings have format '{json["format"]}', not '{Format}'; rebuild (XaiResolveProject rewrites them).", path);
            }

            var layout = (JObject)json["layout"]!;
            return new BuildSettings(
                json["project"]!.ToObject<ProjectSettings>(Serializer)!,
                new BuildLayout((string)layout["intermediateDirectory"]!, outputDirectory),
                json["tools"]!.ToObject<ToolSettings>(Serializer)!,
                (string)json["fidelityDataset"]!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or NullReferenceException or InvalidCastException or ArgumentException)
        {
            throw new XaiException(DiagnosticCatalog.SettingsUnreadable, $"The resolved settings cannot be read ({e.Message}); build the project normally, XaiResolveProject writes them before every stage.", path, inner: e);
        }
    }
}
