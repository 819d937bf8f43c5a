using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Enterprise.Infrastructure.Persistence.PostgreSql;

/// <summary>PostgreSQL through Npgsql.</summary>
internal sealed class PostgreSqlDatabaseProvider : IDatabaseProvider
{
    /// <summary>SQLSTATE class 08: connection exception.</summary>
    private const string ConnectionExceptionClass = "08";

    public string Name => DatabaseProviders.PostgreSql;

    public bool RetriesTransientFaults => true;

    public void AddDbContext(IServiceCollection services, DatabaseOptions options)
    {
        services.AddDbContextPool<EnterpriseDbContext, PostgreSqlEnterpriseDbContext>((serviceProvider, builder) =>
            Configure(builder, options.ConnectionString!)
                .UseApplicationOptions(serviceProvider, options)
                .ReplaceService<IRelationalCommandBuilderFactory, PositionalCommandBuilderFactory>());
    }

    /// <summary>
    /// Statements each pooled connection keeps prepared on the server (Npgsql's least recently used ones give way): the
    /// application's hot queries are far fewer.
    /// </summary>
    public const int AutoPreparedStatements = 32;

    /// <summary>The driver options, shared with the design-time factory so that the migrations see the application's model.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseNpgsql(WithDriverDefaults(connectionString), npgsql => npgsql.ExecutionStrategy(
            dependencies => new PostgreSqlRetryingExecutionStrategy(dependencies)));

    /// <summary>
    /// The connection string with two driver defaults, each unless the connection string sets it itself:
    /// <list type="bullet">
    /// <item><c>No Reset On Close</c>: no <c>DISCARD ALL</c> each time a pooled connection is reused (15-19 µs of server
    /// time per request, a quarter of the throughput of a read by id). Safe because nothing here changes session state:
    /// no <c>SET</c>, no temporary tables, no session advisory locks, no <c>LISTEN</c>; a change that adds one must keep
    /// the reset.</item>
    /// <item><c>Max Auto Prepare</c>: a statement run five times on a connection is prepared on the server, so later runs
    /// skip parsing and planning and the driver reuses the row description (about a sixth less CPU per read by id,
    /// ADR 0010). A migration that changes a selected column's type makes such a statement fail once per
    /// connection; <see cref="IsStaleCachedPlan"/> makes that a retried fault. <c>Max Auto Prepare=0</c> turns it off
    /// (PgBouncer in transaction mode before 1.21).</item>
    /// </list>
    /// </summary>
    public static string WithDriverDefaults(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var keysSet = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys
            .Cast<string>()
            .Select(key => key.Replace(" ", "", StringComparison.Ordinal))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (!keysSet.Contains(nameof(builder.NoResetOnClose)))
        {
            builder.NoResetOnClose = true;
        }

        if (!keysSet.Contains(nameof(builder.MaxAutoPrepare)))
        {
            builder.MaxAutoPrepare = AutoPreparedStatements;
        }

        return builder.ConnectionString;
    }

    /// <summary>
    /// PostgreSQL refuses to run a prepared statement whose result columns changed type since it was prepared (a
    /// migration widened a column): <c>0A000</c> from <c>RevalidateCachedQuery</c>. Npgsql drops the statement with the
    /// error, so the same query run again is prepared anew and succeeds.
    /// </summary>
    internal static bool IsStaleCachedPlan(Exception exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.FeatureNotSupported, Routine: "RevalidateCachedQuery" };

    public string? DescribeConnectionStringProblem(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return string.IsNullOrWhiteSpace(builder.Host) ? "it has no Host (the PostgreSQL server)." : null;
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or KeyNotFoundException or InvalidCastException)
        {
            return "it is not a valid PostgreSQL connection string (expected for example 'Host=localhost;Database=enterprise;Username=enterprise;Password=...').";
        }
    }

    public bool IsUniqueViolation(DbUpdateException exception) =>
        exception?.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public bool IsTransientOrUnavailable(Exception exception) =>
        ExceptionChain.Of(exception).Any(inner => inner switch
        {
            PostgresException postgres => postgres.SqlState.StartsWith(ConnectionExceptionClass, StringComparison.Ordinal)
                || postgres.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
                || postgres.IsTransient
                || IsStaleCachedPlan(postgres),
            NpgsqlException npgsql => npgsql.IsTransient,
            _ => false,
        });
}
