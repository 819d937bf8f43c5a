using Enterprise.IntegrationTests.Infrastructure;
using static Enterprise.IntegrationTests.Catalog.CatalogAssertions;

namespace Enterprise.IntegrationTests.Catalog;

/// <summary>What every Catalog endpoint shares: ids in the route are GUIDs, and versions are reported.</summary>
[TestFixtureSource(typeof(DatabasesUnderTest), nameof(DatabasesUnderTest.All))]
public sealed class CatalogRoutingTests(DatabaseUnderTest database) : CatalogFixture(database)
{
    [TestCase("GET", "/api/v1/products/not-a-guid")]
    [TestCase("PUT", "/api/v1/products/not-a-guid")]
    [TestCase("DELETE", "/api/v1/products/42")]
    [TestCase("POST", "/api/v1/products/not-a-guid/stock-adjustments")]
    [TestCase("GET", "/api/v1/categories/not-a-guid")]
    [TestCase("DELETE", "/api/v1/categories/{00000000-0000-0000-0000-00000000000}")]
    [CoversEndpoint("GET", "api/v{version:apiVersion}/products/{id:guid}")]
    [CoversEndpoint("PUT", "api/v{version:apiVersion}/products/{id:guid}")]
    [CoversEndpoint("DELETE", "api/v{version:apiVersion}/products/{id:guid}")]
    [CoversEndpoint("POST", "api/v{version:apiVersion}/products/{id:guid}/stock-adjustments")]
    [CoversEndpoint("GET", "api/v{version:apiVersion}/categories/{id:guid}")]
    [CoversEndpoint("DELETE", "api/v{version:apiVersion}/categories/{id:guid}")]
    public async Task An_id_that_is_not_a_GUID_is_404_problem_json(string method, string path)
    {
        var body = method is "PUT" or "POST" ? "{}" : null;

        using var response = await SendAsync(new HttpMethod(method), path, body);

        await response.AssertRouteNotFoundAsync();
    }

    [TestCase("POST", "/api/v1/products", "{")]
    [TestCase("POST", "/api/v1/categories", "{\"name\":\"x\",\"slug\":\"x\"}")]
    [TestCase("GET", "/api/v1/products?page=abc", null)]
    [TestCase("GET", "/api/v1/categories?pageSize=x", null)]
    [CoversEndpoint("POST", "api/v{version:apiVersion}/products")]
    [CoversEndpoint("POST", "api/v{version:apiVersion}/categories")]
    [CoversEndpoint("GET", "api/v{version:apiVersion}/products")]
    [CoversEndpoint("GET", "api/v{version:apiVersion}/categories")]
    public async Task A_request_rejected_before_the_action_still_reports_the_supported_api_versions(string method, string path, string? body)
    {
        using var response = await SendAsync(new HttpMethod(method), path, body);

        await response.AssertUnreadableRequestAsync();
        Assert.That(SupportedVersionsOf(response), Is.EqualTo(SupportedVersions));
    }

    [TestCase("/api/v1/products")]
    [TestCase("/api/v1/categories")]
    [CoversEndpoint("POST", "api/v{version:apiVersion}/products")]
    [CoversEndpoint("POST", "api/v{version:apiVersion}/categories")]
    public async Task An_unsupported_media_type_still_reports_the_supported_api_versions(string path)
    {
        using var response = await SendAsync(HttpMethod.Post, path, "{}", "text/plain");

        await response.AssertUnsupportedMediaTypeAsync();
        Assert.That(SupportedVersionsOf(response), Is.EqualTo(SupportedVersions));
    }
}
