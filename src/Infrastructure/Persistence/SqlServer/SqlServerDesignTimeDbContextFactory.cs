using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Enterprise.Infrastructure.Persistence.SqlServer;

/// <summary>Lets <c>dotnet ef</c> build the SQL Server context without a server: adding a migration or a script never connects.</summary>
internal sealed class SqlServerDesignTimeDbContextFactory : IDesignTimeDbContextFactory<SqlServerEnterpriseDbContext>
{
    private const string PlaceholderConnectionString = "Server=localhost;Database=Enterprise;Integrated Security=False";

    public SqlServerEnterpriseDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqlServerEnterpriseDbContext>();
        SqlServerDatabaseProvider.Configure(builder, PlaceholderConnectionString);
        return new(builder.Options);
    }
}
