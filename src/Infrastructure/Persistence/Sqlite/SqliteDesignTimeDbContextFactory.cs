using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Enterprise.Infrastructure.Persistence.Sqlite;

/// <summary>Lets <c>dotnet ef</c> build the SQLite context without starting the application.</summary>
internal sealed class SqliteDesignTimeDbContextFactory : IDesignTimeDbContextFactory<SqliteEnterpriseDbContext>
{
    public SqliteEnterpriseDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteEnterpriseDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
