using Enterprise.Domain.Catalog;
using Enterprise.Domain.Common;
using Enterprise.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Enterprise.IntegrationTests.Persistence;

/// <summary>One domain shape, mapped so that every provider behaves the same: concurrency, ordering, column types.</summary>
public sealed class ProviderModelTests
{
    [TestCase(DatabaseProviders.Sqlite, nameof(AggregateRoot.Version), "INTEGER")]
    [TestCase(DatabaseProviders.PostgreSql, "xmin", "xid")]
    [TestCase(DatabaseProviders.SqlServer, "RowVersion", "rowversion")]
    public void Every_aggregate_has_one_concurrency_token(string provider, string tokenColumn, string tokenType)
    {
        using var dbContext = ServerlessContexts.Create(provider);
        var aggregates = Model(dbContext).GetEntityTypes().Where(entityType => entityType.ClrType.IsAssignableTo(typeof(AggregateRoot))).ToArray();

        Assert.That(aggregates, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            foreach (var aggregate in aggregates)
            {
                var tokens = aggregate.GetProperties().Where(property => property.IsConcurrencyToken).ToArray();
                Assert.That(tokens.Select(token => token.GetColumnName()), Is.EqualTo(new[] { tokenColumn }), aggregate.DisplayName());
                Assert.That(tokens.Select(token => token.GetColumnType()), Is.EqualTo(new[] { tokenType }), aggregate.DisplayName());
                Assert.That(aggregate.FindProperty(nameof(AggregateRoot.Version)), Is.Not.Null, "the domain's version is stored on every provider");
            }
        });
    }

    [TestCase(DatabaseProviders.Sqlite, null)]
    [TestCase(DatabaseProviders.PostgreSql, "C")]
    [TestCase(DatabaseProviders.SqlServer, "Latin1_General_100_BIN2")]
    public void The_text_columns_lists_sort_or_page_on_compare_by_code_point(string provider, string? collation)
    {
        using var dbContext = ServerlessContexts.Create(provider);
        var model = Model(dbContext);
        var product = model.FindEntityType(typeof(Product))!;
        var category = model.FindEntityType(typeof(Category))!;

        // SQLite's default collation, BINARY, already compares bytes.
        Assert.Multiple(() =>
        {
            Assert.That(product.FindProperty(nameof(Product.Sku))!.GetCollation(), Is.EqualTo(collation));
            Assert.That(product.FindProperty("NormalizedName")!.GetCollation(), Is.EqualTo(collation));
            Assert.That(category.FindProperty(nameof(Category.Slug))!.GetCollation(), Is.EqualTo(collation));
            Assert.That(product.FindProperty(nameof(Product.Name))!.GetCollation(), Is.Null, "a column nobody sorts on keeps the database's default");
        });
    }

    [TestCase(DatabaseProviders.PostgreSql, "timestamp with time zone", "numeric(18,4)")]
    [TestCase(DatabaseProviders.SqlServer, "datetime2", "decimal(18,4)")]
    public void Instants_and_money_use_the_engines_exact_types(string provider, string timestampType, string moneyType)
    {
        using var dbContext = ServerlessContexts.Create(provider);
        var product = Model(dbContext).FindEntityType(typeof(Product))!;

        Assert.Multiple(() =>
        {
            Assert.That(product.FindProperty(nameof(Product.CreatedAt))!.GetColumnType(), Is.EqualTo(timestampType));
            Assert.That(product.FindComplexProperty(nameof(Product.Price))!.ComplexType.FindProperty(nameof(Money.Amount))!.GetColumnType(), Is.EqualTo(moneyType));
        });
    }

    [TestCase(DatabaseProviders.Sqlite, "\"DeletedAt\" IS NULL")]
    [TestCase(DatabaseProviders.PostgreSql, "\"DeletedAt\" IS NULL")]
    [TestCase(DatabaseProviders.SqlServer, "[DeletedAt] IS NULL")]
    public void A_category_slug_is_unique_among_live_categories_in_the_engines_own_syntax(string provider, string filter)
    {
        using var dbContext = ServerlessContexts.Create(provider);
        var slugIndex = Model(dbContext).FindEntityType(typeof(Category))!.GetIndexes()
            .Single(index => index.Properties.Select(property => property.Name).SequenceEqual([nameof(Category.Slug)]));

        Assert.Multiple(() =>
        {
            Assert.That(slugIndex.IsUnique, Is.True);
            Assert.That(slugIndex.GetFilter(), Is.EqualTo(filter));
        });
    }

    /// <summary>The design-time model keeps every annotation (collations, column types) that migrations see.</summary>
    private static IModel Model(DbContext dbContext) => dbContext.GetService<IDesignTimeModel>().Model;
}
