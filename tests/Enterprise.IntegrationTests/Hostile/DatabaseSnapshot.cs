using Enterprise.IntegrationTests.Catalog;
using Enterprise.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Enterprise.IntegrationTests.Hostile;

/// <summary>Every row of Products and Categories, every column, in id order: equal snapshots mean nothing changed.</summary>
public sealed record DatabaseSnapshot(IReadOnlyList<ProductRow> Products, IReadOnlyList<CategoryRow> Categories)
{
    public static Task<DatabaseSnapshot> TakeAsync(EnterpriseApiFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory.QueryDatabaseAsync(async db =>
        {
            var products = await db.Products.AsNoTracking().ToListAsync();
            var categories = await db.Categories.AsNoTracking().ToListAsync();
            return new DatabaseSnapshot(
                [.. products.Select(ProductRow.From).OrderBy(row => row.Id)],
                [.. categories.Select(CategoryRow.From).OrderBy(row => row.Id)]);
        });
    }

    /// <summary>Asserts that <paramref name="after"/> holds exactly the same rows with the same values.</summary>
    public void AssertUnchanged(DatabaseSnapshot after, string request)
    {
        ArgumentNullException.ThrowIfNull(after);
        Assert.Multiple(() =>
        {
            Assert.That(after.Products, Has.Count.EqualTo(Products.Count), $"Product row count changed by\n{request}");
            Assert.That(after.Categories, Has.Count.EqualTo(Categories.Count), $"Category row count changed by\n{request}");
            Assert.That(after.Products, Is.EqualTo(Products), $"Product rows changed by\n{request}");
            Assert.That(after.Categories, Is.EqualTo(Categories), $"Category rows changed by\n{request}");
        });
    }
}
