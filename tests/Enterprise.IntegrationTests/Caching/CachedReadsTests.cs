using System.Net;
using System.Text.Json.Nodes;
using Enterprise.Application.Catalog.Products;
using Enterprise.IntegrationTests.Catalog;
using Enterprise.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Enterprise.IntegrationTests.Caching;

/// <summary>
/// Reads of a product by id come from the cache, yet every write through the API shows in the very next read, with its
/// new entity tag; concurrent misses of one product wait for a single database query.
/// </summary>
[TestFixtureSource(typeof(DatabasesUnderTest), nameof(DatabasesUnderTest.All))]
public sealed class CachedReadsTests(DatabaseUnderTest database) : CatalogFixture(database)
{
    private const string MergePatch = "application/merge-patch+json";

    private readonly DatabaseCommandCounter _productQueries = new("Products");

    public enum ProductWrite
    {
        PutV1,
        PatchV2,
        StockAdjustment,
        Delete,
    }

    protected override EnterpriseApiFactory CreateFactory() =>
        new(DatabaseUnderTest) { TestServices = services => services.AddSingleton<IInterceptor>(_productQueries) };

    [TestCase(ProductWrite.PutV1)]
    [TestCase(ProductWrite.PatchV2)]
    [TestCase(ProductWrite.StockAdjustment)]
    [TestCase(ProductWrite.Delete)]
    public async Task A_read_after_a_write_shows_the_written_product_with_its_new_entity_tag(ProductWrite write)
    {
        var categoryId = await NewCategoryIdAsync();
        var id = IdOf(await CreateProductAsync(categoryId, stockQuantity: 5));
        using var firstRead = await Client.GetAsync(V2Path(id));
        var cachedTag = EntityTagOf(firstRead);
        var queriesBefore = _productQueries.Queries;
        using var cachedRead = await Client.GetAsync(V2Path(id));
        Assert.Multiple(() =>
        {
            Assert.That(cachedRead.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(_productQueries.Queries, Is.EqualTo(queriesBefore), "the second read came from the cache");
        });

        var newName = UniqueName("Renamed");
        using var written = await WriteAsync(write, id, categoryId, cachedTag!, newName);
        var writtenTag = EntityTagOf(written);
        using var v1Read = await Client.GetAsync(ProductPath(id));
        using var v2Read = await Client.GetAsync(V2Path(id));

        Assert.That(written.IsSuccessStatusCode, Is.True, await written.Content.ReadAsStringAsync());
        Assert.That(writtenTag, Is.Not.Null.And.Not.EqualTo(cachedTag));
        if (write == ProductWrite.Delete)
        {
            await v1Read.AssertProblemAsync(HttpStatusCode.NotFound);
            await v2Read.AssertProblemAsync(HttpStatusCode.NotFound);
            return;
        }

        var v1Body = await v1Read.ReadJsonAsync();
        var v2Body = await v2Read.ReadJsonAsync();
        Assert.Multiple(() =>
        {
            Assert.That(EntityTagOf(v1Read), Is.EqualTo(writtenTag));
            Assert.That(EntityTagOf(v2Read), Is.EqualTo(writtenTag));
            var (member, expected) = write == ProductWrite.StockAdjustment ? ("stockQuantity", "8") : ("name", newName);
            Assert.That(v1Body.GetProperty(member).ToString(), Is.EqualTo(expected));
            Assert.That(v2Body.GetProperty(member).ToString(), Is.EqualTo(expected));
        });
    }

    [Test]
    public async Task A_failed_write_leaves_the_cached_product_as_it_was()
    {
        var id = IdOf(await CreateProductAsync(await NewCategoryIdAsync(), stockQuantity: 1));
        using var cached = await Client.GetAsync(V2Path(id));

        using var refused = await SendWithHeaderAsync(
            HttpMethod.Post, $"{V2Path(id)}/stock-adjustments", "If-Match", EntityTagOf(cached)!, StockAdjustmentBody(-2).ToJsonString());
        using var read = await Client.GetAsync(V2Path(id));

        await refused.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Multiple(async () =>
        {
            Assert.That(EntityTagOf(read), Is.EqualTo(EntityTagOf(cached)));
            Assert.That((await read.ReadJsonAsync()).GetProperty("stockQuantity").GetInt32(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_read_from_the_cache_writes_the_same_two_log_events_as_any_read_and_nothing_from_the_cache_library()
    {
        var id = IdOf(await CreateProductAsync(await NewCategoryIdAsync()));
        using var miss = await Client.GetAsync(V2Path(id));
        var correlationId = $"cached-{Guid.NewGuid():N}";
        using var request = new HttpRequestMessage(HttpMethod.Get, V2Path(id));
        request.Headers.Add("X-Correlation-Id", correlationId);
        var queriesBefore = _productQueries.Queries;

        using var hit = await Client.SendAsync(request);

        Assert.That(hit.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(_productQueries.Queries, Is.EqualTo(queriesBefore), "the read came from the cache");
        Assert.That(
            Factory.Logs.ForCorrelationId(correlationId).Select(logEvent => logEvent.MessageTemplate.Text),
            Is.EquivalentTo(new[] { "Handled {MessageName} in {ElapsedMs:0.0} ms", "HTTP {RequestMethod} {RouteTemplate} responded {StatusCode} in {Elapsed:0.0} ms" }));
    }

    [Test]
    public async Task A_not_found_answer_is_never_cached()
    {
        var unknownId = Guid.NewGuid();
        using var first = await Client.GetAsync(V2Path(unknownId));
        var queriesBefore = _productQueries.Queries;
        using var second = await Client.GetAsync(V2Path(unknownId));

        await first.AssertProblemAsync(HttpStatusCode.NotFound);
        await second.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.That(_productQueries.Queries, Is.EqualTo(queriesBefore + 1), "the second read asked the database again");
    }

    [Test]
    public async Task A_deleted_category_is_not_found_although_it_was_cached()
    {
        var categoryId = await NewCategoryIdAsync();
        using var cached = await Client.GetAsync(CategoryPath(categoryId));
        Assert.That(cached.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        using var deleted = await Client.DeleteAsync(CategoryPath(categoryId));
        using var read = await Client.GetAsync(CategoryPath(categoryId));

        Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await read.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task A_hundred_concurrent_reads_of_an_uncached_product_make_one_database_query()
    {
        const int Readers = 100;
        var id = IdOf(await CreateProductAsync(await NewCategoryIdAsync()));
        using var metrics = new CacheMetricsRecorder(Factory.Services, nameof(GetProductQuery));
        _productQueries.Reset();
        // Held back long enough for every reader to arrive while the first one's query is still running.
        _productQueries.QueryDelay = TimeSpan.FromMilliseconds(500);
        HttpResponseMessage[] responses;
        try
        {
            responses = await Task.WhenAll(Enumerable.Range(0, Readers).Select(_ => Client.GetAsync(ProductPath(id))));
        }
        finally
        {
            _productQueries.QueryDelay = TimeSpan.Zero;
        }

        var names = new HashSet<string?>();
        foreach (var response in responses)
        {
            using (response)
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                names.Add((await response.ReadJsonAsync()).GetProperty("name").GetString());
            }
        }

        TestContext.Out.WriteLine($"{Readers} concurrent reads of one uncached product: {_productQueries.Queries} database query, {metrics.Misses} miss, {metrics.Hits} hits.");
        Assert.Multiple(() =>
        {
            Assert.That(_productQueries.Queries, Is.EqualTo(1));
            Assert.That(names, Has.Count.EqualTo(1));
            Assert.That(metrics.Misses, Is.EqualTo(1));
            Assert.That(metrics.Hits, Is.EqualTo(Readers - 1));
        });
    }

    private static string V2Path(Guid id) => $"{V2ProductsPath}/{id}";

    private async Task<HttpResponseMessage> WriteAsync(ProductWrite write, Guid id, Guid categoryId, string entityTag, string newName) => write switch
    {
        ProductWrite.PutV1 => await SendWithHeaderAsync(
            HttpMethod.Put, ProductPath(id), "If-Match", entityTag, ProductBody(categoryId, name: newName).ToJsonString()),
        ProductWrite.PatchV2 => await SendWithHeaderAsync(
            HttpMethod.Patch, V2Path(id), "If-Match", entityTag, new JsonObject { ["name"] = newName }.ToJsonString(), MergePatch),
        ProductWrite.StockAdjustment => await SendWithHeaderAsync(
            HttpMethod.Post, $"{V2Path(id)}/stock-adjustments", "If-Match", entityTag, StockAdjustmentBody(3).ToJsonString()),
        _ => await SendWithHeaderAsync(HttpMethod.Delete, V2Path(id), "If-Match", entityTag),
    };
}
