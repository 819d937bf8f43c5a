using Enterprise.Domain.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Enterprise.Infrastructure.Persistence;

/// <summary>
/// The application's model, shared by all providers. Each provider derives its own context so that it
/// keeps its own migrations (column types differ per engine); modules add entity configurations to this assembly.
/// </summary>
public abstract class EnterpriseDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Product> Products => Set<Product>();

    public DbSet<Category> Categories => Set<Category>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(EnterpriseDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // Drivers return DateTime without a kind; every stored instant is UTC, so say so on the way out.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
