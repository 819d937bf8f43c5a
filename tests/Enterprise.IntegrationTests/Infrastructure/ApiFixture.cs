using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Enterprise.WebApi;

namespace Enterprise.IntegrationTests.Infrastructure;

/// <summary>
/// Base for integration fixtures: one application host and database per fixture, created once;
/// tests in a fixture share it, so each test makes its own data (unique SKUs and names) and
/// asserts on that data only. A fixture runs once per <see cref="DatabaseUnderTest"/> it is given
/// (<c>[TestFixtureSource(typeof(DatabasesUnderTest), nameof(DatabasesUnderTest.All))]</c>).
/// </summary>
public abstract class ApiFixture(DatabaseUnderTest database)
{
    public static readonly JsonSerializerOptions Json = CreateJsonOptions();

    protected DatabaseUnderTest DatabaseUnderTest { get; } = database;

    protected EnterpriseApiFactory Factory { get; private set; } = null!;

    protected HttpClient Client { get; private set; } = null!;

    [OneTimeSetUp]
    public void StartApplication()
    {
        Factory = CreateFactory();
        Client = Factory.CreateClient();
        // Most tests are about the catalog, not about who may call it: their client may do everything.
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Administrator);
    }

    [OneTimeTearDown]
    public void StopApplication()
    {
        // Null when the fixture was skipped before its host started (no server for its database).
        Client?.Dispose();
        Factory?.Dispose();
    }

    /// <summary>Override to start the application with different settings.</summary>
    protected virtual EnterpriseApiFactory CreateFactory() => new(DatabaseUnderTest);

    protected static string UniqueSku(string prefix = "T") => $"{prefix}-{Guid.NewGuid().ToString("N")[..12].ToUpperInvariant()}";

    protected static string UniqueName(string prefix = "Test") => $"{prefix} {Guid.NewGuid():N}";

    protected async Task<JsonElement> CreateCategoryAsync(string? name = null)
    {
        using var response = await Client.PostAsJsonAsync("/api/v1/categories", new { name = name ?? UniqueName("Category") });
        Assert.That(response.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>(Json);
    }

    protected async Task<JsonElement> CreateProductAsync(Guid categoryId, string? sku = null, decimal price = 10m, int stockQuantity = 5, string? name = null)
    {
        var body = new
        {
            sku = sku ?? UniqueSku(),
            name = name ?? UniqueName("Product"),
            description = "Created by a test",
            price,
            currency = "EUR",
            stockQuantity,
            categoryId,
        };
        using var response = await Client.PostAsJsonAsync("/api/v1/products", body);
        Assert.That(response.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>(Json);
    }

    private static JsonSerializerOptions CreateJsonOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        DependencyInjection.ConfigureJson(options);
        return options;
    }
}
