using System.Net;
using System.Net.Http.Json;
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

    [TestCase("v1", "/api/v1/products/{id}", "put", false)]
    [TestCase("v1", "/api/v1/products/{id}", "delete", false)]
    [TestCase("v1", "/api/v1/products/{id}/stock-adjustments", "post", false)]
    [TestCase("v2", "/api/v2/products/{id}", "put", true)]
    [TestCase("v2", "/api/v2/products/{id}", "patch", true)]
    [TestCase("v2", "/api/v2/products/{id}", "delete", true)]
    [TestCase("v2", "/api/v2/products/{id}/stock-adjustments", "post", true)]
    public async Task Conditional_writes_document_If_Match_with_412_and_428_where_it_is_required(string version, string path, string method, bool required)
    {
        using var response = await Client.GetAsync($"/openapi/{version}.json");
        var operation = (await response.ReadJsonAsync()).GetProperty("paths").GetProperty(path).GetProperty(method);

        var ifMatch = operation.GetProperty("parameters").EnumerateArray()
            .Single(parameter => parameter.GetProperty("name").GetString() == "If-Match" && parameter.GetProperty("in").GetString() == "header");
        var responses = operation.GetProperty("responses");
        Assert.Multiple(() =>
        {
            Assert.That(ifMatch.TryGetProperty("required", out var isRequired) && isRequired.GetBoolean(), Is.EqualTo(required), "If-Match required");
            Assert.That(responses.TryGetProperty("412", out _), Is.True, "412 documented");
            Assert.That(responses.TryGetProperty("428", out _), Is.EqualTo(required), "428 documented");
        });
    }

    [Test]
    public async Task Every_operation_of_every_served_document_has_a_summary()
    {
        var withoutSummary = new List<string>();
        foreach (var version in ApiDocuments.Versions)
        {
            using var response = await Client.GetAsync($"/openapi/{version}.json");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), version);
            var document = await response.ReadJsonAsync();
            withoutSummary.AddRange(
                from path in document.GetProperty("paths").EnumerateObject()
                from operation in path.Value.EnumerateObject()
                where OperationMethods.Contains(operation.Name)
                where !operation.Value.TryGetProperty("summary", out var summary) || string.IsNullOrWhiteSpace(summary.GetString())
                select $"{version}: {operation.Name} {path.Name}");
        }

        Assert.That(withoutSummary, Is.Empty, "operations the reference page would show by path only");
    }

    [Test]
    public async Task The_reference_UI_opens_on_the_newest_version_with_the_bearer_scheme_chosen()
    {
        var configuration = ReferenceConfiguration(await Client.GetStringAsync("/scalar/"));

        var sources = configuration.GetProperty("sources").EnumerateArray().ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(sources.Select(source => source.GetProperty("url").GetString()), Is.EqualTo(new[] { "openapi/v2.json", "openapi/v1.json" }));
            Assert.That(sources.Select(source => source.TryGetProperty("default", out var isDefault) && isDefault.GetBoolean()), Is.EqualTo(new[] { true, false }));
            Assert.That(
                configuration.GetProperty("authentication").GetProperty("preferredSecurityScheme").EnumerateArray().Select(scheme => scheme.GetString()),
                Is.EqualTo(new[] { ApiDocuments.BearerScheme }));
        });
        Assert.That(_document.GetProperty("components").GetProperty("securitySchemes").TryGetProperty(ApiDocuments.BearerScheme, out _), Is.True, "the preselected scheme is one the documents define");
    }

    [TestCase("/api/v2/orders", "get", "Orders_List", "Bearer")]
    [TestCase("/api/v2/orders", "post", "Orders_Place", "Bearer")]
    [TestCase("/api/v2/products", "get", "Products_List", "anonymous, Bearer")]
    [TestCase("/api/v2/products/{id}", "patch", "Products_Patch", "Bearer")]
    [TestCase("/api/v2/categories", "get", "Categories_ListByCursor", "anonymous, Bearer")]
    [TestCase("/api/v2/categories/{id}", "delete", "Categories_Delete", "Bearer")]
    public async Task Each_operation_is_named_after_its_action_and_says_whether_it_needs_the_bearer_token(
        string path, string method, string operationId, string security)
    {
        var document = await Client.GetFromJsonAsync<JsonElement>("/openapi/v2.json");
        var operation = document.GetProperty("paths").GetProperty(path).GetProperty(method);

        Assert.Multiple(() =>
        {
            Assert.That(operation.GetProperty("operationId").GetString(), Is.EqualTo(operationId));
            Assert.That(SecurityRequirements(operation), Is.EqualTo(security));
        });
    }

    /// <summary>An operation's alternative security requirements, <c>anonymous</c> for the empty one: <c>anonymous, Bearer</c>.</summary>
    internal static string SecurityRequirements(JsonElement operation) => string.Join(
        ", ",
        operation.GetProperty("security").EnumerateArray()
            .Select(requirement => string.Join(" + ", requirement.EnumerateObject().Select(scheme => scheme.Name).DefaultIfEmpty("anonymous"))));

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

    private static readonly HashSet<string> OperationMethods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    /// <summary>The configuration the page hands to Scalar's <c>initialize</c>, as the browser receives it.</summary>
    private static JsonElement ReferenceConfiguration(string html)
    {
        var start = html.IndexOf("initialize(", StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), html);
        var json = html[(html.IndexOf('{', start))..(html.LastIndexOf('}') + 1)];
        return JsonDocument.Parse(json).RootElement.Clone();
    }

    private static string NormaliseRouteConstraints(string operation) => operation.Replace("{id:guid}", "{id}", StringComparison.Ordinal);
}
