using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Enterprise.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Enterprise.IntegrationTests.Caching;

/// <summary>
/// Two instances of the API on one database and one real Redis server: a write on either one is seen by the other
/// within a second, although both serve reads from their own memory.
/// </summary>
[TestFixtureSource(typeof(DatabasesUnderTest), nameof(DatabasesUnderTest.All))]
public sealed class SharedCacheTests(DatabaseUnderTest database)
{
    private static readonly TimeSpan PropagationLimit = TimeSpan.FromSeconds(1);

    [Test]
    public async Task An_instance_sees_a_write_made_on_another_instance_within_a_second()
    {
        var settings = new Dictionary<string, string?> { ["Redis:ConnectionString"] = TestServers.RequireRedis() };
        // Both instances own the database: each drops it when disposed, which is harmless the second time.
        var sharedDatabase = TestDatabase.Create(database);
        var firstQueries = new DatabaseCommandCounter("Products");
        var secondQueries = new DatabaseCommandCounter("Products");
        using var firstInstance = InstanceOn(sharedDatabase, settings, firstQueries);
        using var secondInstance = InstanceOn(sharedDatabase, settings, secondQueries);
        using var first = ClientOf(firstInstance);
        using var second = ClientOf(secondInstance);
        var productPath = await CreateProductAsync(first);

        var towardsSecond = await MeasurePropagationAsync(first, second, secondQueries, productPath, $"{productPath}/stock-adjustments");
        var towardsFirst = await MeasurePropagationAsync(second, first, firstQueries, productPath, $"{productPath}/stock-adjustments");

        TestContext.Out.WriteLine($"{database}: a write on one instance was visible on the other after {towardsSecond.TotalMilliseconds:0.0} ms and {towardsFirst.TotalMilliseconds:0.0} ms.");
        Assert.Multiple(() =>
        {
            Assert.That(towardsSecond, Is.LessThan(PropagationLimit));
            Assert.That(towardsFirst, Is.LessThan(PropagationLimit));
        });
    }

    /// <summary>
    /// Caches the product on <paramref name="reader"/>, adds one unit of stock through <paramref name="writer"/>, and polls
    /// the reader until it shows the new stock and entity tag: the time from the write's response to that read.
    /// </summary>
    private static async Task<TimeSpan> MeasurePropagationAsync(
        HttpClient writer, HttpClient reader, DatabaseCommandCounter readerQueries, string productPath, string stockPath)
    {
        var (stockBefore, _) = await ReadAsync(reader);
        var queriesBefore = readerQueries.Queries;
        var (cachedStock, cachedTag) = await ReadAsync(reader);
        Assert.Multiple(() =>
        {
            Assert.That(cachedStock, Is.EqualTo(stockBefore));
            Assert.That(readerQueries.Queries, Is.EqualTo(queriesBefore), "the reader serves the product from its cache before the write");
        });

        using var written = await writer.PostAsJsonAsync(stockPath, new { quantity = 1, reason = "Propagation test" });
        var writtenAt = Stopwatch.GetTimestamp();
        Assert.That(written.StatusCode, Is.EqualTo(HttpStatusCode.OK), await written.Content.ReadAsStringAsync());
        var writtenTag = written.Headers.ETag?.Tag;
        Assert.That(writtenTag, Is.Not.EqualTo(cachedTag));

        var deadline = writtenAt + (long)(Stopwatch.Frequency * 5 * PropagationLimit.TotalSeconds);
        while (true)
        {
            var (stock, tag) = await ReadAsync(reader);
            if (stock == stockBefore + 1 && tag == writtenTag)
            {
                return Stopwatch.GetElapsedTime(writtenAt);
            }

            Assert.That(Stopwatch.GetTimestamp(), Is.LessThan(deadline), $"the reader still shows stock {stock} with {tag}");
            await Task.Delay(5);
        }

        async Task<(int Stock, string? Tag)> ReadAsync(HttpClient client)
        {
            using var response = await client.GetAsync(productPath);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            return (body.GetProperty("stockQuantity").GetInt32(), response.Headers.ETag?.Tag);
        }
    }

    private static EnterpriseApiFactory InstanceOn(TestDatabase sharedDatabase, Dictionary<string, string?> settings, DatabaseCommandCounter queries) =>
        new(sharedDatabase, settings) { TestServices = services => services.AddSingleton<IInterceptor>(queries) };

    private static HttpClient ClientOf(EnterpriseApiFactory instance)
    {
        var client = instance.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Administrator);
        return client;
    }

    private static async Task<string> CreateProductAsync(HttpClient client)
    {
        using var category = await client.PostAsJsonAsync("/api/v1/categories", new { name = $"Shared cache {Guid.NewGuid():N}" });
        var categoryId = (await category.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var product = await client.PostAsJsonAsync("/api/v1/products", new
        {
            sku = $"SC-{Guid.NewGuid().ToString("N")[..10].ToUpperInvariant()}",
            name = $"Shared cache {Guid.NewGuid():N}",
            description = "Read on one instance, written on the other",
            price = 10m,
            currency = "EUR",
            stockQuantity = 5,
            categoryId,
        });
        Assert.That(product.StatusCode, Is.EqualTo(HttpStatusCode.Created), await product.Content.ReadAsStringAsync());
        return product.Headers.Location!.AbsolutePath;
    }
}
