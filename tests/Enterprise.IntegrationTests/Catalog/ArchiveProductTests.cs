using System.Net;
using Enterprise.Domain.Catalog;
using Enterprise.IntegrationTests.Infrastructure;

namespace Enterprise.IntegrationTests.Catalog;

[CoversEndpoint("DELETE", Route)]
[TestFixtureSource(typeof(DatabasesUnderTest), nameof(DatabasesUnderTest.All))]
public sealed class ArchiveProductTests(DatabaseUnderTest database) : CatalogFixture(database)
{
    private const string Route = "api/v{version:apiVersion}/products/{id:guid}";

    [Test]
    [CoversEndpoint("GET", Route)]
    [CoversEndpoint("GET", "api/v{version:apiVersion}/products")]
    public async Task Delete_is_204_and_archives_the_row_which_then_leaves_lookups_and_lists()
    {
        var categoryId = await NewCategoryIdAsync();
        var kept = await CreateProductAsync(categoryId);
        var id = IdOf(await CreateProductAsync(categoryId));
        var before = await ProductRowAsync(id);

        using var response = await Client.DeleteAsync(ProductPath(id));

        await response.AssertNoContentAsync();
        var after = await ProductRowAsync(id);
        Assert.That(after, Is.Not.Null, "archiving keeps the row");
        Assert.Multiple(() =>
        {
            Assert.That(after!.Status, Is.EqualTo(ProductStatus.Archived));
            Assert.That(after.Version, Is.EqualTo(before!.Version + 1));
            Assert.That(after.UpdatedAt, Is.GreaterThan(before.UpdatedAt));
            Assert.That(after with { Status = before.Status, Version = before.Version, UpdatedAt = before.UpdatedAt }, Is.EqualTo(before), "nothing else changes");
        });

        using var lookup = await Client.GetAsync(ProductPath(id));
        await lookup.AssertApiProblemAsync(HttpStatusCode.NotFound, "Product.NotFound");

        using var list = await Client.GetAsync($"{ProductsPath}?categoryId={categoryId}");
        var page = await list.AssertJsonAsync(HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(page.GetProperty("items").EnumerateArray().Select(IdOf), Is.EqualTo(new[] { IdOf(kept) }));
            Assert.That(page.GetProperty("totalCount").GetInt32(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Deleting_an_archived_product_again_is_404_and_changes_nothing()
    {
        var id = IdOf(await CreateProductAsync(await NewCategoryIdAsync()));
        await ArchiveAsync(id);
        var before = await ProductRowAsync(id);

        using var response = await Client.DeleteAsync(ProductPath(id));

        await response.AssertApiProblemAsync(HttpStatusCode.NotFound, "Product.NotFound");
        Assert.That(await ProductRowAsync(id), Is.EqualTo(before));
    }

    [Test]
    public async Task Deleting_an_unknown_id_is_404_problem_naming_the_id()
    {
        var unknown = Guid.NewGuid();

        using var response = await Client.DeleteAsync(ProductPath(unknown));

        var problem = await response.AssertApiProblemAsync(HttpStatusCode.NotFound, "Product.NotFound");
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain(unknown.ToString()));
    }
}
