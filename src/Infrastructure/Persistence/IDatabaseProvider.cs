using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enterprise.Infrastructure.Persistence;

/// <summary>What differs between database engines: the context type (and so the migration set), driver options and error codes.</summary>
public interface IDatabaseProvider
{
    string Name { get; }

    /// <summary>True when the context retries transient faults (a server's failover or dropped connection); false for a file.</summary>
    bool RetriesTransientFaults { get; }

    /// <summary>
    /// Registers the pooled provider-specific context as the <see cref="EnterpriseDbContext"/> the application uses,
    /// with every <c>IInterceptor</c> the modules registered (singletons: pooled options are built once).
    /// </summary>
    void AddDbContext(IServiceCollection services, DatabaseOptions options);

    /// <summary>Null when the connection string can be used; otherwise why not (without echoing secrets).</summary>
    string? DescribeConnectionStringProblem(string connectionString);

    /// <summary>True when the write failed because another row already holds a unique value.</summary>
    bool IsUniqueViolation(DbUpdateException exception);

    /// <summary>
    /// True when the exception, or one it wraps (a retry limit, an update failure), means the database could not be
    /// reached or is temporarily unavailable, so the same request may succeed later.
    /// </summary>
    bool IsTransientOrUnavailable(Exception exception);
}
