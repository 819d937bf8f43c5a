using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Enterprise.Infrastructure.Persistence.PostgreSql;

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL context without a server: adding a migration or a script never connects.</summary>
internal sealed class PostgreSqlDesignTimeDbContextFactory : IDesignTimeDbContextFactory<PostgreSqlEnterpriseDbContext>
{
    private const string PlaceholderConnectionString = "Host=localhost;Database=enterprise;Username=enterprise";

    public PostgreSqlEnterpriseDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PostgreSqlEnterpriseDbContext>();
        PostgreSqlDatabaseProvider.Configure(builder, PlaceholderConnectionString);
        return new(builder.Options);
    }
}
