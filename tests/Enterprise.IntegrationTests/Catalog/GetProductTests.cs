using System.Net;
using Enterprise.Domain.Catalog;
using Enterprise.IntegrationTests.Infrastructure;
using static Enterprise.IntegrationTests.Catalog.CatalogAssertions;

namespace Enterprise.IntegrationTests.Catalog;

[CoversEndpoint("GET", Route)]
[TestFixtureSource(typeof(DatabasesUnderTest), nameof(DatabasesUnderTest.All))]
public sealed class GetProductTests(DatabaseUnderTest database) : CatalogFixture(database)
{
    private const string Route = "api/v{version:apiVersion}/products/{id:guid}";

    [Test]
    public async Task An_active_product_is_200_with_every_member_of_the_contract_as_stored()
    {
        var categoryId = await NewCategoryIdAsync();
        var sku = UniqueSku("GP");
        var name = UniqueName("Get me");
        var created = await CreateProductAsync(categoryId, sku: sku, price: 41.5m, stockQuantity: 7, name: name);

        using var response = await Client.GetAsync(ProductPath(IdOf(created)));

        var product = await response.AssertJsonAsync(HttpStatusCode.OK);
        AssertProduct(product, new ExpectedProduct(sku, name, "Created by a test", 41.5m, "EUR", 7, categoryId));
        Assert.Multiple(() =>
        {
            Assert.That(IdOf(product), Is.EqualTo(IdOf(created)));
            Assert.That(product.GetProperty("createdAt").GetString(), Is.EqualTo(created.GetProperty("createdAt").GetString()), "the stored instant reads back exactly");
        });
        AssertRowMatches(await ProductRowAsync(IdOf(created)), product);
    }

    [Test]
    public async Task An_unknown_id_is_404_problem_naming_the_id()
    {
        var unknown = Guid.NewGuid();

        using var response = await Client.GetAsync(ProductPath(unknown));

        var problem = await response.AssertApiProblemAsync(HttpStatusCode.NotFound, "Product.NotFound");
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain(unknown.ToString()));
    }

    [Test]
    [CoversEndpoint("DELETE", Route)]
    public async Task An_archived_product_is_404_although_its_row_remains()
    {
        var created = await CreateProductAsync(await NewCategoryIdAsync());
        await ArchiveAsync(IdOf(created));

        using var response = await Client.GetAsync(ProductPath(IdOf(created)));

        await response.AssertApiProblemAsync(HttpStatusCode.NotFound, "Product.NotFound");
        Assert.That((await ProductRowAsync(IdOf(created)))?.Status, Is.EqualTo(ProductStatus.Archived));
    }
}
