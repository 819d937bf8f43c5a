using System.Text.Json;
using System.Text.Json.Nodes;

namespace Enterprise.WebApi.Patching;

/// <summary>
/// A merge patch (<see cref="JsonMergePatch"/>) of a typed write document, the body a PUT of the same resource takes.
/// The patch is bound as a <see cref="JsonElement"/> because, unlike <see cref="JsonObject"/>, it honours
/// AllowDuplicateProperties; what a typed body's binding also refuses is looked for by <see cref="FindUnusable"/>.
/// </summary>
public static class MergePatchDocument
{
    /// <summary>
    /// Why <paramref name="patch"/> cannot be applied to a write document, or <see langword="null"/>: a non-object patch
    /// would replace the whole document, never patch it; a member repeated in another letter case (names are read
    /// ignoring case); text that is not valid Unicode (a JsonElement decodes it only when read).
    /// </summary>
    /// <param name="patch">The bound patch.</param>
    /// <param name="resourceName">What the document describes, for the message ("a product").</param>
    public static string? FindUnusable(JsonElement patch, string resourceName)
    {
        if (patch.ValueKind != JsonValueKind.Object)
        {
            return $"A merge patch of {resourceName} must be a JSON object.";
        }

        try
        {
            return RepeatsAMember(patch) ? "A member appears more than once." : null;
        }
        catch (InvalidOperationException)
        {
            // What JsonElement throws when a name or string cannot be decoded.
            return "A member name or string is not valid Unicode text (invalid UTF-8 or a lone surrogate).";
        }
    }

    /// <summary>
    /// <paramref name="document"/> with <paramref name="patch"/> applied, read back as a document; throws
    /// <see cref="JsonException"/> when the result is not one (a member of the wrong type, a required one removed).
    /// </summary>
    /// <param name="document">The resource's current write document.</param>
    /// <param name="patch">A patch <see cref="FindUnusable"/> found nothing wrong with.</param>
    /// <param name="options">The API's serializer options, so the document is read as a request body is.</param>
    public static TDocument Apply<TDocument>(TDocument document, JsonElement patch, JsonSerializerOptions options)
        where TDocument : class
    {
        var target = JsonSerializer.SerializeToNode(document, options);
        var patched = JsonMergePatch.Apply(target, JsonObject.Create(patch));
        // An object patch over an object document is an object, which never reads as null.
        return patched.Deserialize<TDocument>(options)!;
    }

    /// <summary>Reads every name and string of <paramref name="element"/>, decoding each, and compares names ignoring case.</summary>
    private static bool RepeatsAMember(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                return element.EnumerateObject().Any(member => !names.Add(member.Name) || RepeatsAMember(member.Value));
            case JsonValueKind.Array:
                return element.EnumerateArray().Any(RepeatsAMember);
            case JsonValueKind.String:
                // Decoded only for the exception invalid text throws; a string repeats nothing.
                _ = element.GetString();
                return false;
            default:
                return false;
        }
    }
}
