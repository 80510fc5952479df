using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Xai.Reporting.Model;

/// <summary>Writes and reads <see cref="PlanMemory"/> as one object: method keys beside <c>autogradBits</c>.</summary>
public sealed class PlanMemoryJsonConverter : JsonConverter<PlanMemory>
{
    public override void WriteJson(JsonWriter writer, PlanMemory? value, JsonSerializer serializer)
    {
        if (value is null)
        {
            writer.WriteNull();
            return;
        }

        writer.WriteStartObject();
        foreach (var (method, figures) in value.Methods)
        {
            writer.WritePropertyName(method);
            serializer.Serialize(writer, figures);
        }

        writer.WritePropertyName(PlanMemory.AutogradKey);
        writer.WriteValue(value.AutogradBits);
        writer.WriteEndObject();
    }

    public override PlanMemory? ReadJson(JsonReader reader, Type objectType, PlanMemory? existingValue, bool hasExistingValue, JsonSerializer serializer)
    {
        if (reader.TokenType == JsonToken.Null)
        {
            return null;
        }

        var json = JObject.Load(reader);
        var autograd = json[PlanMemory.AutogradKey] is { Type: JTokenType.Integer } bits
            ? (long)bits
            : throw new JsonSerializationException($"Required property '{PlanMemory.AutogradKey}' (an integer) not found at '{json.Path}'.");
        var methods = json.Properties()
            .Where(p => p.Name != PlanMemory.AutogradKey)
            .ToDictionary(p => p.Name, p => p.Value.ToObject<MethodMemory>(serializer)
                ?? throw new JsonSerializationException($"'{p.Path}' is null; expected the memory figures of method '{p.Name}'."));
        return new PlanMemory { Methods = methods, AutogradBits = autograd };
    }
}
