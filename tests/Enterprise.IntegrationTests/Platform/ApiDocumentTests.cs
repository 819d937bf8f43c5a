using System.Net;
using System.Text.Json;
using Enterprise.IntegrationTests.Infrastructure;
using Enterprise.WebApi.OpenApi;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.Extensions.DependencyInjection;

namespace Enterprise.IntegrationTests.Platform;

[CoversEndpoint("GET", "openapi/{documentName}.json")]
[CoversEndpoint("GET", "scalar/{documentName?}")]
[CoversEndpoint("GET", "scalar/scalar.js")]
[CoversEndpoint("GET", "scalar/scalar.aspnetcore.js")]
[CoversEndpoint("GET", "scalar/favicon.svg")]
[TestFixtureSource(typeof(DatabasesUnderTest), nameof(DatabasesUnderTest.All))]
public sealed class ApiDocumentTests(DatabaseUnderTest database) : ApiFixture(database)
{
    private JsonElement _document;

    [OneTimeSetUp]
    public async Task ReadDocument()
    {
        using var response = await Client.GetAsync("/openapi/v1.json");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        _document = await response.ReadJsonAsync();
    }

    [Test]
    public void The_v1_document_describes_every_v1_operation_the_application_exposes()
    {
        var explorer = Factory.Services.GetRequiredService<IApiDescriptionGroupCollectionProvider>();
        var exposed = explorer.ApiDescriptionGroups.Items
            .Where(group => group.GroupName == "v1")
            .SelectMany(group => group.Items)
            .Select(api => $"{api.HttpMethod!.ToLowerInvariant()} /{api.RelativePath}")
            .ToHashSet();

        var documented = _document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => $"{operation.Name} {path.Name}"))
            .ToHashSet();

        Assert.That(exposed, Has.Count.EqualTo(10));
        Assert.That(documented, Is.EquivalentTo(exposed.Select(NormaliseRouteConstraints)));
    }

    [TestCase("/api/v1/products", "get", "200,400,401,429,500,503,504")]
    [TestCase("/api/v1/products", "post", "201,400,401,403,409,413,415,422,429,500,503,504")]
    [TestCase("/api/v1/products/{id}", "get", "200,304,401,404,429,500,503,504")]
    [TestCase("/api/v1/products/{id}", "put", "200,400,401,403,404,409,412,413,415,429,500,503,504")]
    [TestCase("/api/v1/products/{id}", "delete", "204,401,403,404,409,412,429,500,503,504")]
    [TestCase("/api/v1/products/{id}/stock-adjustments", "post", "200,400,401,403,404,409,412,413,415,422,429,500,503,504")]
    [TestCase("/api/v1/categories", "get", "200,400,401,429,500,503,504")]
    [TestCase("/api/v1/categories", "post", "201,400,401,403,409,413,415,422,429,500,503,504")]
    [TestCase("/api/v1/categories/{id}", "get", "200,401,404,429,500,503,504")]
    [TestCase("/api/v1/categories/{id}", "delete", "204,401,403,404,409,429,500,503,504")]
    public void Each_operation_documents_its_success_and_every_error_status_as_problem_json(string path, string method, string statuses)
    {
        var responses = _document.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses");
        var documented = responses.EnumerateObject().Select(response => response.Name).ToArray();

        Assert.That(documented, Is.EquivalentTo(statuses.Split(',')));
        foreach (var error in documented.Where(status => status[0] is '4' or '5'))
        {
            Assert.That(responses.GetProperty(error).GetProperty("content").TryGetProperty("application/problem+json", out _), Is.True, $"{method} {path} {error}");
        }
    }

    [TestCase("/api/v1/products", "post", "ProductWriteRequest")]
    [TestCase("/api/v1/products/{id}", "put", "ProductWriteRequest")]
    [TestCase("/api/v1/products/{id}/stock-adjustments", "post", "StockAdjustmentRequest")]
    [TestCase("/api/v1/categories", "post", "CategoryCreateRequest")]
    public void Write_operations_document_their_request_body_schema(string path, string method, string schema)
    {
        var reference = _document.GetProperty("paths").GetProperty(path).GetProperty(method)
            .GetProperty("requestBody").GetProperty("content").GetProperty("application/json")
            .GetProperty("schema").GetProperty("$ref").GetString();

        Assert.That(reference, Is.EqualTo($"#/components/schemas/{schema}"));
        Assert.That(_document.GetProperty("components").GetProperty("schemas").TryGetProperty(schema, out _), Is.True);
    }

    [Test]
    public void The_product_schema_is_the_v1_contract()
    {
        var properties = _document.GetProperty("components").GetProperty("schemas").GetProperty("ProductResponse")
            .GetProperty("properties").EnumerateObject().Select(property => property.Name);

        Assert.That(properties, Is.EquivalentTo(new[]
        {
            "id", "sku", "name", "description", "price", "currency", "stockQuantity", "categoryId", "status", "createdAt", "updatedAt",
        }));
    }

    [Test]
    public void Schemas_describe_the_wire_format_enums_as_strings_and_numbers_as_numbers()
    {
        var schemas = _document.GetProperty("components").GetProperty("schemas");
        var price = schemas.GetProperty("ProductWriteRequest").GetProperty("properties").GetProperty("price");
        var status = schemas.GetProperty("ProductStatus");

        Assert.Multiple(() =>
        {
            Assert.That(price.GetProperty("type").GetRawText(), Is.EqualTo("\"number\""));
            Assert.That(status.GetProperty("enum").EnumerateArray().Select(value => value.GetString()), Is.EqualTo(new[] { "active", "archived" }));
        });
    }

    [Test]
    public async Task The_reference_UI_is_served_and_points_at_the_v1_document()
    {
        using var response = await Client.GetAsync("/scalar/v1");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
            Assert.That(html, Does.Contain("openapi/v1.json"));
        });
    }

    [Test]
    public async Task The_reference_UI_lists_the_document_of_every_version()
    {
        var html = await Client.GetStringAsync("/scalar/");

        Assert.That(ApiDocuments.Versions, Is.EquivalentTo(new[] { "v1", "v2" }));
        Assert.That(ApiDocuments.Versions.Where(version => !html.Contains($"openapi/{version}.json", StringComparison.Ordinal)), Is.Empty, "versions missing from the UI");
    }

    [TestCase("/scalar/scalar.js", "text/javascript")]
    [TestCase("/scalar/scalar.aspnetcore.js", "text/javascript")]
    [TestCase("/scalar/favicon.svg", "image/svg+xml")]
    public async Task The_reference_UI_serves_its_own_assets_without_any_external_host(string path, string mediaType)
    {
        using var response = await Client.GetAsync(path);
        var content = await response.Content.ReadAsByteArrayAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(mediaType));
            Assert.That(content, Is.Not.Empty);
        });
    }

    private static string NormaliseRouteConstraints(string operation) => operation.Replace("{id:guid}", "{id}", StringComparison.Ordinal);
}
