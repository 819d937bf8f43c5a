namespace Enterprise.Infrastructure.Persistence;

/// <summary>A module's demo data. Seeding runs on every start when enabled, so it must only add what is missing.</summary>
public interface IDataSeeder
{
    Task SeedAsync(EnterpriseDbContext dbContext, CancellationToken cancellationToken);
}
