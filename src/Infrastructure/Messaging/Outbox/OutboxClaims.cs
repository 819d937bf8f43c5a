using Enterprise.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Enterprise.Infrastructure.Messaging.Outbox;

/// <summary>
/// Claims a batch of due outbox rows for one relay, so that several relays (instances) never publish the same row in the
/// normal case: the claim writes the batch's token and lease on rows no other relay holds, atomically per engine.
/// </summary>
internal interface IOutboxClaim
{
    /// <summary>Marks up to <paramref name="batchSize"/> due, unleased rows, oldest first, as held by <paramref name="token"/> until <paramref name="leasedUntil"/>.</summary>
    Task ClaimAsync(EnterpriseDbContext dbContext, Guid token, DateTime now, DateTime leasedUntil, int batchSize, CancellationToken cancellationToken);
}

internal static class OutboxClaims
{
    public static IOutboxClaim For(IDatabaseProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        return provider.Name switch
        {
            DatabaseProviders.PostgreSql => new PostgreSqlOutboxClaim(),
            DatabaseProviders.SqlServer => new SqlServerOutboxClaim(),
            _ => new SingleWriterOutboxClaim(),
        };
    }
}

/// <summary>PostgreSQL: rows another relay is claiming right now are skipped (<c>FOR UPDATE SKIP LOCKED</c>), not waited for.</summary>
internal sealed class PostgreSqlOutboxClaim : IOutboxClaim
{
    public Task ClaimAsync(EnterpriseDbContext dbContext, Guid token, DateTime now, DateTime leasedUntil, int batchSize, CancellationToken cancellationToken) =>
        dbContext.Database.ExecuteSqlAsync(
            $"""
            UPDATE messaging."OutboxMessages" SET "LockedBy" = {token}, "LockedUntil" = {leasedUntil}
            WHERE "Id" IN (
                SELECT "Id" FROM messaging."OutboxMessages"
                WHERE "SentAt" IS NULL AND "DeadLetteredAt" IS NULL AND "NextAttemptAt" <= {now}
                    AND ("LockedUntil" IS NULL OR "LockedUntil" < {now})
                ORDER BY "OccurredAt", "Id"
                LIMIT {batchSize}
                FOR UPDATE SKIP LOCKED)
            """,
            cancellationToken);
}

/// <summary>SQL Server: rows another relay has locked are read past (<c>READPAST</c>) and the batch's rows locked for update.</summary>
internal sealed class SqlServerOutboxClaim : IOutboxClaim
{
    public Task ClaimAsync(EnterpriseDbContext dbContext, Guid token, DateTime now, DateTime leasedUntil, int batchSize, CancellationToken cancellationToken) =>
        dbContext.Database.ExecuteSqlAsync(
            $"""
            WITH batch AS (
                SELECT TOP ({batchSize}) * FROM [messaging].[OutboxMessages] WITH (UPDLOCK, READPAST, ROWLOCK)
                WHERE [SentAt] IS NULL AND [DeadLetteredAt] IS NULL AND [NextAttemptAt] <= {now}
                    AND ([LockedUntil] IS NULL OR [LockedUntil] < {now})
                ORDER BY [OccurredAt], [Id])
            UPDATE batch SET [LockedBy] = {token}, [LockedUntil] = {leasedUntil}
            """,
            cancellationToken);
}

/// <summary>
/// SQLite: the engine runs one write at a time, so a single conditional update is atomic and the lease alone keeps
/// relays apart.
/// </summary>
internal sealed class SingleWriterOutboxClaim : IOutboxClaim
{
    public Task ClaimAsync(EnterpriseDbContext dbContext, Guid token, DateTime now, DateTime leasedUntil, int batchSize, CancellationToken cancellationToken) =>
        dbContext.Set<OutboxMessage>()
            .Where(message => message.SentAt == null && message.DeadLetteredAt == null && message.NextAttemptAt <= now
                && (message.LockedUntil == null || message.LockedUntil < now))
            .OrderBy(message => message.OccurredAt)
            .ThenBy(message => message.Id)
            .Take(batchSize)
            .ExecuteUpdateAsync(
                setters => setters
                    .SetProperty(message => message.LockedBy, token)
                    .SetProperty(message => message.LockedUntil, leasedUntil),
                cancellationToken);
}
