using System.Text.Json;
using System.Text.Json.Serialization;
using Enterprise.Domain.Common;

namespace Enterprise.Infrastructure.Caching;

/// <summary>
/// Writes a cached <see cref="Result{T}"/> to Redis as its value alone, and reads it back as a success: only successes
/// are cached, and a result has no members that JSON could set.
/// </summary>
internal sealed class SuccessfulResultJsonConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(Result<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(ValueConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()))!;

    private sealed class ValueConverter<T> : JsonConverter<Result<T>>
    {
        public override Result<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Result<T>.Success(JsonSerializer.Deserialize<T>(ref reader, options)!);

        public override void Write(Utf8JsonWriter writer, Result<T> value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value.Value, options);
    }
}
