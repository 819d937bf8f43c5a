using Enterprise.Application.Catalog.Contracts;
using Enterprise.Infrastructure.Persistence;
using Enterprise.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Enterprise.IntegrationTests.Catalog;

/// <summary>What other modules read of Catalog's products (<see cref="IProductCatalog"/>), against the real database.</summary>
[TestFixtureSource(typeof(DatabasesUnderTest), nameof(DatabasesUnderTest.All))]
public sealed class ProductCatalogContractTests(DatabaseUnderTest database) : CatalogFixture(database)
{
    private readonly DatabaseCommandCounter _productQueries = new("Products");

    protected override EnterpriseApiFactory CreateFactory() =>
        new(DatabaseUnderTest) { TestServices = services => services.AddSingleton<IInterceptor>(_productQueries) };

    [Test]
    public async Task Products_are_found_by_id_in_one_untracked_query_archived_ones_marked_and_unknown_ones_absent()
    {
        var categoryId = await NewCategoryIdAsync();
        var active = await CreateProductAsync(categoryId, price: 12.5m);
        var archived = await CreateProductAsync(categoryId, price: 3m);
        await ArchiveAsync(IdOf(archived));
        _productQueries.Reset();

        await using var scope = Factory.Services.CreateAsyncScope();
        var found = await scope.ServiceProvider.GetRequiredService<IProductCatalog>()
            .FindAsync([IdOf(active), IdOf(archived), Guid.CreateVersion7()], CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(found.OrderBy(product => product.Price), Is.EqualTo(new[] { Expected(archived, isActive: false), Expected(active, isActive: true) }));
            Assert.That(_productQueries.Queries, Is.EqualTo(1), "one round trip");
            Assert.That(scope.ServiceProvider.GetRequiredService<EnterpriseDbContext>().ChangeTracker.Entries(), Is.Empty, "nothing tracked");
        });
    }

    [Test]
    public async Task No_ids_find_nothing_without_a_query()
    {
        _productQueries.Reset();
        await using var scope = Factory.Services.CreateAsyncScope();

        var found = await scope.ServiceProvider.GetRequiredService<IProductCatalog>().FindAsync([], CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(found, Is.Empty);
            Assert.That(_productQueries.Queries, Is.Zero);
        });
    }

    private static CatalogProduct Expected(System.Text.Json.JsonElement created, bool isActive) => new(
        IdOf(created),
        created.GetProperty("sku").GetString()!,
        created.GetProperty("name").GetString()!,
        created.GetProperty("price").GetDecimal(),
        created.GetProperty("currency").GetString()!,
        isActive);
}
