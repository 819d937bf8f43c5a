using Microsoft.EntityFrameworkCore;

namespace Enterprise.Infrastructure.Persistence.Sqlite;

/// <summary>The SQLite flavour of the model; its migrations live in <c>Persistence/Sqlite/Migrations</c>.</summary>
public sealed class SqliteEnterpriseDbContext(DbContextOptions<SqliteEnterpriseDbContext> options) : EnterpriseDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        // SQLite has no schemas; the modules' schemas (for example messaging) would only earn a warning per table.
        foreach (var entityType in modelBuilder.Model.GetEntityTypes())
        {
            entityType.SetSchema(null);
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);

        // SQLite has no decimal type and cannot compare or sort EF's TEXT decimals:
        // store money as an exact scaled integer instead.
        configurationBuilder.Properties<decimal>().HaveConversion<ScaledDecimalConverter>();
    }
}
