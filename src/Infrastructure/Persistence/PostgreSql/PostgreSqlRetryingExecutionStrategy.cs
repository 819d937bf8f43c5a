using Microsoft.EntityFrameworkCore.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace Enterprise.Infrastructure.Persistence.PostgreSql;

/// <summary>
/// Npgsql's retrying strategy (connection faults, failover) that also runs again a statement whose prepared plan a
/// migration made stale (<see cref="PostgreSqlDatabaseProvider.IsStaleCachedPlan"/>): the commands' reads and writes,
/// as <see cref="EfReadRetry"/> does for the queries.
/// </summary>
internal sealed class PostgreSqlRetryingExecutionStrategy(ExecutionStrategyDependencies dependencies)
    : NpgsqlRetryingExecutionStrategy(dependencies, TransientFaultRetries.MaxRetryCount, TransientFaultRetries.MaxRetryDelay, errorCodesToAdd: null)
{
    protected override bool ShouldRetryOn(Exception? exception) =>
        base.ShouldRetryOn(exception) || (exception is not null && PostgreSqlDatabaseProvider.IsStaleCachedPlan(exception));
}
