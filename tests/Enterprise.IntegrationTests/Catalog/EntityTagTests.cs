using System.Net;
using System.Text;
using Enterprise.Domain.Catalog;
using Enterprise.IntegrationTests.Infrastructure;

namespace Enterprise.IntegrationTests.Catalog;

/// <summary>
/// Concurrency on the wire, v1: a product's <c>ETag</c> is its version in quotes; <c>If-None-Match</c> gives 304;
/// writes honour <c>If-Match</c> (412 when it names another version, nothing written) but do not require it.
/// </summary>
[CoversEndpoint("GET", ProductRoute)]
[CoversEndpoint("POST", ProductsRoute)]
[CoversEndpoint("PUT", ProductRoute)]
[CoversEndpoint("DELETE", ProductRoute)]
[CoversEndpoint("POST", StockAdjustmentsRoute)]
[TestFixtureSource(typeof(DatabasesUnderTest), nameof(DatabasesUnderTest.All))]
public sealed class EntityTagTests(DatabaseUnderTest database) : CatalogFixture(database)
{
    private const string ProductsRoute = "api/v{version:apiVersion}/products";
    private const string ProductRoute = "api/v{version:apiVersion}/products/{id:guid}";
    private const string StockAdjustmentsRoute = "api/v{version:apiVersion}/products/{id:guid}/stock-adjustments";

    public enum ProductWrite
    {
        Replace,
        Archive,
        AdjustStock,
    }

    [Test]
    public async Task A_created_product_has_the_tag_of_its_first_version()
    {
        using var response = await SendJsonAsync(HttpMethod.Post, ProductsPath, ProductBody(await NewCategoryIdAsync()));

        var created = await response.AssertJsonAsync(HttpStatusCode.Created);
        var row = await ProductRowAsync(IdOf(created));
        Assert.Multiple(() =>
        {
            Assert.That(EntityTagOf(response), Is.EqualTo("\"1\""));
            Assert.That(row!.Version, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Get_returns_a_strong_tag_made_of_the_stored_version()
    {
        var id = await ProductChangedOnceAsync();

        using var response = await Client.GetAsync(ProductPath(id));

        await response.AssertJsonAsync(HttpStatusCode.OK);
        var row = await ProductRowAsync(id);
        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.ETag?.IsWeak, Is.False);
            Assert.That(EntityTagOf(response), Is.EqualTo($"\"{row!.Version}\"").And.EqualTo("\"2\""));
        });
    }

    [TestCase("\"2\"", TestName = "If-None-Match with the current tag is 304 without a body")]
    [TestCase("*", TestName = "If-None-Match * is 304 without a body")]
    [TestCase("W/\"2\"", TestName = "If-None-Match with the weak form of the current tag is 304 (weak comparison)")]
    [TestCase("\"1\", \"2\"", TestName = "If-None-Match with a list holding the current tag is 304 without a body")]
    public async Task If_none_match_with_the_current_tag_is_304_without_a_body(string ifNoneMatch)
    {
        var id = await ProductChangedOnceAsync();

        using var response = await SendWithHeaderAsync(HttpMethod.Get, ProductPath(id), "If-None-Match", ifNoneMatch);

        var body = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotModified), body);
            Assert.That(body, Is.Empty);
            Assert.That(EntityTagOf(response), Is.EqualTo("\"2\""));
        });
    }

    [TestCase("\"1\"", TestName = "If-None-Match with a stale tag is 200 with the product and its current tag")]
    [TestCase("\"made-up\"", TestName = "If-None-Match with a tag the product never had is 200 with the product")]
    public async Task If_none_match_with_another_tag_is_200_with_the_product(string ifNoneMatch)
    {
        var id = await ProductChangedOnceAsync();

        using var response = await SendWithHeaderAsync(HttpMethod.Get, ProductPath(id), "If-None-Match", ifNoneMatch);

        var product = await response.AssertJsonAsync(HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(IdOf(product), Is.EqualTo(id));
            Assert.That(EntityTagOf(response), Is.EqualTo("\"2\""));
        });
    }

    [Test]
    public async Task A_write_with_the_current_tag_succeeds_and_returns_the_next_tag(
        [Values] ProductWrite write,
        [Values("\"2\"", "\"1\", \"2\"")] string ifMatch)
    {
        var id = await ProductChangedOnceAsync();

        using var response = await SendWriteAsync(write, id, ifMatch);

        await AssertWrittenAsync(write, response, id, expectedVersion: 3);
    }

    [Test]
    public async Task A_write_with_if_match_star_succeeds_on_any_version([Values] ProductWrite write)
    {
        var id = await ProductChangedOnceAsync();

        using var response = await SendWriteAsync(write, id, "*");

        await AssertWrittenAsync(write, response, id, expectedVersion: 3);
    }

    [Test]
    public async Task A_write_without_if_match_is_unconditional_in_v1([Values] ProductWrite write)
    {
        var id = await ProductChangedOnceAsync();

        using var response = await SendWriteAsync(write, id, ifMatch: null);

        await AssertWrittenAsync(write, response, id, expectedVersion: 3);
    }

    [Test]
    public async Task A_write_with_a_tag_the_product_no_longer_has_is_412_and_writes_nothing(
        [Values] ProductWrite write,
        [Values("\"1\"", "\"3\"", "W/\"2\"", "\"02\"", "\"made-up\"", "2", "\"1\", \"3\"")] string ifMatch)
    {
        var id = await ProductChangedOnceAsync();
        var before = await ProductRowAsync(id);

        using var response = await SendWriteAsync(write, id, ifMatch);

        var problem = await response.AssertApiProblemAsync(HttpStatusCode.PreconditionFailed, "Precondition.Failed");
        var after = await ProductRowAsync(id);
        Assert.Multiple(() =>
        {
            Assert.That(problem.GetProperty("status").GetInt32(), Is.EqualTo(412));
            Assert.That(after, Is.EqualTo(before), "the stored product is unchanged");
        });
    }

    [Test]
    public async Task A_conditional_write_on_an_unknown_product_is_still_404([Values] ProductWrite write)
    {
        var unknown = Guid.NewGuid();

        using var response = await SendWriteAsync(write, unknown, "\"1\"");

        await response.AssertApiProblemAsync(HttpStatusCode.NotFound, "Product.NotFound");
    }

    [Test]
    public async Task The_tag_returned_by_a_write_is_the_one_the_next_conditional_write_needs()
    {
        var id = IdOf(await CreateProductAsync(await NewCategoryIdAsync(), stockQuantity: 5));

        using var first = await SendWriteAsync(ProductWrite.AdjustStock, id, "\"1\"");
        await first.AssertJsonAsync(HttpStatusCode.OK);
        using var stale = await SendWriteAsync(ProductWrite.AdjustStock, id, "\"1\"");
        await stale.AssertApiProblemAsync(HttpStatusCode.PreconditionFailed, "Precondition.Failed");
        using var second = await SendWriteAsync(ProductWrite.AdjustStock, id, EntityTagOf(first));
        await second.AssertJsonAsync(HttpStatusCode.OK);

        Assert.That((await ProductRowAsync(id))!.StockQuantity, Is.EqualTo(7), "two of the three adjustments (+1 each) applied");
    }

    /// <summary>A product at version 2, so a stale tag (<c>"1"</c>) and a future one (<c>"3"</c>) both exist.</summary>
    private async Task<Guid> ProductChangedOnceAsync()
    {
        var id = IdOf(await CreateProductAsync(await NewCategoryIdAsync(), stockQuantity: 5));
        using var adjusted = await SendJsonAsync(HttpMethod.Post, StockAdjustmentsPath(id), StockAdjustmentBody(1));
        await adjusted.AssertJsonAsync(HttpStatusCode.OK);
        return id;
    }

    private async Task<HttpResponseMessage> SendWriteAsync(ProductWrite write, Guid id, string? ifMatch)
    {
        var (method, path, body) = write switch
        {
            ProductWrite.Replace => (HttpMethod.Put, ProductPath(id), ProductBody(await NewCategoryIdAsync(), name: UniqueName("Replaced")).ToJsonString()),
            ProductWrite.Archive => (HttpMethod.Delete, ProductPath(id), null),
            _ => (HttpMethod.Post, StockAdjustmentsPath(id), StockAdjustmentBody(1).ToJsonString()),
        };
        if (ifMatch is not null)
        {
            return await SendWithHeaderAsync(method, path, "If-Match", ifMatch, body);
        }

        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, JsonMediaType);
        }

        return await Client.SendAsync(request);
    }

    private async Task AssertWrittenAsync(ProductWrite write, HttpResponseMessage response, Guid id, long expectedVersion)
    {
        if (write == ProductWrite.Archive)
        {
            await response.AssertNoContentAsync();
        }
        else
        {
            await response.AssertJsonAsync(HttpStatusCode.OK);
        }

        var row = await ProductRowAsync(id);
        Assert.Multiple(() =>
        {
            Assert.That(EntityTagOf(response), Is.EqualTo($"\"{expectedVersion}\""), "the new tag");
            Assert.That(row!.Version, Is.EqualTo(expectedVersion), "the stored version");
            Assert.That(row.Status, Is.EqualTo(write == ProductWrite.Archive ? ProductStatus.Archived : ProductStatus.Active));
        });
    }
}
