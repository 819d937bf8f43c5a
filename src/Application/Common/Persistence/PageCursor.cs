using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Enterprise.Domain.Common;

namespace Enterprise.Application.Common.Persistence;

/// <summary>
/// Opaque keyset cursors: the position of the last item of a page (its sort values and id) and the identity of the
/// list it belongs to (filters and sort), with a checksum, base64url-encoded. A cursor that was cut, edited or made up,
/// or that is sent with other filters or another sort than the list it came from, is rejected as a validation error
/// rather than read as some other position. The checksum is not a secret: a forged cursor could only name a position
/// in a list the caller may read anyway.
/// </summary>
public static class PageCursor
{
    public const string Field = "cursor";

    /// <summary>Far above any cursor this API issues (a few hundred characters), far below what could cost real work.</summary>
    public const int MaxLength = 2048;

    private const int ChecksumLength = 16;
    private static readonly byte[] ChecksumKey = SHA256.HashData("Enterprise.PageCursor.v1"u8);

    public static readonly Error Invalid = Error.Validation(
        "Paging.Cursor.Invalid",
        "The cursor is malformed or was altered. Send the cursor exactly as a previous page's next link gave it, or start again without one.",
        Field);

    public static readonly Error OtherList = Error.Validation(
        "Paging.Cursor.OtherList",
        "The cursor belongs to a list with other filters or another sort. Repeat the request the cursor came from, or start again without one.",
        Field);

    /// <param name="listIdentity">A canonical description of the list (its filters and sort): equal lists, equal identity.</param>
    /// <param name="position">The last item's sort values and then its id: strings, numbers, UTC date-times or GUIDs.</param>
    public static string Create(string listIdentity, IReadOnlyList<object> position)
    {
        ArgumentNullException.ThrowIfNull(listIdentity);
        ArgumentNullException.ThrowIfNull(position);
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("l", IdentityHash(listIdentity));
            json.WriteStartArray("p");
            foreach (var value in position)
            {
                WriteValue(json, value);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        var payload = buffer.WrittenSpan;
        var sealedBytes = new byte[payload.Length + ChecksumLength];
        payload.CopyTo(sealedBytes);
        HMACSHA256.HashData(ChecksumKey, payload)[..ChecksumLength].CopyTo(sealedBytes.AsSpan(payload.Length));
        return Base64Url.EncodeToString(sealedBytes);
    }

    /// <summary>The position a cursor names, typed as <paramref name="positionTypes"/> says, or why it cannot be used for this list.</summary>
    public static Result<object[]> Read(string cursor, string listIdentity, IReadOnlyList<Type> positionTypes)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        ArgumentNullException.ThrowIfNull(listIdentity);
        ArgumentNullException.ThrowIfNull(positionTypes);
        if (cursor.Length is 0 or > MaxLength || !Base64Url.IsValid(cursor))
        {
            return Invalid;
        }

        var sealedBytes = Base64Url.DecodeFromChars(cursor);
        if (sealedBytes.Length <= ChecksumLength)
        {
            return Invalid;
        }

        var payload = sealedBytes.AsSpan(0, sealedBytes.Length - ChecksumLength);
        var checksum = HMACSHA256.HashData(ChecksumKey, payload).AsSpan(0, ChecksumLength);
        if (!CryptographicOperations.FixedTimeEquals(checksum, sealedBytes.AsSpan(payload.Length)))
        {
            return Invalid;
        }

        try
        {
            using var document = JsonDocument.Parse(payload.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object ||
                !root.TryGetProperty("l", out var identity) || identity.ValueKind != JsonValueKind.String ||
                !root.TryGetProperty("p", out var values) || values.ValueKind != JsonValueKind.Array)
            {
                return Invalid;
            }

            // Before the position's shape: another sort has another number of values, and is still another list.
            if (identity.GetString() != IdentityHash(listIdentity))
            {
                return OtherList;
            }

            if (values.GetArrayLength() != positionTypes.Count)
            {
                return Invalid;
            }

            var position = new object[positionTypes.Count];
            var index = 0;
            foreach (var value in values.EnumerateArray())
            {
                if (ReadValue(value, positionTypes[index]) is not { } typed)
                {
                    return Invalid;
                }

                position[index++] = typed;
            }

            return position;
        }
        catch (JsonException)
        {
            // Only reachable with a valid checksum over a payload this class did not write: still the caller's bad input.
            return Invalid;
        }
    }

    private static string IdentityHash(string listIdentity) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(listIdentity)).AsSpan(0, 12));

    private static void WriteValue(Utf8JsonWriter json, object value)
    {
        switch (value)
        {
            case string text:
                json.WriteStringValue(text);
                break;
            case decimal number:
                json.WriteNumberValue(number);
                break;
            case int number:
                json.WriteNumberValue(number);
                break;
            case DateTime time:
                json.WriteStringValue(time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
                break;
            case Guid id:
                json.WriteStringValue(id);
                break;
            default:
                throw new ArgumentException($"A cursor cannot hold a {value?.GetType().Name ?? "null"}.", nameof(value));
        }
    }

    private static object? ReadValue(JsonElement value, Type type)
    {
        if (type == typeof(string))
        {
            return value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        }

        if (type == typeof(decimal))
        {
            return value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number) ? number : null;
        }

        if (type == typeof(int))
        {
            return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : null;
        }

        if (type == typeof(DateTime))
        {
            return value.ValueKind == JsonValueKind.String &&
                DateTime.TryParseExact(value.GetString(), "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time) &&
                time.Kind == DateTimeKind.Utc
                ? time
                : null;
        }

        if (type == typeof(Guid))
        {
            return value.ValueKind == JsonValueKind.String && value.TryGetGuid(out var id) ? id : null;
        }

        throw new ArgumentException($"A cursor cannot hold a {type.Name}.", nameof(type));
    }
}
