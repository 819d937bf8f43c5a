using System.Data.Common;
using Microsoft.EntityFrameworkCore;
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
        // One for the application: every context shares the command texts it has rewritten.
        services.AddSingleton<PositionalParametersInterceptor>();
        services.AddDbContextPool<EnterpriseDbContext, PostgreSqlEnterpriseDbContext>((serviceProvider, builder) =>
            Configure(builder, options.ConnectionString!)
                .UseApplicationOptions(serviceProvider, options)
                .AddInterceptors(serviceProvider.GetRequiredService<PositionalParametersInterceptor>()));
    }

    /// <summary>The driver options, shared with the design-time factory so that the migrations see the application's model.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseNpgsql(WithoutResetOnClose(connectionString), npgsql => npgsql.EnableRetryOnFailure(
            TransientFaultRetries.MaxRetryCount,
            TransientFaultRetries.MaxRetryDelay,
            errorCodesToAdd: null));

    /// <summary>
    /// Turns off the <c>DISCARD ALL</c> that Npgsql sends each time a pooled connection is reused (15-19 µs of server
    /// time per request, a quarter of the throughput of a read by id), unless the connection string sets
    /// <c>No Reset On Close</c> itself. Safe because nothing here changes session state: no <c>SET</c>, no temporary
    /// tables, no session advisory locks, no <c>LISTEN</c>; a change that adds one must keep the reset.
    /// </summary>
    public static string WithoutResetOnClose(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var setExplicitly = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys
            .Cast<string>()
            .Any(key => string.Equals(key.Replace(" ", "", StringComparison.Ordinal), nameof(builder.NoResetOnClose), StringComparison.OrdinalIgnoreCase));
        if (setExplicitly)
        {
            return connectionString;
        }

        builder.NoResetOnClose = true;
        return builder.ConnectionString;
    }

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
                || postgres.IsTransient,
            NpgsqlException npgsql => npgsql.IsTransient,
            _ => false,
        });
}
