using System.Text;
using Microsoft.Extensions.Primitives;

namespace Enterprise.WebApi.Idempotency;

/// <summary>
/// The <c>Idempotency-Key</c> request header (IETF draft "The Idempotency-Key HTTP Header Field"). The draft makes it a
/// Structured Field string (<c>"8e03978e-40d5"</c>); most clients send the bare value (<c>8e03978e-40d5</c>), so both
/// are accepted and name the same key. A key is 1 to 255 printable ASCII characters.
/// </summary>
internal static class IdempotencyKeyHeader
{
    public const string Name = "Idempotency-Key";
    public const int MaxLength = 255;

    /// <summary>The key, or <see langword="null"/> when the header is malformed (also when it is sent more than once).</summary>
    public static string? Parse(StringValues values)
    {
        if (values.Count != 1 || values[0] is not { } value)
        {
            return null;
        }

        // A field value has no leading or trailing whitespace (RFC 9110 section 5.5); servers differ in whether they strip it.
        value = value.Trim(' ', '\t');
        var key = value.StartsWith('"') ? Unquote(value) : value;
        return key is { Length: > 0 and <= MaxLength } && key.All(IsPrintableAscii) ? key : null;
    }

    /// <summary>RFC 8941 section 3.3.3: inside the quotes only <c>\"</c> and <c>\\</c> are escapes, and a bare quote ends the string.</summary>
    private static string? Unquote(string value)
    {
        if (value.Length < 2 || !value.EndsWith('"'))
        {
            return null;
        }

        var unquoted = new StringBuilder(value.Length);
        for (var index = 1; index < value.Length - 1; index++)
        {
            var character = value[index];
            if (character == '\\')
            {
                index++;
                if (index == value.Length - 1 || value[index] is not ('"' or '\\'))
                {
                    return null;
                }

                character = value[index];
            }
            else if (character == '"')
            {
                return null;
            }

            unquoted.Append(character);
        }

        return unquoted.ToString();
    }

    private static bool IsPrintableAscii(char character) => character is >= ' ' and <= '~';
}
