using Enterprise.Domain.Catalog;
using Enterprise.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Enterprise.Infrastructure.Persistence;

/// <summary>
/// The application's model, shared by all providers. Each provider derives its own context so that it
/// keeps its own migrations (column types differ per engine); modules add entity configurations to this assembly.
/// </summary>
public abstract class EnterpriseDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Product> Products => Set<Product>();

    public DbSet<Category> Categories => Set<Category>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(EnterpriseDbContext).Assembly);

        var aggregates = modelBuilder.Model.GetEntityTypes()
            .Where(entityType => entityType.BaseType is null && entityType.ClrType.IsAssignableTo(typeof(AggregateRoot)))
            .ToList();
        foreach (var aggregate in aggregates)
        {
            ConfigureConcurrencyToken(modelBuilder.Entity(aggregate.ClrType));
        }
    }

    /// <summary>
    /// Makes a write based on a stale read of the aggregate fail with <see cref="DbUpdateConcurrencyException"/>.
    /// By default the domain's <see cref="AggregateRoot.Version"/> is the token; a provider whose engine keeps a
    /// row version of its own uses that instead, and <c>Version</c> stays a plain column.
    /// </summary>
    protected virtual void ConfigureConcurrencyToken(EntityTypeBuilder entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        entity.Property(nameof(AggregateRoot.Version)).IsConcurrencyToken();
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // Drivers return DateTime without a kind; every stored instant is UTC, so say so on the way out.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<decimal>().HaveConversion<NormalizedDecimalConverter>();
    }
}
