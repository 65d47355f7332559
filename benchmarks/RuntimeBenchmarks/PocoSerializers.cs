using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Newtonsoft.Json.Serialization;

namespace RuntimeBenchmarks.Pocos;

/// <summary>Reads <c>""</c> as "not set", as the generated code does for response members; otherwise an ordinary <c>int?</c>.</summary>
public sealed class EmptyStringAsNullInt32Converter : JsonConverter<int?>
{
    public override int? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.Number => reader.GetInt32(),
            JsonTokenType.String when reader.ValueTextEquals(""u8) => null,
            JsonTokenType.String => int.Parse(reader.GetString()!, NumberStyles.Integer, CultureInfo.InvariantCulture),
            _ => throw new JsonException("Expected an integer."),
        };

    public override void Write(Utf8JsonWriter writer, int? value, JsonSerializerOptions options)
    {
        if (value is { } number)
        {
            writer.WriteNumberValue(number);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}

/// <summary>The source-generated System.Text.Json context over the POCOs.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(UpdateEndpointRequest))]
[JsonSerializable(typeof(EndpointDetail))]
public sealed partial class PocoJsonContext : JsonSerializerContext;

/// <summary>The settings each library is used with: snake_case names, nulls left out; created once, as an application would.</summary>
public static class PocoSettings
{
    public static readonly JsonSerializerOptions Reflection = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
    };

    public static readonly Newtonsoft.Json.JsonSerializerSettings Newtonsoft = new()
    {
        ContractResolver = new DefaultContractResolver { NamingStrategy = new SnakeCaseNamingStrategy() },
        NullValueHandling = global::Newtonsoft.Json.NullValueHandling.Ignore,
    };
}
