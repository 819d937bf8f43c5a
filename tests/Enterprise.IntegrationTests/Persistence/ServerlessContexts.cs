using Enterprise.Infrastructure.Persistence;
using Enterprise.Infrastructure.Persistence.PostgreSql;
using Enterprise.Infrastructure.Persistence.Sqlite;
using Enterprise.Infrastructure.Persistence.SqlServer;
using Microsoft.EntityFrameworkCore;

namespace Enterprise.IntegrationTests.Persistence;

/// <summary>
/// Each provider's context on a placeholder connection string, as <c>dotnet ef</c> builds it: enough for the
/// model and the migration scripts, and it never connects, so no server is needed.
/// </summary>
internal static class ServerlessContexts
{
    public static IEnumerable<string> ServerProviders => [DatabaseProviders.SqlServer, DatabaseProviders.PostgreSql];

    public static EnterpriseDbContext Create(string provider) => provider switch
    {
        DatabaseProviders.Sqlite => new SqliteEnterpriseDbContext(
            new DbContextOptionsBuilder<SqliteEnterpriseDbContext>().UseSqlite("Data Source=:memory:").Options),
        DatabaseProviders.SqlServer => new SqlServerEnterpriseDbContext(
            new DbContextOptionsBuilder<SqlServerEnterpriseDbContext>().UseSqlServer("Server=localhost;Database=Enterprise").Options),
        DatabaseProviders.PostgreSql => new PostgreSqlEnterpriseDbContext(
            new DbContextOptionsBuilder<PostgreSqlEnterpriseDbContext>().UseNpgsql("Host=localhost;Database=enterprise").Options),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown provider."),
    };
}
