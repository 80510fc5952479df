using Newtonsoft.Json;
using Xai.Amd.Toolchain;

namespace Xai.Reporting;

/// <summary>A <see cref="ToolVersion"/> (or a null one) as the tools print it: the string <c>2023.2</c> (or <c>2023.2.1</c>).</summary>
public sealed class ToolVersionJsonConverter : JsonConverter
{
    public override bool CanConvert(Type objectType) => objectType == typeof(ToolVersion) || objectType == typeof(ToolVersion?);

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        if (value is ToolVersion version)
        {
            writer.WriteValue(version.ToString());
        }
        else
        {
            writer.WriteNull();
        }
    }

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        if (reader.TokenType == JsonToken.Null && objectType == typeof(ToolVersion?))
        {
            return null;
        }

        return reader.TokenType == JsonToken.String && ToolVersion.TryParse((string?)reader.Value, out var version)
            ? version
            : throw new JsonSerializationException($"'{reader.Path}' is {reader.Value ?? reader.TokenType.ToString()}; expected a release such as \"2023.2\".");
    }
}
