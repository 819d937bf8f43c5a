using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Enterprise.IntegrationTests.Infrastructure;

namespace Enterprise.IntegrationTests.Platform;

/// <summary>
/// A version that configuration declares deprecated says so on every response, whatever decided it, and in its OpenAPI
/// document; a version it does not declare says nothing. The dates and the link here are the fixture's own settings, so
/// the headers are shown to come from configuration rather than from code.
/// </summary>
[TestFixture(DatabaseUnderTest.Sqlite)]
public sealed class ApiDeprecationTests(DatabaseUnderTest database) : ApiFixture(database)
{
    private const string MigrationNotes = "https://developer.example.com/enterprise/versioning";
    private static readonly DateTimeOffset DeprecatedSince = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset SunsetAt = new(2027, 12, 1, 12, 30, 0, TimeSpan.Zero);

    public enum V1Response
    {
        Ok,
        NotFoundProblem,
        ValidationProblem,
        UnreadableBodyProblem,
        UnauthenticatedProblem,
        NotModified,
    }

    [TestCase(V1Response.Ok, HttpStatusCode.OK)]
    [TestCase(V1Response.NotFoundProblem, HttpStatusCode.NotFound)]
    [TestCase(V1Response.ValidationProblem, HttpStatusCode.BadRequest)]
    [TestCase(V1Response.UnreadableBodyProblem, HttpStatusCode.BadRequest)]
    [TestCase(V1Response.UnauthenticatedProblem, HttpStatusCode.Unauthorized)]
    [TestCase(V1Response.NotModified, HttpStatusCode.NotModified)]
    public async Task Every_kind_of_v1_response_announces_the_configured_deprecation(V1Response kind, HttpStatusCode status)
    {
        using var response = await SendAsync(kind);

        Assert.That(response.StatusCode, Is.EqualTo(status), await response.Content.ReadAsStringAsync());
        Assert.Multiple(() =>
        {
            Assert.That(Header(response, "Deprecation"), Is.EqualTo("@" + DeprecatedSince.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)), "RFC 9745: a structured-field date");
            Assert.That(ParseHttpDate(Header(response, "Sunset")), Is.EqualTo(SunsetAt), "RFC 8594: an HTTP-date");
            Assert.That(Values(response, "Link"), Is.SupersetOf(new[]
            {
                $"<{MigrationNotes}>; rel=\"deprecation\"; type=\"text/html\"",
                $"<{MigrationNotes}>; rel=\"sunset\"; type=\"text/html\"",
            }));
            Assert.That(Header(response, "api-deprecated-versions"), Is.EqualTo("1.0"));
            Assert.That(Header(response, "api-supported-versions")?.Split(", "), Does.Contain("1.0"), "deprecated, still served");
        });
    }

    [Test]
    public async Task Every_v1_operation_is_deprecated_in_the_v1_document()
    {
        var operations = await ApiDocumentOperationsAsync(Client, "v1");

        Assert.That(operations, Is.Not.Empty);
        Assert.That(
            operations.Where(operation => !operation.Value.TryGetProperty("deprecated", out var deprecated) || !deprecated.GetBoolean()).Select(operation => operation.Key),
            Is.Empty,
            "operations not marked deprecated");
    }

    [Test]
    public async Task The_v1_document_names_the_dates_and_the_migration_notes()
    {
        var document = await Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var description = document.GetProperty("info").GetProperty("description").GetString();

        Assert.That(description, Does.StartWith("**Deprecated** since 2026-12-01. Sunset 2027-12-01T12:30:00Z").And.Contain($"({MigrationNotes})"));
    }

    [Test]
    [CoversEndpoint("GET", "docs/versioning.md")]
    public async Task The_shipped_settings_link_the_migration_notes_this_api_serves()
    {
        using var factory = new EnterpriseApiFactory(DatabaseUnderTest);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/api/v1/products");
        var link = Values(response, "Link").Single(value => value.Contains("rel=\"deprecation\"", StringComparison.Ordinal));
        var target = link[1..link.IndexOf('>', StringComparison.Ordinal)];
        using var notes = await client.GetAsync(target);
        var served = await notes.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            // A root-relative target: Asp.Versioning would write "//docs/..." (a host named docs) if handed "/docs/...".
            Assert.That(link, Is.EqualTo("</docs/versioning.md>; rel=\"deprecation\"; type=\"text/markdown\""));
            Assert.That(notes.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(notes.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/markdown"));
            Assert.That(served, Is.EqualTo(File.ReadAllText(RepositoryFiles.Path("docs", "versioning.md"))));
        });
    }

    /// <summary>Every operation of a served OpenAPI document, keyed <c>method path</c>.</summary>
    internal static async Task<Dictionary<string, JsonElement>> ApiDocumentOperationsAsync(HttpClient client, string version)
    {
        var document = await client.GetFromJsonAsync<JsonElement>($"/openapi/{version}.json");
        return document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => (Key: $"{operation.Name} {path.Name}", operation.Value)))
            .ToDictionary(operation => operation.Key, operation => operation.Value, StringComparer.Ordinal);
    }

    internal static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;

    internal static string[] Values(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? [.. values] : [];

    protected override EnterpriseApiFactory CreateFactory() => new(DatabaseUnderTest, new Dictionary<string, string?>
    {
        ["ApiVersioning:Deprecations:1:Date"] = "2026-12-01",
        ["ApiVersioning:Deprecations:1:Sunset"] = "2027-12-01T12:30:00Z",
        ["ApiVersioning:Deprecations:1:Link"] = MigrationNotes,
        ["ApiVersioning:Deprecations:1:LinkType"] = "text/html",
    });

    private static DateTimeOffset? ParseHttpDate(string? value) =>
        DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;

    private async Task<HttpResponseMessage> SendAsync(V1Response kind)
    {
        switch (kind)
        {
            case V1Response.Ok:
                return await Client.GetAsync("/api/v1/categories");
            case V1Response.NotFoundProblem:
                return await Client.GetAsync($"/api/v1/products/{Guid.NewGuid()}");
            case V1Response.ValidationProblem:
                return await Client.GetAsync("/api/v1/products?pageSize=0");
            case V1Response.UnreadableBodyProblem:
                return await Client.PostAsync("/api/v1/products", new StringContent("{", Encoding.UTF8, "application/json"));
            case V1Response.UnauthenticatedProblem:
                using (var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/categories") { Content = JsonContent.Create(new { name = UniqueName() }) })
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");
                    return await Client.SendAsync(request);
                }

            case V1Response.NotModified:
                var category = await CreateCategoryAsync();
                var product = await CreateProductAsync(category.GetProperty("id").GetGuid());
                using (var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/products/{product.GetProperty("id").GetGuid()}"))
                {
                    request.Headers.TryAddWithoutValidation("If-None-Match", "*");
                    return await Client.SendAsync(request);
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown response kind.");
        }
    }
}

/// <summary>With the deprecation withdrawn (every value emptied, as an environment layer would), v1 announces nothing.</summary>
[TestFixture(DatabaseUnderTest.Sqlite)]
public sealed class WithoutApiDeprecationTests(DatabaseUnderTest database) : ApiFixture(database)
{
    [TestCase("/api/v1/categories", HttpStatusCode.OK)]
    [TestCase("/api/v1/products?pageSize=0", HttpStatusCode.BadRequest)]
    public async Task V1_responses_carry_no_deprecation_headers(string path, HttpStatusCode status)
    {
        using var response = await Client.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(status));
        Assert.Multiple(() =>
        {
            foreach (var header in new[] { "Deprecation", "Sunset", "api-deprecated-versions" })
            {
                Assert.That(ApiDeprecationTests.Header(response, header), Is.Null, header);
            }

            // Lists still link their pages; only the deprecation and sunset links are gone.
            Assert.That(ApiDeprecationTests.Header(response, "Link") ?? string.Empty, Does.Not.Contain("rel=\"deprecation\"").And.Not.Contain("rel=\"sunset\""));

            Assert.That(ApiDeprecationTests.Header(response, "api-supported-versions")?.Split(", "), Does.Contain("1.0"));
        });
    }

    [Test]
    public async Task No_v1_operation_is_deprecated_and_the_document_says_nothing_of_it()
    {
        var operations = await ApiDeprecationTests.ApiDocumentOperationsAsync(Client, "v1");
        var document = await Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        Assert.Multiple(() =>
        {
            Assert.That(operations, Is.Not.Empty);
            Assert.That(operations.Values.Where(operation => operation.TryGetProperty("deprecated", out _)), Is.Empty);
            Assert.That(document.GetProperty("info").GetProperty("description").GetString(), Does.Not.Contain("Deprecated"));
        });
    }

    protected override EnterpriseApiFactory CreateFactory() => new(DatabaseUnderTest, new Dictionary<string, string?>
    {
        ["ApiVersioning:Deprecations:1:Date"] = string.Empty,
        ["ApiVersioning:Deprecations:1:Sunset"] = string.Empty,
        ["ApiVersioning:Deprecations:1:Link"] = string.Empty,
        ["ApiVersioning:Deprecations:1:LinkType"] = string.Empty,
    });
}
