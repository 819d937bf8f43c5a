using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Enterprise.Domain.Catalog;
using Enterprise.IntegrationTests.Infrastructure;

namespace Enterprise.IntegrationTests.Catalog;

/// <summary>What the Catalog's responses promise: status, headers, the exact members of each shape.</summary>
public static partial class CatalogAssertions
{
    public const string CorrelationIdHeader = "X-Correlation-Id";
    public const string SupportedVersionsHeader = "api-supported-versions";

    /// <summary>Every Catalog resource is served in both versions.</summary>
    public const string SupportedVersions = "1.0, 2.0";

    private static readonly string[] ProductMembers =
        ["id", "sku", "name", "description", "price", "currency", "stockQuantity", "categoryId", "status", "createdAt", "updatedAt"];

    private static readonly string[] CategoryMembers = ["id", "name", "slug"];

    private static readonly string[] PageMembers = ["items", "page", "pageSize", "totalCount"];

    private static readonly Dictionary<HttpStatusCode, string> ProblemTypes = new()
    {
        [HttpStatusCode.BadRequest] = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        [HttpStatusCode.NotFound] = "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        [HttpStatusCode.Conflict] = "https://tools.ietf.org/html/rfc9110#section-15.5.10",
        [HttpStatusCode.PreconditionFailed] = "https://tools.ietf.org/html/rfc9110#section-15.5.13",
        [HttpStatusCode.UnsupportedMediaType] = "https://tools.ietf.org/html/rfc9110#section-15.5.16",
        [HttpStatusCode.UnprocessableContent] = "https://tools.ietf.org/html/rfc9110#section-15.5.21",
    };

    /// <summary>A successful JSON response from a v1 action: status, media type, correlation id and supported versions.</summary>
    public static async Task<JsonElement> AssertJsonAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(status), body);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"), body);
            AssertCommonHeaders(response);
            AssertSupportedVersions(response);
        });
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>204 from a v1 action: no body, correlation id and supported versions.</summary>
    public static async Task AssertNoContentAsync(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), body);
            Assert.That(body, Is.Empty);
            AssertCommonHeaders(response);
            AssertSupportedVersions(response);
        });
    }

    /// <summary>A problem the action returned for a broken rule: RFC 9457 body with the error's stable code.</summary>
    public static async Task<JsonElement> AssertApiProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var problem = await response.AssertProblemCoreAsync(status);
        Assert.Multiple(() =>
        {
            Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo(code));
            AssertSupportedVersions(response);
        });
        return problem;
    }

    /// <summary>400 for a body or query value that could not be read at all (before any rule ran).</summary>
    public static async Task<JsonElement> AssertUnreadableRequestAsync(this HttpResponseMessage response)
    {
        var problem = await response.AssertProblemCoreAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("Request.Invalid"));
        return problem;
    }

    public static async Task<JsonElement> AssertUnsupportedMediaTypeAsync(this HttpResponseMessage response)
    {
        var problem = await response.AssertProblemCoreAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("Request.UnsupportedMediaType"));
        return problem;
    }

    /// <summary>404 for a path no route matches (a non-GUID id): still a problem, not an empty body.</summary>
    public static async Task<JsonElement> AssertRouteNotFoundAsync(this HttpResponseMessage response)
    {
        var problem = await response.AssertProblemCoreAsync(HttpStatusCode.NotFound);
        Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("Route.NotFound"));
        return problem;
    }

    /// <summary>The <c>Link</c> header (RFC 8288) by relation; empty when there is none.</summary>
    public static Dictionary<string, Uri> LinksOf(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var links = new Dictionary<string, Uri>(StringComparer.Ordinal);
        if (!response.Headers.TryGetValues("Link", out var values))
        {
            return links;
        }

        foreach (Match link in LinkValue().Matches(string.Join(", ", values)))
        {
            Assert.That(links.TryAdd(link.Groups["rel"].Value, new Uri(link.Groups["url"].Value)), Is.True, $"one {link.Groups["rel"].Value} link");
        }

        return links;
    }

    /// <summary>The paging links only (<c>first</c>, <c>prev</c>, <c>next</c>, <c>last</c>), without v1's deprecation links.</summary>
    public static Dictionary<string, Uri> PageLinksOf(HttpResponseMessage response) =>
        LinksOf(response).Where(link => link.Key is "first" or "prev" or "next" or "last").ToDictionary();

    /// <summary>The names of the members of <c>errors</c>, that is the fields at fault.</summary>
    public static string[] ErrorFields(JsonElement problem) =>
        [.. problem.GetProperty("errors").EnumerateObject().Select(member => member.Name)];

    public static string[] ErrorMessages(JsonElement problem, string field) =>
        [.. problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(message => message.GetString()!)];

    /// <summary>Exactly the v1 product members, each of the right kind; status active; instants in UTC with a Z.</summary>
    public static void AssertProductContract(JsonElement product)
    {
        Assert.Multiple(() =>
        {
            Assert.That(product.EnumerateObject().Select(member => member.Name), Is.EquivalentTo(ProductMembers));
            Assert.That(product.GetProperty("id").GetGuid(), Is.Not.EqualTo(Guid.Empty));
            Assert.That(product.GetProperty("status").GetString(), Is.EqualTo("active"));
            AssertUtcInstant(product.GetProperty("createdAt"));
            AssertUtcInstant(product.GetProperty("updatedAt"));
            Assert.That(product.GetProperty("price").ValueKind, Is.EqualTo(JsonValueKind.Number));
            Assert.That(product.GetProperty("stockQuantity").ValueKind, Is.EqualTo(JsonValueKind.Number));
        });
    }

    public static void AssertProduct(JsonElement product, ExpectedProduct expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        AssertProductContract(product);
        Assert.Multiple(() =>
        {
            Assert.That(product.GetProperty("sku").GetString(), Is.EqualTo(expected.Sku));
            Assert.That(product.GetProperty("name").GetString(), Is.EqualTo(expected.Name));
            Assert.That(product.GetProperty("description").ValueKind is JsonValueKind.Null ? null : product.GetProperty("description").GetString(), Is.EqualTo(expected.Description));
            Assert.That(product.GetProperty("price").GetDecimal(), Is.EqualTo(expected.Price));
            Assert.That(product.GetProperty("currency").GetString(), Is.EqualTo(expected.Currency));
            Assert.That(product.GetProperty("stockQuantity").GetInt32(), Is.EqualTo(expected.StockQuantity));
            Assert.That(product.GetProperty("categoryId").GetGuid(), Is.EqualTo(expected.CategoryId));
        });
    }

    /// <summary>The stored row says what the response said.</summary>
    public static void AssertRowMatches(ProductRow? row, JsonElement product, ProductStatus status = ProductStatus.Active)
    {
        Assert.That(row, Is.Not.Null, "The product row is missing.");
        Assert.Multiple(() =>
        {
            Assert.That(row!.Id, Is.EqualTo(product.GetProperty("id").GetGuid()));
            Assert.That(row.Sku, Is.EqualTo(product.GetProperty("sku").GetString()));
            Assert.That(row.Name, Is.EqualTo(product.GetProperty("name").GetString()));
            Assert.That(row.Description, Is.EqualTo(product.GetProperty("description").ValueKind is JsonValueKind.Null ? null : product.GetProperty("description").GetString()));
            Assert.That(row.Price, Is.EqualTo(product.GetProperty("price").GetDecimal()));
            Assert.That(row.Currency, Is.EqualTo(product.GetProperty("currency").GetString()));
            Assert.That(row.StockQuantity, Is.EqualTo(product.GetProperty("stockQuantity").GetInt32()));
            Assert.That(row.CategoryId, Is.EqualTo(product.GetProperty("categoryId").GetGuid()));
            Assert.That(row.Status, Is.EqualTo(status));
            Assert.That(row.CreatedAt, Is.EqualTo(product.GetProperty("createdAt").GetDateTime()));
            Assert.That(row.UpdatedAt, Is.EqualTo(product.GetProperty("updatedAt").GetDateTime()));
            Assert.That(row.CreatedAt.Kind, Is.EqualTo(DateTimeKind.Utc));
        });
    }

    public static void AssertCategoryContract(JsonElement category)
    {
        Assert.Multiple(() =>
        {
            Assert.That(category.EnumerateObject().Select(member => member.Name), Is.EquivalentTo(CategoryMembers));
            Assert.That(category.GetProperty("id").GetGuid(), Is.Not.EqualTo(Guid.Empty));
            Assert.That(category.GetProperty("name").GetString(), Is.Not.Empty);
            Assert.That(category.GetProperty("slug").GetString(), Does.Match("^[a-z0-9]+(-[a-z0-9]+)*$"));
        });
    }

    /// <summary>A page: exactly items, page, pageSize and totalCount, echoing the requested page and size.</summary>
    public static JsonElement[] AssertPage(JsonElement page, int expectedPage, int expectedPageSize)
    {
        Assert.Multiple(() =>
        {
            Assert.That(page.EnumerateObject().Select(member => member.Name), Is.EquivalentTo(PageMembers));
            Assert.That(page.GetProperty("page").GetInt32(), Is.EqualTo(expectedPage));
            Assert.That(page.GetProperty("pageSize").GetInt32(), Is.EqualTo(expectedPageSize));
            Assert.That(page.GetProperty("totalCount").GetInt32(), Is.GreaterThanOrEqualTo(0));
            Assert.That(page.GetProperty("items").GetArrayLength(), Is.LessThanOrEqualTo(expectedPageSize));
        });
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    /// <summary>ISO 8601 in UTC, ending in Z, to at most microseconds (the precision every database keeps).</summary>
    public static void AssertUtcInstant(JsonElement instant)
    {
        Assert.That(instant.GetString(), Does.Match(UtcInstant()));
        var parsed = instant.GetDateTime();
        Assert.Multiple(() =>
        {
            Assert.That(parsed.Kind, Is.EqualTo(DateTimeKind.Utc));
            Assert.That(parsed, Is.EqualTo(DateTime.UtcNow).Within(TimeSpan.FromMinutes(10)), "a recent instant, read as UTC");
        });
    }

    private static async Task<JsonElement> AssertProblemCoreAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var problem = await response.AssertProblemAsync(status);
        Assert.Multiple(() =>
        {
            Assert.That(problem.GetProperty("type").GetString(), Is.EqualTo(ProblemTypes[status]));
            Assert.That(problem.GetProperty("instance").GetString(), Is.EqualTo(response.RequestMessage!.RequestUri!.AbsolutePath));
            AssertCommonHeaders(response);
            Assert.That(
                problem.GetProperty("correlationId").GetString(),
                Is.EqualTo(response.Headers.GetValues(CorrelationIdHeader).Single()),
                "the problem names the request's correlation id");
        });
        return problem;
    }

    private static void AssertCommonHeaders(HttpResponseMessage response) =>
        Assert.That(
            response.Headers.TryGetValues(CorrelationIdHeader, out var values) ? values.Single() : null,
            Is.Not.Null.And.Not.Empty,
            CorrelationIdHeader);

    /// <summary>The <c>api-supported-versions</c> list, however the client split it, as one comma-space joined value.</summary>
    public static string? SupportedVersionsOf(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Headers.TryGetValues(SupportedVersionsHeader, out var values)
            ? string.Join(", ", values.SelectMany(value => value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
            : null;
    }

    private static void AssertSupportedVersions(HttpResponseMessage response) =>
        Assert.That(SupportedVersionsOf(response), Is.EqualTo(SupportedVersions), SupportedVersionsHeader);

    [GeneratedRegex("<(?<url>[^>]+)>; rel=\"(?<rel>[a-z]+)\"", RegexOptions.CultureInvariant)]
    private static partial Regex LinkValue();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$", RegexOptions.CultureInvariant)]
    private static partial Regex UtcInstant();
}

/// <summary>What a product response should say, member by member (id, status and instants are checked apart).</summary>
public sealed record ExpectedProduct(
    string Sku,
    string Name,
    string? Description,
    decimal Price,
    string Currency,
    int StockQuantity,
    Guid CategoryId);
