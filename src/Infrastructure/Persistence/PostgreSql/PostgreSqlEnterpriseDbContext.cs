using Enterprise.Domain.Catalog;
using Enterprise.Infrastructure.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Enterprise.Infrastructure.Persistence.PostgreSql;

/// <summary>The PostgreSQL flavour of the model; its migrations live in <c>Persistence/PostgreSql/Migrations</c>.</summary>
public sealed class PostgreSqlEnterpriseDbContext(DbContextOptions<PostgreSqlEnterpriseDbContext> options) : EnterpriseDbContext(options)
{
    /// <summary>Compares bytes, that is code points in UTF-8, like SQLite's BINARY, whatever the database's locale.</summary>
    private const string CodePointCollation = "C";

    /// <summary>The system column PostgreSQL changes on every write of a row.</summary>
    private const string RowVersion = "xmin";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        // Lists sort and page on these columns, so their order must be the same on every provider.
        modelBuilder.Entity<Product>().Property(product => product.Sku).UseCollation(CodePointCollation);
        modelBuilder.Entity<Product>().Property<string>(ProductNameFolding.NormalizedName).UseCollation(CodePointCollation);
        modelBuilder.Entity<Category>().Property(category => category.Slug).UseCollation(CodePointCollation);
    }

    /// <summary>The engine's own row version detects a stale write; the domain's <c>Version</c> is stored as a plain column.</summary>
    protected override void ConfigureConcurrencyToken(EntityTypeBuilder entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        entity.Property<uint>(RowVersion).IsRowVersion();
    }
}
