using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Enterprise.Infrastructure.Persistence.Sqlite;

/// <summary>The embedded default: a database file that needs no server.</summary>
internal sealed class SqliteDatabaseProvider : IDatabaseProvider
{
    // SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY.
    private const int UniqueConstraintFailed = 2067;
    private const int PrimaryKeyConstraintFailed = 1555;

    // SQLITE_BUSY and SQLITE_LOCKED: another connection holds the lock; SQLITE_CANTOPEN: the file cannot be opened.
    private const int Busy = 5;
    private const int Locked = 6;
    private const int CannotOpen = 14;

    public string Name => DatabaseProviders.Sqlite;

    public bool RetriesTransientFaults => false;

    public void AddDbContext(IServiceCollection services, DatabaseOptions options) =>
        services.AddDbContextPool<EnterpriseDbContext, SqliteEnterpriseDbContext>((serviceProvider, builder) =>
        {
            var contentRoot = serviceProvider.GetRequiredService<IHostEnvironment>().ContentRootPath;
            builder
                .UseSqlite(ResolveFilePath(options.ConnectionString!, contentRoot))
                .UseApplicationOptions(serviceProvider, options);
        });

    public string? DescribeConnectionStringProblem(string connectionString)
    {
        try
        {
            var builder = new SqliteConnectionStringBuilder(connectionString);
            return string.IsNullOrWhiteSpace(builder.DataSource) ? "it has no Data Source (the database file)." : null;
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or KeyNotFoundException)
        {
            return "it is not a valid SQLite connection string (expected for example 'Data Source=enterprise.db').";
        }
    }

    public bool IsUniqueViolation(DbUpdateException exception) =>
        exception?.InnerException is SqliteException { SqliteExtendedErrorCode: UniqueConstraintFailed or PrimaryKeyConstraintFailed };

    public bool IsTransientOrUnavailable(Exception exception) =>
        ExceptionChain.Of(exception).Any(inner => inner is SqliteException { SqliteErrorCode: Busy or Locked or CannotOpen });

    /// <summary>A relative database file is placed under the content root, not wherever the process happens to start.</summary>
    private static string ResolveFilePath(string connectionString, string contentRootPath)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var isInMemory = builder.Mode == SqliteOpenMode.Memory || builder.DataSource == ":memory:";
        if (!isInMemory && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRootPath, builder.DataSource));
        }

        return builder.ToString();
    }
}
