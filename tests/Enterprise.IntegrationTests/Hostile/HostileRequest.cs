using System.Text;

namespace Enterprise.IntegrationTests.Hostile;

/// <summary>
/// One request exactly as it goes on the wire. Paths and bodies may hold placeholders that the fixture
/// fills in when it sends them (<see cref="Placeholders"/>), so the tables stay static.
/// </summary>
/// <param name="Description">What is sent, in words; it becomes the test's name.</param>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Path and query, already URL-encoded where the case wants it encoded.</param>
/// <param name="Body">The body as bytes, or null for none; usually UTF-8 text, deliberately not always.</param>
/// <param name="ContentType">The Content-Type header exactly, or null to send none.</param>
/// <param name="Headers">Further request headers, added without validation.</param>
public sealed record HostileRequest(
    string Description,
    string Method,
    string Path,
    byte[]? Body = null,
    string? ContentType = HostileRequest.Json,
    IReadOnlyList<KeyValuePair<string, string>>? Headers = null)
{
    public const string Json = "application/json; charset=utf-8";

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public HostileRequest WithHeader(string name, string value, string description) =>
        this with
        {
            Description = $"{Description}, {description}",
            Headers = [.. Headers ?? [], new KeyValuePair<string, string>(name, value)],
        };

    public override string ToString() => Description;

    /// <summary>The request as text, to paste into a bug report or an .http file.</summary>
    public string Describe(int maxBodyCharacters = 2000)
    {
        var text = new StringBuilder();
        text.Append(Method).Append(' ').AppendLine(Path);
        if (ContentType is not null)
        {
            text.Append("Content-Type: ").AppendLine(ContentType);
        }

        foreach (var (name, value) in Headers ?? [])
        {
            text.Append(name).Append(": ").AppendLine(value);
        }

        if (Body is not null)
        {
            var body = Encoding.UTF8.GetString(Body);
            text.AppendLine().Append(body.Length <= maxBodyCharacters
                ? body
                : $"{body[..maxBodyCharacters]}… ({Body.Length} bytes in all)");
        }

        return text.ToString();
    }
}

/// <summary>Tokens in hostile paths and bodies, replaced with the fixture's own data when sent.</summary>
public static class Placeholders
{
    /// <summary>The API version segment, such as <c>v1</c>.</summary>
    public const string Version = "%VERSION%";

    /// <summary>An active product with stock 5, in <see cref="Category"/>.</summary>
    public const string Product = "%PRODUCT%";

    /// <summary>A live category that an active product uses (deleting it is a 409).</summary>
    public const string Category = "%CATEGORY%";

    /// <summary>The name of <see cref="Category"/>, for duplicates.</summary>
    public const string CategoryName = "%CATEGORY_NAME%";

    /// <summary>An archived product.</summary>
    public const string ArchivedProduct = "%ARCHIVED_PRODUCT%";

    /// <summary>A deleted category.</summary>
    public const string DeletedCategory = "%DELETED_CATEGORY%";

    /// <summary>The next-page cursor of <see cref="V2HostileCases.CursorList"/>, exactly as the API issued it.</summary>
    public const string ProductCursor = "%PRODUCT_CURSOR%";

    /// <summary>The next-page cursor of the v2 categories list with <c>limit=1</c>.</summary>
    public const string CategoryCursor = "%CATEGORY_CURSOR%";

    /// <summary>A SKU no product has yet, new on every send.</summary>
    public const string NewSku = "%NEW_SKU%";

    /// <summary>A name no category has yet, new on every send.</summary>
    public const string NewName = "%NEW_NAME%";
}
