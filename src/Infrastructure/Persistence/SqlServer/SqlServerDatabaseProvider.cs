using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.SqlServer.Storage.Internal;
using Microsoft.Extensions.DependencyInjection;

namespace Enterprise.Infrastructure.Persistence.SqlServer;

/// <summary>SQL Server (and Azure SQL) through Microsoft.Data.SqlClient.</summary>
internal sealed class SqlServerDatabaseProvider : IDatabaseProvider
{
    // Cannot insert a duplicate key row in a unique index; violation of a UNIQUE or PRIMARY KEY constraint.
    private const int DuplicateKeyInUniqueIndex = 2601;
    private const int UniqueConstraintViolation = 2627;

    // Errors of severity 20 and above end the connection; the client reports a failed connect that way too.
    private const int ConnectionFatalSeverity = 20;

    public string Name => DatabaseProviders.SqlServer;

    public bool RetriesTransientFaults => true;

    public void AddDbContext(IServiceCollection services, DatabaseOptions options) =>
        services.AddDbContextPool<EnterpriseDbContext, SqlServerEnterpriseDbContext>((serviceProvider, builder) =>
            Configure(builder, options.ConnectionString!).UseApplicationOptions(serviceProvider, options));

    /// <summary>The driver options, shared with the design-time factory so that the migrations see the application's model.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseSqlServer(connectionString, sqlServer => sqlServer.EnableRetryOnFailure(
            TransientFaultRetries.MaxRetryCount,
            TransientFaultRetries.MaxRetryDelay,
            errorNumbersToAdd: null));

    public string? DescribeConnectionStringProblem(string connectionString)
    {
        try
        {
            var builder = new SqlConnectionStringBuilder(connectionString);
            return string.IsNullOrWhiteSpace(builder.DataSource) ? "it has no Data Source (the SQL Server, also called Server)." : null;
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            return "it is not a valid SQL Server connection string (expected for example 'Server=localhost;Database=Enterprise;User ID=enterprise;Password=...;Encrypt=True').";
        }
    }

    public bool IsUniqueViolation(DbUpdateException exception) =>
        exception?.InnerException is SqlException { Number: DuplicateKeyInUniqueIndex or UniqueConstraintViolation };

    public bool IsTransientOrUnavailable(Exception exception) =>
        ExceptionChain.Of(exception).Any(inner => inner is SqlException { Class: >= ConnectionFatalSeverity } || IsRetriedByEfCore(inner));

    // The list of transient error numbers EnableRetryOnFailure retries on, so both agree on what is transient.
#pragma warning disable EF1001 // Internal EF Core API: the detector has no public equivalent.
    private static bool IsRetriedByEfCore(Exception exception) => SqlServerTransientExceptionDetector.ShouldRetryOn(exception);
#pragma warning restore EF1001
}
