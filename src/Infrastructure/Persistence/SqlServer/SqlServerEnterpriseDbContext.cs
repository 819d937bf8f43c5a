using Enterprise.Domain.Catalog;
using Enterprise.Infrastructure.Catalog;
using Enterprise.Infrastructure.Idempotency;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Enterprise.Infrastructure.Persistence.SqlServer;

/// <summary>The SQL Server flavour of the model; its migrations live in <c>Persistence/SqlServer/Migrations</c>.</summary>
public sealed class SqlServerEnterpriseDbContext(DbContextOptions<SqlServerEnterpriseDbContext> options) : EnterpriseDbContext(options)
{
    /// <summary>
    /// Compares binary values like SQLite's BINARY, not linguistically. On nvarchar these are UTF-16 code units:
    /// code point order, except that characters beyond U+FFFF sort before U+E000–U+FFFF.
    /// </summary>
    private const string BinaryCollation = "Latin1_General_100_BIN2";

    /// <summary>A <c>rowversion</c> column: SQL Server changes it on every write of a row.</summary>
    private const string RowVersion = nameof(RowVersion);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        // Lists sort and page on these columns, so their order must be the same on every provider.
        modelBuilder.Entity<Product>().Property(product => product.Sku).UseCollation(BinaryCollation);
        modelBuilder.Entity<Product>().Property<string>(ProductNameFolding.NormalizedName).UseCollation(BinaryCollation);
        modelBuilder.Entity<Category>().Property(category => category.Slug).UseCollation(BinaryCollation);

        // Idempotency keys are case-sensitive: "Order-1" and "order-1" are two keys, as on the other providers.
        modelBuilder.Entity<IdempotencyRecord>().Property(record => record.Key).UseCollation(BinaryCollation);

        // The shared filter quotes the column the ANSI way; brackets work whatever the session's QUOTED_IDENTIFIER.
        modelBuilder.Entity<Category>().HasIndex(category => category.Slug).HasFilter("[DeletedAt] IS NULL");
    }

    /// <summary>The engine's own row version detects a stale write; the domain's <c>Version</c> is stored as a plain column.</summary>
    protected override void ConfigureConcurrencyToken(EntityTypeBuilder entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        entity.Property<byte[]>(RowVersion).IsRowVersion();
    }
}
